package org.urbancooperation.matching.match.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.urbancooperation.matching.match.domain.Match;
import org.urbancooperation.matching.match.domain.MatchEvent;
import org.urbancooperation.matching.match.domain.MatchStatus;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/** Stores matches together with the events of each change (one write each). */
public interface MatchRepository {

    Optional<Versioned<Match>> find(UUID id);

    /** @throws org.urbancooperation.support.application.ConcurrentModificationConflict when the pair has a match */
    Versioned<Match> insert(ResultWithEvents<Match, MatchEvent> created);

    Versioned<Match> update(ResultWithEvents<Match, MatchEvent> changed, long readVersion, ExpectedVersion expected);

    /** A page in id order of those {@code filter} admits. */
    Page<Versioned<Match>> page(MatchFilter filter, PageRequest request);

    /** Up to {@code limit} pending matches whose expiresAt is not after {@code now}. */
    List<Versioned<Match>> dueForExpiry(Instant now, int limit);

    /** Up to {@code limit} pending matches one of whose opportunities is {@code opportunityId}. */
    List<Versioned<Match>> pendingWith(UUID opportunityId, int limit);

    /**
     * The places under the cap that {@code businessId}'s pending expressions of interest hold, one per interest (-1
     * for one stored before places existed: it counts, but holds no number). Inserting a match whose place is taken
     * is a {@link org.urbancooperation.support.application.ConcurrentModificationConflict}.
     */
    List<Integer> pendingInterestPlacesOf(String businessId);

    /** The opportunities a declined match paired with {@code opportunityId}. */
    Set<UUID> declinedWith(UUID opportunityId);

    /** Whether the two businesses have a confirmed match. */
    boolean confirmedBetween(String businessId, String otherBusinessId);

    /** How many matches there are in each status (all statuses present). */
    java.util.Map<MatchStatus, Long> countByStatus();

    /** How many matches reached an agreement. */
    long countAgreements();
}
