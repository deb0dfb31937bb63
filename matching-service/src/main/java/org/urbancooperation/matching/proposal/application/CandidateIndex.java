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
     * alike in words (title, summary, keywords) and sectors first, each with its text relevance to {@code own} (its
     * matched terms left empty: finding them costs more than the scoring, so it is done for the few shown only).
     */
    List<Candidate> candidatesFor(Opportunity own, int max);

    /**
     * The words of {@code own} found in each of {@code candidates} (as {@code own} wrote them, in its order); one not
     * held, or without a word in common, maps to an empty list.
     */
    java.util.Map<UUID, List<String>> matchedTerms(Opportunity own, java.util.Collection<UUID> candidates);

    /** How many published opportunities it holds. */
    int size();
}
