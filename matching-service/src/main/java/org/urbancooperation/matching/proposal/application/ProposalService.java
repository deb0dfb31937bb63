package org.urbancooperation.matching.proposal.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.opportunity.domain.OpportunityStatus;
import org.urbancooperation.matching.profile.domain.BusinessProfile;
import org.urbancooperation.matching.proposal.domain.MatchableBusiness;
import org.urbancooperation.matching.proposal.domain.MatchableOpportunity;
import org.urbancooperation.matching.proposal.domain.ProposalScoring;
import org.urbancooperation.matching.proposal.domain.Score;
import org.urbancooperation.matching.proposal.domain.TextSimilarity;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.Caller;

/**
 * Proposals for one opportunity: candidates from the text index, the exclusions and the score of the domain rules,
 * best first. Only the opportunity's business and operators ask (everybody else gets 404, as for a draft): the list
 * says which businesses another business is being shown.
 */
public class ProposalService {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 50;
    /** How many of the index's best candidates the rules score: enough that sectors and countries can reorder them. */
    static final int CANDIDATE_POOL = 100;

    private static final String RESOURCE = "Opportunity";

    /** One proposal: the score with its parts, the other opportunity and its business's profile (if there is one). */
    public record Proposal(Score score, Versioned<Opportunity> other, Optional<BusinessProfile> otherBusiness) {
    }

    private final OpportunityDirectory opportunities;
    private final BusinessDirectory profiles;
    private final CandidateIndex index;
    private final KnownMatchableBusinesses businesses;
    private final DeclinedPairs declinedPairs;
    private final ProposalMetrics metrics;
    private final Clock clock;

    public ProposalService(OpportunityDirectory opportunities, BusinessDirectory profiles,
            CandidateIndex index, KnownMatchableBusinesses businesses, DeclinedPairs declinedPairs,
            ProposalMetrics metrics, Clock clock) {
        this.opportunities = opportunities;
        this.profiles = profiles;
        this.index = index;
        this.businesses = businesses;
        this.declinedPairs = declinedPairs;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** @param limit 1 to {@link #MAX_LIMIT}; null for {@link #DEFAULT_LIMIT} */
    public List<Proposal> proposals(Caller caller, UUID opportunityId, Integer limit) {
        Access.requireAuthenticated(caller);
        int checkedLimit = limit == null ? DEFAULT_LIMIT : limit;
        if (checkedLimit < 1 || checkedLimit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        Versioned<Opportunity> own = opportunities.find(opportunityId)
                .filter(o -> caller.isOperator() || caller.businessId().filter(o.aggregate().businessId()::equals)
                        .isPresent())
                .orElseThrow(() -> new NotFoundException(RESOURCE, opportunityId));
        return metrics.timed(() -> {
            List<Proposal> found = propose(own.aggregate(), checkedLimit);
            metrics.proposalsMade(found.size());
            return found;
        });
    }

    /**
     * The best {@code limit} proposals for a published opportunity, asked by the service itself (the match lifecycle's
     * system proposals), not by a caller; empty when it is not published.
     */
    public List<Proposal> bestFor(UUID opportunityId, int limit) {
        return opportunities.find(opportunityId)
                .filter(o -> o.aggregate().status() == OpportunityStatus.PUBLISHED)
                .map(o -> propose(o.aggregate(), Math.min(limit, MAX_LIMIT)))
                .orElse(List.of());
    }

    /** The best {@code limit} proposals for {@code own}, re-read from the database so that none is stale. */
    List<Proposal> propose(Opportunity own, int limit) {
        Instant now = clock.instant();
        MatchableOpportunity mine = MatchableOpportunity.of(own);
        MatchableBusiness myBusiness = profiles.find(own.businessId()).map(v -> MatchableBusiness.of(v.aggregate()))
                .orElseGet(() -> businesses.get(own.businessId()));
        record Scored(MatchableOpportunity other, TextSimilarity text, Score score) {
        }
        List<Scored> ranked = new ArrayList<>();
        for (Candidate c : index.candidatesFor(own, CANDIDATE_POOL)) {
            MatchableOpportunity other = c.opportunity();
            if (ProposalScoring.exclusion(mine, other, now, declinedPairs.declined(own.id(), other.id())).isEmpty()) {
                ranked.add(new Scored(other, c.text(), ProposalScoring.score(mine, myBusiness, other,
                        businesses.get(other.businessId()), c.text())));
            }
        }
        ranked.sort(Comparator.comparingInt((Scored s) -> s.score().total()).reversed()
                .thenComparing(s -> s.other().id()));
        List<Versioned<Opportunity>> shown = new ArrayList<>();
        List<Scored> shownScores = new ArrayList<>();
        for (Scored s : ranked) {
            if (shown.size() == limit) {
                break;
            }
            // The database is the truth: one withdrawn a moment ago whose event has not arrived yet is left out.
            opportunities.find(s.other().id())
                    .filter(o -> ProposalScoring.exclusion(mine, MatchableOpportunity.of(o.aggregate()), now,
                            false).isEmpty())
                    .ifPresent(o -> {
                        shown.add(o);
                        shownScores.add(s);
                    });
        }
        Map<UUID, List<String>> terms = index.matchedTerms(own, shown.stream().map(o -> o.aggregate().id()).toList());
        List<Proposal> proposals = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Versioned<Opportunity> o = shown.get(i);
            Scored s = shownScores.get(i);
            // The terms change the words of the text part, never its points. Scored on the state shown, re-read.
            TextSimilarity text = new TextSimilarity(s.text().relevance(),
                    terms.getOrDefault(o.aggregate().id(), List.of()));
            Score score = ProposalScoring.score(mine, myBusiness, MatchableOpportunity.of(o.aggregate()),
                    businesses.get(o.aggregate().businessId()), text);
            proposals.add(new Proposal(score, o, profiles.find(o.aggregate().businessId()).map(Versioned::aggregate)));
        }
        return proposals;
    }

    /** Loads every published opportunity and every profile from the database: at start, before serving. */
    public void rebuild(CandidateIndex target) {
        opportunities.forEachPublished(v -> target.apply(v.aggregate(), v.version()));
        profiles.forEach(v -> businesses.apply(MatchableBusiness.of(v.aggregate()), v.version()));
    }
}
