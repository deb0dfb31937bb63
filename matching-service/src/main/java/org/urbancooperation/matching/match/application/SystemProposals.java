package org.urbancooperation.matching.match.application;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.urbancooperation.support.application.UnknownReferenceException;

/**
 * Proposes matches by itself, as b2match's system-suggested matches: when an opportunity is published, its best
 * candidates that score at least {@code minScore} become PROPOSED matches that both businesses can accept or decline.
 * Proposing a pair again returns its match (any status, declined too), so a redelivered publication or the other side's
 * publication proposes nothing twice.
 */
public class SystemProposals {

    private static final Logger log = LoggerFactory.getLogger(SystemProposals.class);

    private final ProposalSource engine;
    private final MatchService matches;
    private final int perOpportunity;
    private final int minScore;

    public SystemProposals(ProposalSource engine, MatchService matches, int perOpportunity, int minScore) {
        this.engine = engine;
        this.matches = matches;
        this.perOpportunity = perOpportunity;
        this.minScore = minScore;
    }

    /** @return how many candidates were proposed (new or already there) */
    public int proposeFor(UUID opportunityId) {
        if (perOpportunity <= 0) {
            return 0;
        }
        int proposed = 0;
        for (ProposalSource.Candidate candidate : engine.best(opportunityId, perOpportunity)) {
            if (candidate.score() < minScore) {
                break;
            }
            try {
                matches.propose(opportunityId, candidate.opportunityId(), candidate.score(), candidate.reasons());
                proposed++;
            } catch (UnknownReferenceException withdrawnMeanwhile) {
                // One of the two is no longer published (withdrawn or expired since it was ranked): nothing to propose.
                log.debug("Not proposing {} for {}: {}", candidate.opportunityId(), opportunityId,
                        withdrawnMeanwhile.getMessage());
            }
        }
        return proposed;
    }
}
