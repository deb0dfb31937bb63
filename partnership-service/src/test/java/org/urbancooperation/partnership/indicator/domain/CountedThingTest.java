package org.urbancooperation.partnership.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.partnership.indicator.domain.CountedThing.Kind;

class CountedThingTest {

    private final UUID essenKoriyama = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void onlyANewerVersionReplacesTheStoredState() {
        assertThat(CountedThing.replaces(1, null)).isTrue();
        assertThat(CountedThing.replaces(3, 2L)).isTrue();
        assertThat(CountedThing.replaces(2, 2L)).as("a redelivery").isFalse();
        assertThat(CountedThing.replaces(1, 2L)).as("a fact overtaken by a later one").isFalse();
    }

    @Test
    void aThingCountsForItsPartnershipsAndMeasureWhileItHappened() {
        UUID event = UUID.randomUUID();
        CountedThing held = CountedThing.happened(Kind.COOPERATION_EVENT, event, List.of(essenKoriyama));
        CountedThing cancelled = CountedThing.takenBack(Kind.COOPERATION_EVENT, event, List.of(essenKoriyama));

        assertThat(held.countsFor(essenKoriyama, IndicatorMeasure.COOPERATION_EVENTS_HELD)).isTrue();
        assertThat(held.countsFor(other, IndicatorMeasure.COOPERATION_EVENTS_HELD)).isFalse();
        assertThat(held.countsFor(essenKoriyama, IndicatorMeasure.MATCHING_EVENTS_HELD)).isFalse();
        assertThat(cancelled.countsFor(essenKoriyama, IndicatorMeasure.COOPERATION_EVENTS_HELD)).isFalse();
        assertThat(held.key()).isEqualTo(cancelled.key()).isEqualTo("COOPERATION_EVENT:" + event);
    }

    @Test
    void everyMeasureIsCountedFromExactlyOneKindOfThing() {
        for (IndicatorMeasure measure : IndicatorMeasure.values()) {
            assertThat(Kind.countedFor(measure).measure()).isEqualTo(measure);
        }
        assertThat(Kind.values()).hasSameSizeAs(IndicatorMeasure.values());
    }
}
