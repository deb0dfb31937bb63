package org.urbancooperation.matching.match.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.matching.CooperationAgreementReached;
import org.urbancooperation.contracts.matching.InterestExpressed;
import org.urbancooperation.contracts.matching.MatchConfirmed;
import org.urbancooperation.contracts.matching.MatchDeclined;
import org.urbancooperation.contracts.matching.MatchExpired;
import org.urbancooperation.contracts.matching.MatchProposed;
import org.urbancooperation.matching.match.domain.Match;
import org.urbancooperation.matching.match.domain.MatchEvent;
import org.urbancooperation.matching.match.domain.MatchSide;
import org.urbancooperation.matching.match.domain.Outcome;

/**
 * Maps the match's domain events to the published contracts. What is private to the two businesses (the message,
 * a decline reason, ratings) and contacts are never mapped.
 */
public final class MatchIntegrationEvents {

    private MatchIntegrationEvents() {
    }

    public static List<IntegrationEvent> of(List<MatchEvent> events) {
        return events.stream().map(MatchIntegrationEvents::of).toList();
    }

    static IntegrationEvent of(MatchEvent event) {
        Match m = event.match();
        if (event instanceof MatchEvent.Proposed) {
            return new MatchProposed(m.id(), m.first().opportunityId(), m.second().opportunityId(), businesses(m),
                    m.score(), m.reasons(), m.expiresAt());
        }
        if (event instanceof MatchEvent.InterestExpressed) {
            return new InterestExpressed(m.id(), m.first().businessId(), m.first().opportunityId(),
                    m.second().businessId(), m.second().opportunityId(), m.matchingEventId(), m.expiresAt());
        }
        if (event instanceof MatchEvent.Confirmed) {
            Instant confirmedAt = Stream.of(m.first().acceptedAt(), m.second().acceptedAt()).max(Instant::compareTo)
                    .orElseThrow();
            return new MatchConfirmed(m.id(), businesses(m), opportunities(m), m.matchingEventId(), m.partnershipIds(),
                    confirmedAt);
        }
        if (event instanceof MatchEvent.Declined) {
            return new MatchDeclined(m.id(), businesses(m), opportunities(m), m.declinedBy());
        }
        if (event instanceof MatchEvent.Expired) {
            return new MatchExpired(m.id(), businesses(m), opportunities(m), m.expiresAt());
        }
        if (event instanceof MatchEvent.AgreementReached) {
            List<String> kinds = Stream.of(m.first().outcome(), m.second().outcome()).map(Outcome::agreementType)
                    .map(Enum::name).distinct().toList();
            return new CooperationAgreementReached(m.id(), businesses(m), m.matchingEventId(), m.partnershipIds(),
                    kinds);
        }
        throw new IllegalArgumentException("unmapped match event " + event.getClass().getName());
    }

    private static List<String> businesses(Match m) {
        return List.of(m.first().businessId(), m.second().businessId());
    }

    private static List<UUID> opportunities(Match m) {
        return Stream.of(m.first(), m.second()).map(MatchSide::opportunityId).filter(Objects::nonNull).toList();
    }
}
