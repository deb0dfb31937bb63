package org.urbancooperation.matching.proposal.application;

import java.util.List;
import java.util.UUID;

import org.urbancooperation.matching.opportunity.domain.Opportunity;

/**
 * The published opportunities of this instance's memory, searchable by text: what candidates for proposals are found
 * in. Kept current with versions, so that an older change arriving late (a redelivered event, a rebuild racing the
 * events) never undoes a newer one.
 */
public interface CandidateIndex {

    /** Holds {@code opportunity} as of {@code version} when it is published, drops it otherwise; older is ignored. */
    boolean apply(Opportunity opportunity, long version);

    /** Drops the opportunity as of {@code version} (it expired or was withdrawn); an older version is ignored. */
    boolean remove(UUID id, long version);

    /**
     * Up to {@code max} published opportunities of other businesses whose type complements {@code own}'s, the most
     * alike in words (title, summary, keywords) and sectors first, each with its text similarity to {@code own}.
     */
    List<Candidate> candidatesFor(Opportunity own, int max);

    /** How many published opportunities it holds. */
    int size();
}
