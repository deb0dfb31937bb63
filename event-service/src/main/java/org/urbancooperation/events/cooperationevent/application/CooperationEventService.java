package org.urbancooperation.events.cooperationevent.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.events.cooperationevent.domain.EventFormat;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.UnknownReferenceException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.Caller;

/** The cooperation event use cases: check references, let the domain decide, store state and changes in one write. */
public class CooperationEventService {

    /** @param timeZones null or empty: the partner cities' time zones */
    public record ScheduleInput(UUID partnershipId, String title, EventFormat format, Instant startsAt,
            Instant endsAt, List<String> timeZones, List<String> languages, String venue) {
    }

    private final CooperationEventRepository cooperationEvents;
    private final PartnershipDirectory partnerships;

    public CooperationEventService(CooperationEventRepository cooperationEvents, PartnershipDirectory partnerships) {
        this.cooperationEvents = cooperationEvents;
        this.partnerships = partnerships;
    }

    /**
     * Operators schedule for any partnership, partners for their own organisations' partnerships.
     *
     * @throws UnknownReferenceException naming {@code partnershipId} when no such partnership was established
     */
    public Versioned<CooperationEvent> schedule(Caller caller, ScheduleInput input) {
        Access.requireAuthenticated(caller);
        PartnershipDirectory.KnownPartnership partnership = partnerships.find(input.partnershipId())
                .orElseThrow(() -> unknownPartnership(input.partnershipId()));
        Access.requireOperatorOrMemberOf(caller, partnership.partnerOrganisations(),
                "Partnership " + input.partnershipId());
        List<String> timeZones = input.timeZones() == null || input.timeZones().isEmpty()
                ? partnership.timeZones() : input.timeZones();
        return cooperationEvents.insert(CooperationEvent.schedule(UUID.randomUUID(), input.partnershipId(),
                input.title(), input.format(), input.startsAt(), input.endsAt(), timeZones, input.languages(),
                input.venue()));
    }

    public Versioned<CooperationEvent> get(UUID id) {
        return cooperationEvents.find(id).orElseThrow(() -> new NotFoundException("Cooperation event", id));
    }

    /** Published events are public: anybody may list them. */
    public Page<Versioned<CooperationEvent>> listByPartnership(UUID partnershipId, PageRequest page) {
        return cooperationEvents.listByPartnership(partnershipId, page);
    }

    private static UnknownReferenceException unknownPartnership(UUID partnershipId) {
        // The directory waited a bounded while for a partnership established moments ago (its event in flight).
        return new UnknownReferenceException("partnershipId", "Partnership " + partnershipId
                + " is not known to event-service; it must be established first");
    }
}
