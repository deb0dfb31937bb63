package org.urbancooperation.partnership.indicator.domain;

import java.util.List;
import java.util.UUID;

/**
 * The latest known state of one thing another service reported (a cooperation event, a registration, a match...):
 * whether it counts now, and for which partnerships. Actuals are counted from these states, never by increments, so
 * a redelivered fact, facts in another order, or a cancellation taking a held event back all end in the same count.
 *
 * <p>Which state is the latest is decided by the version of the aggregate the fact came from (the producer's
 * aggregate version, e.g. the cooperation event's for its registrations): a fact older than or as old as the stored
 * state changes nothing.
 *
 * @param counts whether the thing counts now (held, confirmed, accepted...) or no longer (cancelled, withdrawn)
 */
public record CountedThing(Kind kind, UUID thingId, List<UUID> partnershipIds, boolean counts) {

    /** The things other services report, and the measure each counts for. */
    public enum Kind {
        COOPERATION_EVENT(IndicatorMeasure.COOPERATION_EVENTS_HELD),
        REGISTRATION(IndicatorMeasure.PARTICIPANTS_REGISTERED),
        MATCHING_EVENT(IndicatorMeasure.MATCHING_EVENTS_HELD),
        MATCH(IndicatorMeasure.MATCHES_ACCEPTED),
        MEETING(IndicatorMeasure.B2B_MEETINGS_HELD),
        BUSINESS_AGREEMENT(IndicatorMeasure.BUSINESS_AGREEMENTS_REACHED);

        private final IndicatorMeasure measure;

        Kind(IndicatorMeasure measure) {
            this.measure = measure;
        }

        public IndicatorMeasure measure() {
            return measure;
        }

        public static Kind countedFor(IndicatorMeasure measure) {
            for (Kind kind : values()) {
                if (kind.measure == measure) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("no kind of thing counts for " + measure);
        }
    }

    public CountedThing {
        partnershipIds = List.copyOf(partnershipIds);
    }

    /** The thing happened (held, confirmed, accepted, reached). */
    public static CountedThing happened(Kind kind, UUID thingId, List<UUID> partnershipIds) {
        return new CountedThing(kind, thingId, partnershipIds, true);
    }

    /** The thing was taken back (cancelled, withdrawn): it counts no longer, whether it was counted before or not. */
    public static CountedThing takenBack(Kind kind, UUID thingId, List<UUID> partnershipIds) {
        return new CountedThing(kind, thingId, partnershipIds, false);
    }

    /**
     * Whether a fact of aggregate version {@code incomingVersion} replaces the stored state of version
     * {@code storedVersion} (null: none stored yet): only a newer one does.
     */
    public static boolean replaces(long incomingVersion, Long storedVersion) {
        return storedVersion == null || incomingVersion > storedVersion;
    }

    /** Whether this state counts for the partnership's indicator of that measure. */
    public boolean countsFor(UUID partnershipId, IndicatorMeasure measure) {
        return counts && kind.measure == measure && partnershipIds.contains(partnershipId);
    }

    /** The read model's key: one state per thing, e.g. {@code REGISTRATION:8e9f...}. */
    public String key() {
        return kind.name() + ":" + thingId;
    }
}
