package org.urbancooperation.partnership.indicator.domain;

/** Where an indicator's actual value comes from. */
public enum IndicatorSource {
    /** Counted from the other services' integration events (see {@link IndicatorMeasure}). */
    AUTOMATIC,
    /** Entered by hand by operators and staff of member organisations, each value with a date and a source. */
    MANUAL
}
