package org.urbancooperation.partnership.indicator.domain;

/** What happens to an indicator; the application publishes each as an integration event. */
public sealed interface IndicatorEvent {

    /** Defined, or its baseline, target or target date changed. */
    record TargetSet(Indicator indicator) implements IndicatorEvent {
    }
}
