package org.urbancooperation.matching.matchingevent.application;

import java.util.List;
import java.util.UUID;

import org.urbancooperation.contracts.identity.Role;
import org.urbancooperation.matching.matchingevent.domain.Availability;
import org.urbancooperation.matching.matchingevent.domain.MatchingEvent;
import org.urbancooperation.matching.matchingevent.domain.MeetingConstraints;
import org.urbancooperation.matching.matchingevent.domain.Participant;
import org.urbancooperation.support.application.ConcurrentModificationConflict;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.UnknownReferenceException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.AccessDeniedException;
import org.urbancooperation.support.security.Caller;

/**
 * The participants of matching events. A business of one of the partnership's cities takes part in its matching
 * event, changes its availability and withdraws (operators for any business); partner staff of the partnership's
 * organisations and operators see every participant; a business sees only its own participation (another's is
 * 404).
 */
public class ParticipantService {

    private static final String RESOURCE = "Participant";

    private final ParticipantRepository participants;
    private final MatchingEventRepository matchingEvents;
    private final PartnershipDirectory partnerships;
    private final ParticipantDirectory directory;

    public ParticipantService(ParticipantRepository participants, MatchingEventRepository matchingEvents,
            PartnershipDirectory partnerships, ParticipantDirectory directory) {
        this.participants = participants;
        this.matchingEvents = matchingEvents;
        this.partnerships = partnerships;
        this.directory = directory;
    }

    /** @param businessId a business takes part itself (it may leave this out); operators name one */
    public Versioned<Participant> join(Caller caller, UUID matchingEventId, String businessId,
            List<Availability> availability, Integer maxMeetings, MeetingConstraints constraints) {
        Access.requireRole(caller, Role.OPERATOR, Role.BUSINESS);
        String business = caller.isOperator() ? Require.slug("businessId", businessId, "robots-essen")
                : caller.businessId().orElseThrow();
        if (!caller.isOperator() && businessId != null && !businessId.equals(business)) {
            throw new AccessDeniedException("A business takes part only for itself");
        }
        MatchingEvent event = event(matchingEventId);
        ResultWithEvents<Participant, Void> joined = Participant.join(event, business, availability, maxMeetings,
                constraints);
        String city = directory.cityOf(business).orElseThrow(() -> new UnknownReferenceException("businessId",
                "Business " + business + " has no profile; register it at /api/v1/matching/profiles first"));
        if (!directory.cityNamesOf(event.partnershipId()).contains(city)) {
            throw new UnknownReferenceException("businessId", "Business " + business + " in " + city
                    + " is not of one of the cities of this matching event's partnership");
        }
        try {
            return participants.insert(joined.aggregate());
        } catch (ConcurrentModificationConflict e) {
            throw new ConcurrentModificationConflict(business + " takes part in matching event " + matchingEventId
                    + " already; change its participation with PUT", false);
        }
    }

    public Versioned<Participant> get(Caller caller, UUID matchingEventId, String businessId) {
        MatchingEvent event = event(matchingEventId);
        if (!mayReadAll(caller, event)) {
            Access.requireOperatorOrOwner(caller, businessId, RESOURCE, businessId);
        }
        return participants.find(matchingEventId, businessId)
                .orElseThrow(() -> new NotFoundException(RESOURCE, businessId));
    }

    /** Partner staff and operators see all; a business only its own (a page of at most one). */
    public Page<Versioned<Participant>> list(Caller caller, UUID matchingEventId, PageRequest request) {
        Access.requireAuthenticated(caller);
        MatchingEvent event = event(matchingEventId);
        if (mayReadAll(caller, event)) {
            return participants.page(matchingEventId, null, request);
        }
        if (caller.is(Role.BUSINESS) && caller.businessId().isPresent()) {
            return participants.page(matchingEventId, caller.businessId().get(), request);
        }
        throw new AccessDeniedException("Matching event " + matchingEventId + " belongs to other organisations");
    }

    public Versioned<Participant> change(Caller caller, UUID matchingEventId, String businessId,
            List<Availability> availability, Integer maxMeetings, MeetingConstraints constraints,
            ExpectedVersion expected) {
        Versioned<Participant> current = forChange(caller, matchingEventId, businessId, expected);
        MatchingEvent event = event(matchingEventId);
        Participant changed = current.aggregate().change(event, availability, maxMeetings, constraints)
                .aggregate();
        return changed.equals(current.aggregate()) ? current
                : participants.update(changed, current.version(), expected);
    }

    public Versioned<Participant> withdraw(Caller caller, UUID matchingEventId, String businessId,
            ExpectedVersion expected) {
        Versioned<Participant> current = forChange(caller, matchingEventId, businessId, expected);
        return participants.update(current.aggregate().withdraw().aggregate(), current.version(), expected);
    }

    private Versioned<Participant> forChange(Caller caller, UUID matchingEventId, String businessId,
            ExpectedVersion expected) {
        Access.requireAuthenticated(caller);
        Access.requireOperatorOrOwner(caller, businessId, RESOURCE, businessId);
        event(matchingEventId);
        Versioned<Participant> found = participants.find(matchingEventId, businessId)
                .orElseThrow(() -> new NotFoundException(RESOURCE, businessId));
        expected.check(RESOURCE + " " + businessId, found.version());
        return found;
    }

    private boolean mayReadAll(Caller caller, MatchingEvent event) {
        Access.requireAuthenticated(caller);
        if (caller.isOperator()) {
            return true;
        }
        if (!caller.is(Role.PARTNER)) {
            return false;
        }
        List<String> organisations = partnerships.partnerOrganisationsOf(event.partnershipId()).orElse(List.of());
        return caller.organisationId().filter(organisations::contains).isPresent();
    }

    private MatchingEvent event(UUID id) {
        return matchingEvents.find(id).orElseThrow(() -> new NotFoundException("Matching event", id)).aggregate();
    }
}
