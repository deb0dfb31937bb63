package org.urbancooperation.matching.proposal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.opportunity.domain.OpportunityStatus;
import org.urbancooperation.matching.profile.domain.BusinessProfile;
import org.urbancooperation.matching.proposal.domain.MatchableOpportunity;
import org.urbancooperation.matching.proposal.domain.ScorePart;
import org.urbancooperation.matching.proposal.persistence.index.LuceneCandidateIndex;
import org.urbancooperation.matching.synthetic.application.SyntheticMatchingData;
import org.urbancooperation.support.application.Versioned;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The whole ranking over random synthetic pools, with the real Lucene index: whatever the pool, the statuses the
 * index has not heard of yet and the declines, no excluded pair is ever proposed, and each breakdown adds up.
 */
class ProposalServicePropertiesTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Property(tries = 30)
    void anExcludedPairIsNeverProposedAndEveryBreakdownAddsUp(@ForAll long seed,
            @ForAll @IntRange(min = 20, max = 120) int size, @ForAll @IntRange(min = 0, max = 9) int withdrawnEvery,
            @ForAll @IntRange(min = 2, max = 5) int declinedEvery) throws Exception {
        SyntheticMatchingData.Dataset data = new SyntheticMatchingData(seed).generate(size, NOW);
        InMemoryDirectories stored = new InMemoryDirectories();
        data.businesses().forEach(b -> stored.profiles.put(b.id(), new Versioned<>(
                BusinessProfile.register(b.id(), b.profile()).aggregate(), 1)));
        try (LuceneCandidateIndex index = new LuceneCandidateIndex()) {
            int i = 0;
            for (var o : data.opportunities()) {
                Opportunity published = Opportunity.draft(o.id(), o.businessId(), o.input(), NOW).aggregate()
                        .publish(NOW).aggregate();
                index.apply(published, 2);
                // Some withdrawn in the database while the index has not heard of it yet.
                Opportunity now = withdrawnEvery > 0 && i++ % (withdrawnEvery + 1) == 0
                        ? published.withdraw(null).aggregate() : published;
                stored.opportunities.put(published.id(), new Versioned<>(now, now == published ? 2 : 3));
            }
            Set<Set<UUID>> declined = new HashSet<>();
            DeclinedPairs declines = (a, b) -> {
                // Declined: a fixed share of pairs, the same either way round.
                boolean yes = Math.floorMod(a.hashCode() ^ b.hashCode(), declinedEvery) == 0;
                if (yes) {
                    declined.add(Set.of(a, b));
                }
                return yes;
            };
            KnownMatchableBusinesses businesses = new KnownMatchableBusinesses();
            ProposalService service = new ProposalService(stored, stored, index, businesses, declines,
                    new ProposalMetrics(new SimpleMeterRegistry(), index, businesses), Clock.fixed(NOW,
                            ZoneOffset.UTC));
            // The memory of businesses from the database; the opportunities it holds already are stale to the index.
            service.rebuild(index);
            for (var o : data.opportunities().subList(0, Math.min(10, size))) {
                Opportunity own = stored.opportunities.get(o.id()).aggregate();
                List<ProposalService.Proposal> proposals = service.propose(own, 20);
                for (ProposalService.Proposal p : proposals) {
                    Opportunity other = p.other().aggregate();
                    assertThat(other.businessId()).isNotEqualTo(own.businessId());
                    assertThat(other.status()).isEqualTo(OpportunityStatus.PUBLISHED);
                    assertThat(other.validUntil()).isAfter(NOW);
                    assertThat(own.type().complements(other.type())).isTrue();
                    assertThat(declined).doesNotContain(Set.of(own.id(), other.id()));
                    assertThat(p.score().parts().stream().mapToInt(ScorePart::points).sum())
                            .isEqualTo(p.score().total());
                    assertThat(p.otherBusiness()).isPresent();
                    assertThat(MatchableOpportunity.of(other).id()).isEqualTo(other.id());
                }
                for (int k = 1; k < proposals.size(); k++) {
                    assertThat(proposals.get(k).score().total()).isLessThanOrEqualTo(
                            proposals.get(k - 1).score().total());
                }
            }
        }
    }
}
