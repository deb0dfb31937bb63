package org.urbancooperation.partnership.indicator.application;

import java.util.Map;
import java.util.UUID;

import org.urbancooperation.partnership.indicator.domain.CountedThing;
import org.urbancooperation.partnership.indicator.domain.IndicatorMeasure;

/** The read model of the things other services report: the latest known state of each, by aggregate version. */
public interface CountedThings {

    /** Per partnership and measure: how many things count now. */
    record Key(UUID partnershipId, IndicatorMeasure measure) {
    }

    /**
     * Stores {@code state} if {@code version} is newer than the state stored for the same thing ({@link
     * CountedThing#replaces}), in one write.
     *
     * @return false when the stored state is as new or newer (a redelivery, or a fact overtaken by a later one)
     */
    boolean record(CountedThing state, long version);

    /** How many things count now for the partnership's measure. */
    long count(UUID partnershipId, IndicatorMeasure measure);

    /** All counts at once, for the business metrics; keys without any counting thing are absent. */
    Map<Key, Long> countAll();
}
