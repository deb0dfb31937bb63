package org.urbancooperation.matching.matchingevent.application;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.matching.matchingevent.domain.MatchingEvent;
import org.urbancooperation.matching.matchingevent.domain.MatchingEventChange;
import org.urbancooperation.matching.matchingevent.domain.MeetingBlock;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.UnknownReferenceException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.Caller;

/** The matching event use cases: let the domain decide, store state and events in one write. */
public class MatchingEventService {

    private final MatchingEventRepository matchingEvents;
    private final PartnershipDirectory partnerships;
    private final CooperationEventDirectory cooperationEvents;

    public MatchingEventService(MatchingEventRepository matchingEvents, PartnershipDirectory partnerships,
            CooperationEventDirectory cooperationEvents) {
        this.matchingEvents = matchingEvents;
        this.partnerships = partnerships;
        this.cooperationEvents = cooperationEvents;
    }

    /**
     * @throws org.urbancooperation.support.domain.InvalidValueException when the times or slot length break the rules
     * @throws UnknownReferenceException naming {@code partnershipId} when no such partnership was established, or
     *         {@code cooperationEventId} when event-service published no such cooperation event
     */
    /**
     * @param timeZone the zone the blocks are entered in (required with them) and its meetings shown in; optional
     *        without blocks
     * @param blocks the event's meeting blocks (on the clocks of {@code timeZone}); null for one span of startsAt,
     *        endsAt and slotMinutes, which are then required
     */
    public Versioned<MatchingEvent> open(Caller caller, UUID partnershipId, String title, Instant startsAt,
            Instant endsAt, Integer slotMinutes, UUID cooperationEventId, ZoneId timeZone,
            List<MeetingBlock> blocks) {
        Access.requireAuthenticated(caller);
        // The domain first: a malformed request is a 400 whichever partnership it names.
        if (blocks != null) {
            // The span fields go with an event without blocks: the one given is named.
            String given = startsAt != null ? "startsAt" : endsAt != null ? "endsAt" : slotMinutes != null
                    ? "slotMinutes" : null;
            if (given != null) {
                throw new InvalidValueException(given, given + " is for an event without blocks; an event in blocks "
                        + "takes its start, end and slot length from them");
            }
        } else if (startsAt == null && endsAt == null && slotMinutes == null) {
            throw InvalidValueException.between("blocks", "startsAt", "give blocks, or startsAt, endsAt and "
                    + "slotMinutes");
        }
        ResultWithEvents<MatchingEvent, MatchingEventChange> opened = blocks == null
                ? MatchingEvent.open(UUID.randomUUID(), partnershipId, title, Require.present("startsAt", startsAt),
                        Require.present("endsAt", endsAt), Require.present("slotMinutes", slotMinutes),
                        cooperationEventId, timeZone)
                : MatchingEvent.openInBlocks(UUID.randomUUID(), partnershipId, title, timeZone, blocks,
                        cooperationEventId);
        List<String> organisations = partnerships.partnerOrganisationsOf(partnershipId).orElseThrow(() ->
                new UnknownReferenceException("partnershipId", "Partnership " + partnershipId
                        + " is not known; one established moments ago arrives within seconds"));
        // Operators, or partners of the partnership's organisations, organise its matching events.
        Access.requireOperatorOrMemberOf(caller, organisations, "Partnership " + partnershipId);
        if (cooperationEventId != null && !cooperationEvents.isKnown(cooperationEventId)) {
            throw new UnknownReferenceException("cooperationEventId", "Cooperation event " + cooperationEventId
                    + " is not known; one published moments ago arrives within seconds");
        }
        return matchingEvents.insert(opened);
    }

    /** The organisers (operators, partner staff of the partnership's organisations) replace the event's blocks. */
    public Versioned<MatchingEvent> replaceBlocks(Caller caller, UUID id, ZoneId timeZone, List<MeetingBlock> blocks,
            ExpectedVersion expected) {
        Access.requireAuthenticated(caller);
        Versioned<MatchingEvent> current = get(id);
        List<String> organisations = partnerships.partnerOrganisationsOf(current.aggregate().partnershipId())
                .orElse(List.of());
        Access.requireOperatorOrMemberOf(caller, organisations, "Matching event " + id);
        expected.check("Matching event " + id, current.version());
        ResultWithEvents<MatchingEvent, MatchingEventChange> replaced =
                current.aggregate().replaceBlocks(timeZone, blocks);
        return replaced.aggregate().equals(current.aggregate()) ? current
                : matchingEvents.update(replaced, current.version(), expected);
    }

    public Versioned<MatchingEvent> get(UUID id) {
        return matchingEvents.find(id).orElseThrow(() -> new NotFoundException("Matching event", id));
    }

    public Page<Versioned<MatchingEvent>> listByPartnership(UUID partnershipId, PageRequest page) {
        return matchingEvents.listByPartnership(partnershipId, page);
    }
}
