package org.urbancooperation.matching.match.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.urbancooperation.contracts.identity.Role;
import org.urbancooperation.matching.match.application.MatchDirectory.PartnerContact;
import org.urbancooperation.matching.match.application.MatchedOpportunities.MatchedOpportunity;
import org.urbancooperation.matching.match.domain.Match;
import org.urbancooperation.matching.match.domain.MatchEvent;
import org.urbancooperation.matching.match.domain.MatchSide;
import org.urbancooperation.matching.match.domain.MatchStatus;
import org.urbancooperation.matching.match.domain.Outcome;
import org.urbancooperation.support.application.ConcurrentModificationConflict;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.UnknownReferenceException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.domain.RuleViolationException;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.AccessDeniedException;
import org.urbancooperation.support.security.Caller;

/**
 * The match use cases. The matching engine proposes pairs ({@link #propose}); a business expresses interest in
 * another's published opportunity, accepts, declines and reports outcomes of its own matches only (another
 * business's matches are 404); operators read all and withdraw abusive ones with a reason. Contacts appear only in a
 * CONFIRMED match's answer, to its two sides and operators.
 */
public class MatchService {

    private static final String RESOURCE = "Match";

    /** A match as one caller may see it: the contacts it reveals to this caller, by business; empty until confirmed. */
    public record Shown(Versioned<Match> match, Map<String, List<PartnerContact>> contacts) {
    }

    private final MatchRepository matches;
    private final MatchedOpportunities opportunities;
    private final MatchDirectory directory;
    private final MatchGauges gauges;
    private final Clock clock;
    private final Duration expiry;
    private final int pendingInterestCap;

    /**
     * @param expiry how long a match waits for both acceptances ({@code ucp.matching.match-expiry})
     * @param pendingInterestCap how many unanswered expressions of interest a business may have at once
     *        ({@code ucp.matching.pending-interest-cap})
     */
    public MatchService(MatchRepository matches, MatchedOpportunities opportunities, MatchDirectory directory,
            MatchGauges gauges, Clock clock, Duration expiry, int pendingInterestCap) {
        this.matches = matches;
        this.opportunities = opportunities;
        this.directory = directory;
        this.gauges = gauges;
        this.clock = clock;
        this.expiry = expiry;
        this.pendingInterestCap = pendingInterestCap;
    }

    /**
     * The matching engine proposes {@code candidateOpportunityId} for {@code opportunityId} with its score and
     * reasons. Idempotent: a pair that has a match (in any status, declined included) gets that match back, unchanged.
     *
     * @throws UnknownReferenceException when either opportunity is not published
     */
    public Versioned<Match> propose(UUID opportunityId, UUID candidateOpportunityId, double score,
            List<String> reasons) {
        MatchedOpportunity subject = published("opportunityId", opportunityId);
        MatchedOpportunity candidate = published("candidateOpportunityId", candidateOpportunityId);
        MatchSide subjectSide = new MatchSide(subject.businessId(), subject.id(), null, null);
        MatchSide candidateSide = new MatchSide(candidate.businessId(), candidate.id(), null, null);
        UUID id = Match.idOfPair(Match.pairKey(subjectSide), Match.pairKey(candidateSide));
        java.util.Optional<Versioned<Match>> existing = matches.find(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        ResultWithEvents<Match, MatchEvent> proposed = Match.propose(id, subjectSide, candidateSide, null, score,
                reasons, clock.instant(), expiry);
        return insertOrExisting(proposed);
    }

    /**
     * A business asks the business of {@code toOpportunityId} (published, another's) to meet, from one of its own
     * published opportunities or, with none given, from its profile.
     */
    public Shown expressInterest(Caller caller, UUID fromOpportunityId, UUID toOpportunityId, UUID matchingEventId,
            String message) {
        Access.requireRole(caller, Role.BUSINESS);
        String requester = caller.businessId().orElseThrow(() -> new AccessDeniedException("No business identity"));
        // The request's own shape first: a malformed one is a 400 whatever it refers to.
        Require.present("toOpportunityId", toOpportunityId);
        Require.multilineText("message", message, Match.MAX_MESSAGE);
        MatchedOpportunity target = opportunities.find(toOpportunityId)
                .filter(o -> o.published() || o.businessId().equals(requester))
                .orElseThrow(() -> new UnknownReferenceException("toOpportunityId", "Opportunity " + toOpportunityId
                        + " is not published"));
        if (!target.published()) {
            throw new UnknownReferenceException("toOpportunityId", "Opportunity " + toOpportunityId
                    + " is not published");
        }
        if (target.businessId().equals(requester)) {
            throw new InvalidValueException("toOpportunityId", "toOpportunityId is your own opportunity");
        }
        if (fromOpportunityId != null) {
            opportunities.find(fromOpportunityId).filter(o -> o.businessId().equals(requester) && o.published())
                    .orElseThrow(() -> new UnknownReferenceException("fromOpportunityId", "fromOpportunityId must be "
                            + "one of your published opportunities"));
        }
        if (!directory.hasProfile(requester)) {
            throw new UnknownReferenceException("businessId", "Business " + requester
                    + " has no profile; register it at /api/v1/matching/profiles first");
        }
        if (matchingEventId != null && !directory.matchingEventExists(matchingEventId)) {
            throw new UnknownReferenceException("matchingEventId", "Matching event " + matchingEventId
                    + " is not known");
        }
        MatchSide from = new MatchSide(requester, fromOpportunityId, null, null);
        MatchSide to = new MatchSide(target.businessId(), target.id(), null, null);
        UUID id = Match.idOfPair(Match.pairKey(from), Match.pairKey(to));
        Versioned<Match> stored = null;
        for (int attempt = 0; stored == null; attempt++) {
            if (matches.find(id).isPresent()) {
                throw new RuleViolationException("These two already have match " + id + "; answer that one");
            }
            List<Integer> taken = matches.pendingInterestPlacesOf(requester);
            if (taken.size() >= pendingInterestCap || attempt > pendingInterestCap) {
                throw new RuleViolationException(requester + " has " + taken.size() + " pending expressions of "
                        + "interest, the most a business may have at once (pendingInterestCap " + pendingInterestCap
                        + "); wait for answers or for them to expire");
            }
            int place = 0;
            while (taken.contains(place)) {
                place++;
            }
            try {
                stored = matches.insert(Match.expressInterest(id, from, to, matchingEventId, message,
                        clock.instant(), expiry, place));
            } catch (ConcurrentModificationConflict e) {
                // Another request of the same business took this place at this very moment (or the same pair was
                // just matched): read again.
            }
        }
        gauges.refreshSoon();
        return new Shown(stored, Map.of());
    }

    public Shown get(Caller caller, UUID id) {
        Versioned<Match> found = visible(caller, id);
        return shown(caller, found);
    }

    /** Filters as the query gives them (null for any); a bad value is refused naming its parameter. */
    public Page<Shown> list(Caller caller, String businessId, String status, UUID opportunityId,
            UUID matchingEventId, PageRequest request) {
        Access.requireRole(caller, Role.OPERATOR, Role.BUSINESS);
        String checkedBusiness = businessId == null ? null : Require.slug("businessId", businessId, "robots-essen");
        MatchStatus checkedStatus = status == null ? null : parseStatus(status);
        String involving = caller.isOperator() ? null : caller.businessId().orElseThrow();
        return matches.page(new MatchFilter(involving, checkedBusiness, checkedStatus, opportunityId, matchingEventId),
                request).map(m -> shown(caller, m));
    }

    public Shown accept(Caller caller, UUID id, ExpectedVersion expected) {
        Versioned<Match> current = ownForChange(caller, id, expected);
        Match m = current.aggregate();
        String business = caller.businessId().orElseThrow();
        // Its opportunities' end reaches the match as an event a moment later; until then, refuse here.
        for (UUID opportunityId : Arrays.asList(m.first().opportunityId(), m.second().opportunityId())) {
            if (opportunityId != null && m.status() == MatchStatus.PENDING
                    && opportunities.find(opportunityId).filter(MatchedOpportunity::published).isEmpty()) {
                throw new RuleViolationException("Opportunity " + opportunityId + " is no longer published: this "
                        + "match lapses and can no longer be accepted");
            }
        }
        List<UUID> countsFor = m.otherSide(business).hasAccepted()
                ? directory.partnershipsOf(m.matchingEventId(), m.first().businessId(), m.second().businessId())
                : List.of();
        return shown(caller, store(current, m.accept(business, clock.instant(), countsFor), expected));
    }

    public Shown decline(Caller caller, UUID id, String reason, ExpectedVersion expected) {
        Versioned<Match> current = ownForChange(caller, id, expected);
        return shown(caller, store(current, current.aggregate().decline(caller.businessId().orElseThrow(), reason),
                expected));
    }

    public Shown reportOutcome(Caller caller, UUID id, Outcome outcome, ExpectedVersion expected) {
        Versioned<Match> current = ownForChange(caller, id, expected);
        return shown(caller, store(current,
                current.aggregate().reportOutcome(caller.businessId().orElseThrow(), outcome), expected));
    }

    /** Operators take down abusive content, with a reason. */
    public Shown withdraw(Caller caller, UUID id, String reason, ExpectedVersion expected) {
        Access.requireRole(caller, Role.OPERATOR);
        Versioned<Match> current = find(id);
        expected.check(RESOURCE + " " + id, current.version());
        return shown(caller, store(current, current.aggregate().withdraw(reason), expected));
    }

    /**
     * Expires every pending match whose time has come, a batch at a time; one changed meanwhile is left for the next
     * round.
     *
     * @return how many expired
     */
    public int expireDue() {
        Instant now = clock.instant();
        int expired = 0;
        while (true) {
            List<Versioned<Match>> due = matches.dueForExpiry(now, 100);
            int before = expired;
            for (Versioned<Match> m : due) {
                ResultWithEvents<Match, MatchEvent> result = m.aggregate().expireIfDue(now);
                if (result.events().isEmpty()) {
                    continue;
                }
                try {
                    matches.update(result, m.version(), ExpectedVersion.any());
                    expired++;
                } catch (ConcurrentModificationConflict e) {
                    // Accepted or declined at this very moment: the next round decides on what it is then.
                }
            }
            if (expired > before) {
                gauges.refreshSoon();
            }
            if (due.size() < 100 || expired == before) {
                return expired;
            }
        }
    }

    /**
     * The pending matches of an opportunity that is no longer published lapse (its OpportunityWithdrawn or
     * OpportunityExpired, read back from Kafka; again on redelivery to no effect). One changed meanwhile is read again.
     *
     * @return how many lapsed
     */
    public int lapseMatchesOf(UUID opportunityId) {
        int lapsed = 0;
        for (int round = 0; round < 1_000; round++) {
            List<Versioned<Match>> pending = matches.pendingWith(opportunityId, 100);
            if (pending.isEmpty()) {
                break;
            }
            for (Versioned<Match> m : pending) {
                try {
                    matches.update(m.aggregate().lapseWithout(opportunityId), m.version(), ExpectedVersion.any());
                    lapsed++;
                } catch (ConcurrentModificationConflict e) {
                    // Answered at this very moment: the next round reads it as it is now.
                }
            }
        }
        if (lapsed > 0) {
            gauges.refreshSoon();
        }
        return lapsed;
    }

    /** For the matching engine: the opportunities a declined match paired with {@code opportunityId}. */
    public Set<UUID> declinedPairs(UUID opportunityId) {
        return matches.declinedWith(opportunityId);
    }

    /**
     * For the matching engine (its {@code DeclinedPairs}): whether the two opportunities' match was declined, in
     * either order; such a pair is never proposed again. One read by the pair's id, cheap enough per candidate.
     */
    public boolean isDeclined(UUID opportunityId, UUID otherOpportunityId) {
        return matches.find(Match.idOfOpportunities(opportunityId, otherOpportunityId)).filter(m -> m.aggregate().status() == MatchStatus.DECLINED).isPresent();
    }

    private Versioned<Match> store(Versioned<Match> current, ResultWithEvents<Match, MatchEvent> changed,
            ExpectedVersion expected) {
        if (changed.aggregate().equals(current.aggregate())) {
            return current;
        }
        Versioned<Match> stored = matches.update(changed, current.version(), expected);
        if (stored.aggregate().status() != current.aggregate().status() || !changed.events().isEmpty()) {
            gauges.refreshSoon();
        }
        return stored;
    }

    private Versioned<Match> insertOrExisting(ResultWithEvents<Match, MatchEvent> created) {
        try {
            Versioned<Match> stored = matches.insert(created);
            gauges.refreshSoon();
            return stored;
        } catch (ConcurrentModificationConflict e) {
            // The same pair proposed by another replica at this very moment: theirs is the match.
            return find(created.aggregate().id());
        }
    }

    private MatchedOpportunity published(String field, UUID opportunityId) {
        Require.present(field, opportunityId);
        return opportunities.find(opportunityId).filter(MatchedOpportunity::published).orElseThrow(() ->
                new UnknownReferenceException(field, "Opportunity " + opportunityId + " is not published"));
    }

    /** Its two sides and operators; 404 for everybody else (partners are refused by role first). */
    private Versioned<Match> visible(Caller caller, UUID id) {
        Access.requireRole(caller, Role.OPERATOR, Role.BUSINESS);
        Versioned<Match> found = find(id);
        if (!caller.isOperator() && !caller.businessId().filter(found.aggregate()::involves).isPresent()) {
            throw new NotFoundException(RESOURCE, id);
        }
        return found;
    }

    /** Only a side answers for itself: operators read and withdraw, but do not accept for a business. */
    private Versioned<Match> ownForChange(Caller caller, UUID id, ExpectedVersion expected) {
        Versioned<Match> found = visible(caller, id);
        if (caller.isOperator()) {
            throw new AccessDeniedException("Only the businesses of a match answer it; operators may withdraw it");
        }
        expected.check(RESOURCE + " " + id, found.version());
        return found;
    }

    private Shown shown(Caller caller, Versioned<Match> v) {
        Match m = v.aggregate();
        if (!m.isConfirmed()) {
            return new Shown(v, Map.of());
        }
        if (caller.isOperator()) {
            return new Shown(v, Map.of(m.first().businessId(), directory.contactsOf(m.first().businessId()),
                    m.second().businessId(), directory.contactsOf(m.second().businessId())));
        }
        String other = m.otherSide(caller.businessId().orElseThrow()).businessId();
        return new Shown(v, Map.of(other, directory.contactsOf(other)));
    }

    private Versioned<Match> find(UUID id) {
        return matches.find(id).orElseThrow(() -> new NotFoundException(RESOURCE, id));
    }

    private static MatchStatus parseStatus(String value) {
        try {
            return MatchStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("status", "status must be one of "
                    + java.util.Arrays.toString(MatchStatus.values()));
        }
    }
}
