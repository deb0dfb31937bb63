package org.urbancooperation.events.cooperationevent.messaging;

import java.util.ArrayList;
import java.util.List;

import org.urbancooperation.contracts.IntegrationEvent;
import org.urbancooperation.contracts.events.AgendaVersionPublished;
import org.urbancooperation.contracts.events.CooperationEventCancelled;
import org.urbancooperation.contracts.events.CooperationEventChanged;
import org.urbancooperation.contracts.events.CooperationEventPostponed;
import org.urbancooperation.contracts.events.CooperationEventPublished;
import org.urbancooperation.contracts.events.CooperationEventRescheduled;
import org.urbancooperation.contracts.events.CooperationEventHeld;
import org.urbancooperation.contracts.events.CooperationEventScheduled;
import org.urbancooperation.contracts.events.CooperationEventScheduledV2;
import org.urbancooperation.events.cooperationevent.domain.AgendaChange;
import org.urbancooperation.events.cooperationevent.domain.AgendaVersion;
import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.events.cooperationevent.domain.CooperationEventChange;

/** Maps the domain's changes to the published contracts; the contracts never leak into the domain. */
public final class CooperationEventIntegrationEvents {

    private CooperationEventIntegrationEvents() {
    }

    private static List<String> zoneIds(CooperationEvent e) {
        return e.timeZones().stream().map(java.time.ZoneId::getId).toList();
    }

    private static AgendaVersionPublished.Period period(AgendaChange.Period p) {
        return p == null ? null : new AgendaVersionPublished.Period(p.startsAt(), p.endsAt());
    }

    public static List<IntegrationEvent> of(List<CooperationEventChange> changes) {
        List<IntegrationEvent> events = new ArrayList<>();
        changes.forEach(change -> events.addAll(of(change)));
        return events;
    }

    static List<IntegrationEvent> of(CooperationEventChange change) {
        CooperationEvent e = change.cooperationEvent();
        // Java 17: no pattern switch yet; the sealed interface keeps this list complete.
        if (change instanceof CooperationEventChange.Published) {
            List<IntegrationEvent> events = new ArrayList<>();
            events.add(new CooperationEventPublished(e.id(), e.kind().name(),
                    e.format() == null ? null : e.format().name(), e.title(), e.organisers(), e.partnershipIds(),
                    e.programmeId(), e.cities(), e.timeZone().getId(), zoneIds(e), e.startsAt(), e.endsAt(),
                    e.timePrecision().name(), e.languages(), e.capacity()));
            // CooperationEventScheduled v1 names one partnership, so an event of several partnerships is announced
            // to each; v2 names them all in one message and is published beside v1 until no consumer reads v1.
            // An event of none is on no partnership's calendar: announced in neither.
            e.partnershipIds().forEach(partnershipId -> events.add(new CooperationEventScheduled(e.id(),
                    partnershipId, e.title(), e.kind().name(), e.startsAt(), e.endsAt(), zoneIds(e), e.languages())));
            if (!e.partnershipIds().isEmpty()) {
                events.add(new CooperationEventScheduledV2(e.id(), e.partnershipIds(), e.title(), e.kind().name(),
                        e.startsAt(), e.endsAt(), e.timePrecision().name(), e.timeZone().getId(), zoneIds(e),
                        e.languages()));
            }
            return events;
        }
        if (change instanceof CooperationEventChange.DetailsChanged) {
            return List.of(new CooperationEventChanged(e.id(), e.kind().name(),
                    e.format() == null ? null : e.format().name(), e.title(), e.organisers(), e.partnershipIds(),
                    e.programmeId(), e.cities(), e.timeZone().getId(), zoneIds(e), e.startsAt(), e.endsAt(),
                    e.timePrecision().name(), e.languages(), e.capacity()));
        }
        if (change instanceof CooperationEventChange.Rescheduled rescheduled) {
            return List.of(new CooperationEventRescheduled(e.id(), e.partnershipIds(), e.timeZone().getId(),
                    rescheduled.from().startsAt(), rescheduled.from().endsAt(), e.startsAt(), e.endsAt()));
        }
        if (change instanceof CooperationEventChange.Postponed postponed) {
            return List.of(new CooperationEventPostponed(e.id(), e.partnershipIds(), e.timeZone().getId(),
                    postponed.from().startsAt(), postponed.from().endsAt(), e.startsAt(), e.endsAt(),
                    e.statusReason()));
        }
        if (change instanceof CooperationEventChange.AgendaPublished agenda) {
            AgendaVersion v = agenda.version();
            return List.of(new AgendaVersionPublished(e.id(), v.number(), v.publishedAt(), v.sessions().size(),
                    v.changes().stream().map(c -> new AgendaVersionPublished.Change(c.type().name(), c.sessionId(),
                            period(c.from()), period(c.to()), c.speakersBefore(), c.speakersAfter())).toList()));
        }
        if (change instanceof CooperationEventChange.Cancelled cancelled) {
            // Every public event's cancellation is told (its registrants learn of it, partnerships count it); a draft's
            // tells no one.
            return cancelled.wasPublic()
                    ? List.of(new CooperationEventCancelled(e.id(), e.partnershipIds(), e.statusReason()))
                    : List.of();
        }
        if (change instanceof CooperationEventChange.Completed) {
            return e.partnershipIds().isEmpty() ? List.of()
                    : List.of(new CooperationEventHeld(e.id(), e.partnershipIds(), e.title(), e.kind().name(),
                            e.startsAt(), e.endsAt()));
        }
        throw new IllegalArgumentException("unmapped cooperation event change " + change.getClass().getName());
    }
}
