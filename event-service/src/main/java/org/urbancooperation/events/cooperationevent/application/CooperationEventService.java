package org.urbancooperation.events.cooperationevent.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.events.cooperationevent.domain.CooperationEventChange;
import org.urbancooperation.events.cooperationevent.domain.EventFormat;
import org.urbancooperation.events.cooperationevent.domain.EventKind;
import org.urbancooperation.events.cooperationevent.domain.EventStatus;
import org.urbancooperation.events.cooperationevent.domain.EventTimes;
import org.urbancooperation.events.cooperationevent.domain.Interpretation;
import org.urbancooperation.events.cooperationevent.domain.LocalTimeOffset;
import org.urbancooperation.events.cooperationevent.domain.Material;
import org.urbancooperation.events.cooperationevent.domain.Session;
import org.urbancooperation.events.cooperationevent.domain.SessionKind;
import org.urbancooperation.events.cooperationevent.domain.Texts;
import org.urbancooperation.events.cooperationevent.domain.TimeWindow;
import org.urbancooperation.events.cooperationevent.domain.Speaker;
import org.urbancooperation.events.cooperationevent.domain.Venue;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.UnknownReferenceException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Patched;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.Caller;
import org.urbancooperation.support.security.AccessDeniedException;

/**
 * The cooperation event use cases: check references and who may act, let the domain decide, store state and changes
 * in one write. Times arrive as the organisers typed them and are read in the event's zone by the domain's rules.
 */
public class CooperationEventService {

    public record VenueInput(String name, String address, String city) {
    }

    public record InterpretationInput(String language, String otherLanguage, Interpretation.Mode mode, String channel) {
    }

    /**
     * @param startsAt a local time in {@code timeZone} or an instant with an offset
     * @param localTimeOffset which offset a local time in a DST gap or overlap means; null refuses such times
     */
    public record EventInput(EventKind kind, EventFormat format, String title, Map<String, String> descriptions,
            VenueInput venue, String onlineLink, List<String> organisers, List<UUID> partnershipIds,
            String programmeId, List<String> cities, String timeZone, List<String> timeZones, String startsAt,
            String endsAt, LocalTimeOffset localTimeOffset, List<String> languages,
            List<InterpretationInput> interpretation, Integer capacity, List<MaterialInput> materials) {
    }

    /**
     * A JSON merge patch of an event's details: a field not given keeps its value, one given null removes it (or, for
     * a field that cannot be empty, is refused naming it); lists and texts by language are replaced whole. Times
     * may be given only as they are: they move by reschedule or postponement.
     */
    public record DetailsPatch(Patched<EventKind> kind, Patched<EventFormat> format, Patched<String> title,
            Patched<Map<String, String>> descriptions, Patched<VenueInput> venue, Patched<String> onlineLink,
            Patched<List<String>> organisers, Patched<List<UUID>> partnershipIds, Patched<String> programmeId,
            Patched<List<String>> cities, Patched<String> timeZone, Patched<List<String>> timeZones,
            Patched<String> startsAt, Patched<String> endsAt, LocalTimeOffset localTimeOffset,
            Patched<List<String>> languages, Patched<List<InterpretationInput>> interpretation,
            Patched<Integer> capacity, Patched<List<MaterialInput>> materials) {
    }

    public record SpeakerInput(String name, String title, String organisation, String city, String country,
            Boolean videoMessage) {
    }

    public record MaterialInput(String title, String url, String language, String mediaType, Long sizeBytes) {
    }

    /** @param id a session's id from an earlier read; null for a new session */
    public record SessionInput(UUID id, SessionKind kind, Map<String, String> titles, Map<String, String> descriptions,
            String startsAt, String endsAt, String room, String channel, List<SpeakerInput> speakers,
            List<SpeakerInput> moderators, List<MaterialInput> materials, List<String> languages,
            List<InterpretationInput> interpretation) {
    }

    private final CooperationEventRepository cooperationEvents;
    private final PartnershipDirectory partnerships;
    private final ReferenceDirectory organisations;
    private final ReferenceDirectory programmes;
    private final Clock clock;
    private final Runnable countsChanged;

    /**
     * @param countsChanged told after an event was created or its status or kind changed, so that the gauges of
     *        events by status and kind count again soon rather than at their next interval; it must not block
     */
    public CooperationEventService(CooperationEventRepository cooperationEvents, PartnershipDirectory partnerships,
            ReferenceDirectory organisations, ReferenceDirectory programmes, Clock clock, Runnable countsChanged) {
        this.cooperationEvents = cooperationEvents;
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.programmes = programmes;
        this.clock = clock;
        this.countsChanged = countsChanged;
    }

    /**
     * A new draft. Operators create any; partner staff those their organisation organises or one of whose
     * partnerships it is a partner of.
     *
     * @throws UnknownReferenceException naming the field for an organiser, partnership or programme not known here
     */
    public Versioned<CooperationEvent> create(Caller caller, EventInput input) {
        Access.requireAuthenticated(caller);
        // The domain checks the shape first (400 naming the field), then the references are looked up (422).
        ResultWithEvents<CooperationEvent, CooperationEventChange> draft = CooperationEvent.draft(UUID.randomUUID(),
                details(input));
        requireMayRun(caller, draft.aggregate());
        Versioned<CooperationEvent> created = cooperationEvents.insert(draft);
        countsChanged.run();
        return created;
    }

    /**
     * Changes a draft's or a public event's details (not its times: those are rescheduled). Who may change the event
     * may change its details, as long as their organisation still runs it afterwards: nobody hands an event to
     * organisers they do not work for (operators excepted).
     *
     * @throws UnknownReferenceException naming the field for an organiser, partnership or programme not known here
     */
    public Versioned<CooperationEvent> changeDetails(Caller caller, UUID id, DetailsPatch patch,
            ExpectedVersion expected) {
        Require.present("body", patch);
        return change(caller, id, expected, e -> {
            ResultWithEvents<CooperationEvent, CooperationEventChange> changed = e.changeDetails(patched(e, patch));
            if (changed.aggregate() != e) {
                requireMayRun(caller, changed.aggregate());
            }
            return changed;
        });
    }

    /**
     * Checks the references of an event's details (422 naming the field) and that the caller is an operator or works
     * for an organisation that runs the event (an organiser, or a partner of one of its partnerships).
     */
    private void requireMayRun(Caller caller, CooperationEvent details) {
        Set<String> actingOrganisations = new HashSet<>(details.organisers());
        for (int i = 0; i < details.organisers().size(); i++) {
            String organiser = details.organisers().get(i);
            if (!organisations.isKnown(organiser)) {
                throw new UnknownReferenceException("organisers[" + i + "]", "Organisation " + organiser
                        + " is not known to event-service; partnership-service must register it first");
            }
        }
        for (int i = 0; i < details.partnershipIds().size(); i++) {
            UUID partnershipId = details.partnershipIds().get(i);
            String field = "partnershipIds[" + i + "]";
            actingOrganisations.addAll(partnerships.find(partnershipId)
                    .orElseThrow(() -> new UnknownReferenceException(field, "Partnership " + partnershipId
                            + " is not known to event-service; it must be established first"))
                    .partnerOrganisations());
        }
        if (details.programmeId() != null && !programmes.isKnown(details.programmeId())) {
            throw new UnknownReferenceException("programmeId", "Programme " + details.programmeId()
                    + " is not known to event-service; partnership-service must register it first");
        }
        Access.requireOperatorOrMemberOf(caller, actingOrganisations,
                "A cooperation event of these organisers and partnerships");
    }

    /** Anybody reads a public event; a draft only those who may change it (to anybody else it does not exist). */
    public Versioned<CooperationEvent> get(Caller caller, UUID id) {
        Versioned<CooperationEvent> found = find(id);
        if (!found.aggregate().status().isPublic() && !mayChange(caller, found.aggregate())) {
            throw new NotFoundException("Cooperation event", id);
        }
        return found;
    }

    /** What a reader may filter a list by; each null field matches every event. */
    public record ListFilter(UUID partnershipId, String organiser, EventStatus status, EventKind kind, String city,
            String programmeId, String language, TimeWindow window) {
    }

    public Page<Versioned<CooperationEvent>> list(Caller caller, ListFilter f, PageRequest page) {
        CooperationEventRepository.Drafts drafts = caller.isOperator() ? new CooperationEventRepository.Drafts(true, null)
                : new CooperationEventRepository.Drafts(false, caller.organisationId().orElse(null));
        return cooperationEvents.list(new CooperationEventRepository.Filter(f.partnershipId(), f.organiser(),
                f.status(), f.kind(), f.city(), f.programmeId(), f.language(), f.window(), drafts), page);
    }

    public Versioned<CooperationEvent> publish(Caller caller, UUID id, ExpectedVersion expected) {
        return change(caller, id, expected, e -> e.publish(clock.instant()));
    }

    public Versioned<CooperationEvent> reschedule(Caller caller, UUID id, String startsAt, String endsAt,
            LocalTimeOffset choice, ExpectedVersion expected) {
        return change(caller, id, expected, e -> e.reschedule(EventTimes.period(startsAt, endsAt, e.timeZone(),
                choice)));
    }

    public Versioned<CooperationEvent> postpone(Caller caller, UUID id, String startsAt, String endsAt,
            LocalTimeOffset choice, String reason, ExpectedVersion expected) {
        return change(caller, id, expected, e -> e.postpone(EventTimes.period(startsAt, endsAt, e.timeZone(),
                choice), reason));
    }

    public Versioned<CooperationEvent> cancel(Caller caller, UUID id, String reason, ExpectedVersion expected) {
        return change(caller, id, expected, e -> e.cancel(reason));
    }

    public Versioned<CooperationEvent> complete(Caller caller, UUID id, ExpectedVersion expected) {
        return change(caller, id, expected, e -> e.complete(clock.instant()));
    }

    /** Replaces the working agenda; a session without id is new and gets one. */
    public Versioned<CooperationEvent> changeAgenda(Caller caller, UUID id, List<SessionInput> sessions,
            LocalTimeOffset choice, ExpectedVersion expected) {
        return change(caller, id, expected, e -> {
            Require.present("sessions", sessions);
            List<Session> checked = new ArrayList<>();
            for (int i = 0; i < sessions.size(); i++) {
                SessionInput s = Require.present("sessions[" + i + "]", sessions.get(i));
                checked.add(Require.within("sessions[" + i + "]", () -> session(s, e.timeZone(), choice)));
            }
            return e.changeAgenda(checked);
        });
    }

    public Versioned<CooperationEvent> publishAgenda(Caller caller, UUID id, ExpectedVersion expected) {
        return change(caller, id, expected, e -> e.publishAgenda(clock.instant()));
    }

    /** The working agenda is the organisers' own. */
    public Versioned<CooperationEvent> getForOrganisers(Caller caller, UUID id) {
        Versioned<CooperationEvent> found = find(id);
        requireMayChange(caller, found.aggregate());
        return found;
    }

    private Versioned<CooperationEvent> change(Caller caller, UUID id, ExpectedVersion expected,
            Function<CooperationEvent, ResultWithEvents<CooperationEvent, CooperationEventChange>> command) {
        Versioned<CooperationEvent> found = find(id);
        requireMayChange(caller, found.aggregate());
        expected.check("Cooperation event " + id, found.version());
        ResultWithEvents<CooperationEvent, CooperationEventChange> result = command.apply(found.aggregate());
        if (result.aggregate() == found.aggregate()) {
            return found; // the command changed nothing (an agenda published again unchanged): no write, no version
        }
        Versioned<CooperationEvent> changed = cooperationEvents.update(result, found.version(), expected);
        if (changed.aggregate().status() != found.aggregate().status()
                || changed.aggregate().kind() != found.aggregate().kind()) {
            countsChanged.run();
        }
        return changed;
    }

    private Versioned<CooperationEvent> find(UUID id) {
        return cooperationEvents.find(id).orElseThrow(() -> new NotFoundException("Cooperation event", id));
    }

    private void requireMayChange(Caller caller, CooperationEvent e) {
        Access.requireAuthenticated(caller);
        if (!mayChange(caller, e)) {
            if (!e.status().isPublic()) {
                throw new NotFoundException("Cooperation event", e.id());
            }
            throw new AccessDeniedException("Cooperation event " + e.id() + " belongs to other organisations");
        }
    }

    /**
     * Operators; staff of an organiser; staff of a partner organisation of one of its partnerships. Registration asks
     * it too: these are who list and manage an event's registrations.
     */
    public boolean mayChange(Caller caller, CooperationEvent e) {
        if (caller.isOperator()) {
            return true;
        }
        if (!caller.is(org.urbancooperation.contracts.identity.Role.PARTNER) || caller.organisationId().isEmpty()) {
            return false;
        }
        String organisation = caller.organisationId().get();
        if (e.isOrganisedBy(organisation)) {
            return true;
        }
        return e.partnershipIds().stream().map(partnerships::findNow).flatMap(java.util.Optional::stream)
                .anyMatch(p -> p.partnerOrganisations().contains(organisation));
    }

    private static CooperationEvent.Details details(EventInput in) {
        ZoneId zone = Require.timeZone("timeZone", in.timeZone());
        EventTimes.Period times = EventTimes.period(in.startsAt(), in.endsAt(), zone, in.localTimeOffset());
        List<ZoneId> shown = in.timeZones() == null ? List.of()
                : Require.each("timeZones", Require.size("timeZones", in.timeZones(), 0,
                        CooperationEvent.MAX_TIME_ZONES), Require::timeZone);
        return new CooperationEvent.Details(in.kind(), in.format(), in.title(),
                Texts.localized("descriptions", in.descriptions(), CooperationEvent.MAX_DESCRIPTION, true),
                in.venue() == null ? null : Require.within("venue", () -> new Venue(in.venue().name(),
                        in.venue().address(), in.venue().city())),
                in.onlineLink(), in.organisers(), in.partnershipIds(), in.programmeId(), in.cities(), zone, shown,
                times.startsAt(), times.endsAt(), times.precision(), in.languages(),
                interpretation("interpretation", in.interpretation()), in.capacity(),
                materials("materials", in.materials()));
    }

    /** The event's details with the patch applied; the domain checks the result as it checks a new event's. */
    private static CooperationEvent.Details patched(CooperationEvent e, DetailsPatch p) {
        CooperationEvent.Details d = e.details();
        ZoneId zone = p.timeZone().given() ? Require.timeZone("timeZone", p.timeZone().value()) : d.timeZone();
        List<ZoneId> shown = !p.timeZones().given() ? d.timeZones() : p.timeZones().value() == null ? List.of()
                : Require.each("timeZones", Require.size("timeZones", p.timeZones().value(), 0,
                        CooperationEvent.MAX_TIME_ZONES), Require::timeZone);
        return new CooperationEvent.Details(
                or(p.kind(), d.kind()), or(p.format(), d.format()), or(p.title(), d.title()),
                p.descriptions().given() ? Texts.localized("descriptions", p.descriptions().value(),
                        CooperationEvent.MAX_DESCRIPTION, true) : d.descriptions(),
                !p.venue().given() ? d.venue() : p.venue().value() == null ? null : Require.within("venue",
                        () -> new Venue(p.venue().value().name(), p.venue().value().address(),
                                p.venue().value().city())),
                or(p.onlineLink(), d.onlineLink()), or(p.organisers(), d.organisers()),
                or(p.partnershipIds(), d.partnershipIds()), or(p.programmeId(), d.programmeId()),
                or(p.cities(), d.cities()), zone, shown,
                // Given times are read as a new event's are (in the zone it will have), to compare with its own.
                p.startsAt().given() ? EventTimes.bound("startsAt", Require.present("startsAt",
                        p.startsAt().value()), zone, p.localTimeOffset(), false) : d.startsAt(),
                p.endsAt().given() ? EventTimes.bound("endsAt", Require.present("endsAt", p.endsAt().value()), zone,
                        p.localTimeOffset(), true) : d.endsAt(),
                p.endsAt().given() ? EventTimes.precisionOf(p.endsAt().value())
                        : p.startsAt().given() ? EventTimes.precisionOf(p.startsAt().value()) : d.timePrecision(),
                or(p.languages(), d.languages()),
                p.interpretation().given() ? interpretation("interpretation", p.interpretation().value())
                        : d.interpretation(),
                or(p.capacity(), d.capacity()),
                p.materials().given() ? materials("materials", p.materials().value()) : d.materials());
    }

    private static <T> T or(Patched<T> patched, T current) {
        return patched.given() ? patched.value() : current;
    }

    private static Session session(SessionInput s, ZoneId zone, LocalTimeOffset choice) {
        return new Session(s.id() == null ? UUID.randomUUID() : s.id(), s.kind(),
                Texts.localized("titles", s.titles(), Session.MAX_TITLE, false),
                Texts.localized("descriptions", s.descriptions(), Session.MAX_DESCRIPTION, true),
                time("startsAt", s.startsAt(), zone, choice), time("endsAt", s.endsAt(), zone, choice), s.room(),
                s.channel(), speakers("speakers", s.speakers()), speakers("moderators", s.moderators()),
                materials("materials", s.materials()), s.languages(), interpretation("interpretation", s.interpretation()));
    }

    private static List<Speaker> speakers(String field, List<SpeakerInput> people) {
        return people == null ? List.of() : Require.each(field, people, (path, p) -> Require.within(path,
                () -> new Speaker(p.name(), p.title(), p.organisation(), p.city(), p.country(),
                        Boolean.TRUE.equals(p.videoMessage()))));
    }

    private static List<Material> materials(String field, List<MaterialInput> materials) {
        return materials == null ? List.of() : Require.each(field, materials, (path, m) -> Require.within(path,
                () -> new Material(m.title(), m.url(), m.language(), m.mediaType(), m.sizeBytes())));
    }

    private static List<Interpretation> interpretation(String field, List<InterpretationInput> pairs) {
        return pairs == null ? List.of() : Require.each(field, pairs, (path, p) -> Require.within(path,
                () -> new Interpretation(p.language(), p.otherLanguage(), p.mode(), p.channel())));
    }

    private static Instant time(String field, String text, ZoneId zone, LocalTimeOffset choice) {
        return EventTimes.resolve(field, text, zone, choice);
    }

    static InvalidValueException invalid(String field, String message) {
        return new InvalidValueException(field, message);
    }
}
