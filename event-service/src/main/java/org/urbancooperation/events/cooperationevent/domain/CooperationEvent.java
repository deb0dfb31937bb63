package org.urbancooperation.events.cooperationevent.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.LocalizedText;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;

/**
 * A real-world event such as the EU-Japan 100 Cities Event on Climate Action (25-26 Jan 2023, 09:00-12:00 CET /
 * 17:00-20:00 JST), organised by organisations (here the EU Delegation to Japan and IGES), optionally for
 * partnerships and a programme. Times are instants; {@code timeZone} is the event's own zone, in which organisers
 * enter local times and from which day shifts are counted. Immutable: each command returns the new state and the
 * changes it raised.
 *
 * @param timeZones the zones the event is shown in when a reader names none, the event's own zone first
 * @param format null when not known
 * @param descriptions null when there is none
 * @param timePrecision how much of startsAt and endsAt is known: to the minute, or only whole days or months on the
 *        event's own clocks (then startsAt and endsAt are the bounds of those days or months)
 * @param materials the event's own documents (programme, flyer, report), beside those of its sessions
 * @param statusReason why it was postponed or cancelled; null otherwise
 * @param agenda the organisers' working agenda; public readers see only {@code agendaVersions}
 * @param agendaVersions the published agendas, oldest first
 */
public record CooperationEvent(
        UUID id,
        EventKind kind,
        EventFormat format,
        String title,
        LocalizedText descriptions,
        Venue venue,
        String onlineLink,
        List<String> organisers,
        List<UUID> partnershipIds,
        String programmeId,
        List<String> cities,
        ZoneId timeZone,
        List<ZoneId> timeZones,
        Instant startsAt,
        Instant endsAt,
        TimePrecision timePrecision,
        List<String> languages,
        List<Interpretation> interpretation,
        Integer capacity,
        List<Material> materials,
        EventStatus status,
        String statusReason,
        List<Session> agenda,
        List<AgendaVersion> agendaVersions) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_TIME_ZONES = 4;
    public static final int MAX_LANGUAGES = 6;
    public static final int MAX_ORGANISERS = 20;
    public static final int MAX_PARTNERSHIPS = 20;
    public static final int MAX_CITIES = 200;
    public static final int MAX_SESSIONS = 200;
    public static final int MAX_CAPACITY = 1_000_000;
    public static final int MAX_MATERIALS = 50;
    public static final Duration MAX_DURATION = Duration.ofDays(31);

    /** What a command may set on an event's description (everything but its state and agenda). */
    public record Details(EventKind kind, EventFormat format, String title, LocalizedText descriptions,
            Venue venue, String onlineLink, List<String> organisers, List<UUID> partnershipIds, String programmeId,
            List<String> cities, ZoneId timeZone, List<ZoneId> timeZones, Instant startsAt, Instant endsAt,
            TimePrecision timePrecision, List<String> languages, List<Interpretation> interpretation,
            Integer capacity, List<Material> materials) {
    }

    public CooperationEvent {
        Require.present("id", id);
        Require.present("kind", kind);
        title = Require.visibleText("title", title, MAX_TITLE);
        onlineLink = Texts.optionalUrl("onlineLink", onlineLink);
        if (format == EventFormat.IN_PERSON && onlineLink != null) {
            throw InvalidValueException.between("onlineLink", "format", "an IN_PERSON event has no onlineLink; "
                    + "say HYBRID");
        }
        if (format == EventFormat.ONLINE && venue != null) {
            throw InvalidValueException.between("venue", "format", "an ONLINE event has no venue; say HYBRID");
        }
        organisers = List.copyOf(Require.each("organisers", Require.size("organisers", orEmpty(organisers), 0,
                MAX_ORGANISERS), (path, slug) -> Require.slug(path, slug, "iges")));
        distinct("organisers", organisers);
        partnershipIds = List.copyOf(Require.each("partnershipIds",
                Require.size("partnershipIds", orEmpty(partnershipIds), 0, MAX_PARTNERSHIPS), (path, p) -> p));
        distinct("partnershipIds", partnershipIds);
        if (organisers.isEmpty() && partnershipIds.isEmpty()) {
            // Somebody runs it: named organisers, or the partners of its partnerships (when the record names none).
            throw InvalidValueException.between("organisers", "partnershipIds", "a cooperation event needs an "
                    + "organiser or a partnership");
        }
        programmeId = programmeId == null ? null : Require.slug("programmeId", programmeId, "iurc");
        cities = List.copyOf(Require.each("cities", Require.size("cities", orEmpty(cities), 0, MAX_CITIES),
                (path, city) -> Require.visibleText(path, city, 100)));
        distinct("cities", cities);
        Require.present("timeZone", timeZone);
        timeZones = List.copyOf(Require.each("timeZones", Require.size("timeZones", timeZones, 1, MAX_TIME_ZONES + 1),
                (path, zone) -> zone));
        distinct("timeZones", timeZones);
        startsAt = Require.instant("startsAt", startsAt).truncatedTo(ChronoUnit.SECONDS);
        endsAt = Require.instant("endsAt", endsAt).truncatedTo(ChronoUnit.SECONDS);
        if (!endsAt.isAfter(startsAt)) {
            throw InvalidValueException.between("startsAt", "endsAt", "startsAt must be before endsAt");
        }
        // Days on the event's own clocks, so that a whole 31-day month with a DST change (25 hours on its last
        // Sunday in October) still fits.
        if (endsAt.atZone(timeZone).toLocalDateTime().isAfter(startsAt.atZone(timeZone).toLocalDateTime()
                .plusDays(MAX_DURATION.toDays()))) {
            throw InvalidValueException.between("startsAt", "endsAt", "a cooperation event lasts at most "
                    + MAX_DURATION.toDays() + " days");
        }
        timePrecision = timePrecision == null ? TimePrecision.TIME : timePrecision;
        if (!EventTimes.begins(timePrecision, startsAt, timeZone)) {
            throw new InvalidValueException("startsAt", "an event known to the " + timePrecision.name().toLowerCase()
                    + " starts at the start of a " + timePrecision.name().toLowerCase() + " in " + timeZone.getId());
        }
        if (!EventTimes.begins(timePrecision, endsAt, timeZone)) {
            throw new InvalidValueException("endsAt", "an event known to the " + timePrecision.name().toLowerCase()
                    + " ends at the start of a " + timePrecision.name().toLowerCase() + " in " + timeZone.getId());
        }
        languages = distinctLanguages("languages", languages);
        interpretation = distinctInterpretation("interpretation", interpretation);
        if (capacity != null && (capacity < 1 || capacity > MAX_CAPACITY)) {
            throw new InvalidValueException("capacity", "capacity must be between 1 and " + MAX_CAPACITY);
        }
        materials = List.copyOf(Require.size("materials", orEmpty(materials), 0, MAX_MATERIALS));
        Require.present("status", status);
        statusReason = Texts.optional("statusReason", statusReason, 1000);
        agenda = List.copyOf(Require.size("agenda", orEmpty(agenda), 0, MAX_SESSIONS));
        agendaVersions = List.copyOf(orEmpty(agendaVersions));
    }

    /** A new draft: nobody but its organisers (and operators) sees it until it is published. */
    public static ResultWithEvents<CooperationEvent, CooperationEventChange> draft(UUID id, Details d) {
        return ResultWithEvents.of(new CooperationEvent(id, d.kind(), d.format(), d.title(), d.descriptions(),
                d.venue(), d.onlineLink(), d.organisers(), d.partnershipIds(), d.programmeId(), d.cities(),
                d.timeZone(), zonesShown(d.timeZone(), d.timeZones()), d.startsAt(), d.endsAt(), d.timePrecision(),
                d.languages(), d.interpretation(), d.capacity(), d.materials(), EventStatus.DRAFT, null, List.of(),
                List.of()));
    }

    /**
     * Publishes a draft with its agenda as version 1 (empty when the organisers have not entered one yet): a public
     * event always has a public agenda.
     */
    public ResultWithEvents<CooperationEvent, CooperationEventChange> publish(Instant now) {
        move(EventStatus.PUBLISHED, "publish");
        AgendaVersion first = new AgendaVersion(1, now, agenda, List.of());
        CooperationEvent published = with(EventStatus.PUBLISHED, null, List.of(first));
        return new ResultWithEvents<>(published, List.of(new CooperationEventChange.Published(published),
                new CooperationEventChange.AgendaPublished(published, first)));
    }

    /**
     * Replaces the working agenda. Every session lies within the event's start and end, and a session keeps the id it
     * was given, so that the next published version can say what moved.
     */
    public ResultWithEvents<CooperationEvent, CooperationEventChange> changeAgenda(List<Session> sessions) {
        requireOpen("change the agenda of");
        Require.size("sessions", sessions, 0, MAX_SESSIONS);
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < sessions.size(); i++) {
            Session s = sessions.get(i);
            String path = "sessions[" + i + "]";
            if (!ids.add(s.id())) {
                throw new InvalidValueException(path + ".id", path + ".id is the id of an earlier session");
            }
            if (s.startsAt().isBefore(startsAt) || s.endsAt().isAfter(endsAt)) {
                throw InvalidValueException.between(path + ".startsAt", path + ".endsAt", "a session lies within "
                        + "the event, " + startsAt + " to " + endsAt);
            }
        }
        List<Session> ordered = new ArrayList<>(sessions);
        ordered.sort(java.util.Comparator.comparing(Session::startsAt).thenComparing(Session::endsAt));
        return ResultWithEvents.of(new CooperationEvent(id, kind, format, title, descriptions, venue, onlineLink,
                organisers, partnershipIds, programmeId, cities, timeZone, timeZones, startsAt, endsAt, timePrecision,
                languages, interpretation, capacity, materials, status, statusReason, ordered, agendaVersions));
    }

    /**
     * Publishes the working agenda of a public event as the next version, with what changed from the last one. An
     * unchanged agenda makes no version and raises nothing, so that a retried publication is harmless.
     */
    public ResultWithEvents<CooperationEvent, CooperationEventChange> publishAgenda(Instant now) {
        if (status == EventStatus.DRAFT) {
            throw new StatusMoveRefused(status, "The event is a DRAFT: publishing it publishes its agenda");
        }
        requireOpen("publish the agenda of");
        List<Session> last = latestAgenda().map(AgendaVersion::sessions).orElse(List.of());
        List<AgendaChange> changes = AgendaChange.between(last, agenda);
        if (changes.isEmpty() && !agendaVersions.isEmpty()) {
            return ResultWithEvents.of(this);
        }
        AgendaVersion next = new AgendaVersion(agendaVersions.size() + 1, now, agenda,
                agendaVersions.isEmpty() ? List.of() : changes);
        List<AgendaVersion> versions = new ArrayList<>(agendaVersions);
        versions.add(next);
        CooperationEvent published = with(status, statusReason, versions);
        return ResultWithEvents.of(published, new CooperationEventChange.AgendaPublished(published, next));
    }

    /** What {@link #changeDetails} starts from: everything but the state and the agenda. */
    public Details details() {
        return new Details(kind, format, title, descriptions, venue, onlineLink, organisers, partnershipIds,
                programmeId, cities, timeZone, timeZones, startsAt, endsAt, timePrecision, languages, interpretation,
                capacity, materials);
    }

    /**
     * Replaces the event's details (title, kind, venue, organisers, zones, ...) of a draft or of a public event that
     * has not ended its life. Its times stay: moving a public event is announced as a reschedule or postponement, so
     * a start or end that differs is refused naming it. A public event's change is announced to everybody; an
     * unchanged one raises nothing, so that a retried change is harmless.
     */
    public ResultWithEvents<CooperationEvent, CooperationEventChange> changeDetails(Details d) {
        requireOpen("change the details of");
        if (!startsAt.equals(d.startsAt())) {
            throw new InvalidValueException("startsAt", "startsAt moves with POST /api/v1/events/" + id
                    + "/reschedule (or /postpone), not with a change of details");
        }
        if (!endsAt.equals(d.endsAt()) || timePrecision != d.timePrecision()) {
            throw new InvalidValueException("endsAt", "endsAt moves with POST /api/v1/events/" + id
                    + "/reschedule (or /postpone), not with a change of details");
        }
        CooperationEvent changed = new CooperationEvent(id, d.kind(), d.format(), d.title(), d.descriptions(),
                d.venue(), d.onlineLink(), d.organisers(), d.partnershipIds(), d.programmeId(), d.cities(),
                d.timeZone(), zonesShown(d.timeZone(), d.timeZones()), startsAt, endsAt, timePrecision, d.languages(),
                d.interpretation(), d.capacity(), d.materials(), status, statusReason, agenda, agendaVersions);
        if (changed.equals(this)) {
            return ResultWithEvents.of(this);
        }
        return status.isPublic() ? ResultWithEvents.of(changed, new CooperationEventChange.DetailsChanged(changed))
                : ResultWithEvents.of(changed);
    }

    /** New dates, before it is published or (announced as rescheduled) after; a postponement says why. */
    public ResultWithEvents<CooperationEvent, CooperationEventChange> reschedule(EventTimes.Period to) {
        requireOpen("reschedule");
        CooperationEvent moved = with(status, statusReason, to, agendaVersions);
        if (status == EventStatus.DRAFT) {
            return ResultWithEvents.of(moved);
        }
        return ResultWithEvents.of(moved, new CooperationEventChange.Rescheduled(moved,
                new AgendaChange.Period(startsAt, endsAt)));
    }

    public ResultWithEvents<CooperationEvent, CooperationEventChange> postpone(EventTimes.Period to, String reason) {
        // The input first: a bad reason is a 400 naming it whatever the state.
        Require.visibleText("reason", reason, 1000);
        move(EventStatus.POSTPONED, "postpone");
        CooperationEvent postponed = with(EventStatus.POSTPONED, reason, to, agendaVersions);
        return ResultWithEvents.of(postponed, new CooperationEventChange.Postponed(postponed,
                new AgendaChange.Period(startsAt, endsAt)));
    }

    public ResultWithEvents<CooperationEvent, CooperationEventChange> cancel(String reason) {
        Require.visibleText("reason", reason, 1000);
        move(EventStatus.CANCELLED, "cancel");
        CooperationEvent cancelled = with(EventStatus.CANCELLED, reason, agendaVersions);
        return ResultWithEvents.of(cancelled, new CooperationEventChange.Cancelled(cancelled, status.isPublic()));
    }

    /** Once it has ended: what the programme indicators count as held. */
    public ResultWithEvents<CooperationEvent, CooperationEventChange> complete(Instant now) {
        move(EventStatus.COMPLETED, "complete");
        if (now.isBefore(endsAt)) {
            throw new StatusMoveRefused(status, "The event ends at " + endsAt + ": it can be completed only after");
        }
        CooperationEvent completed = with(EventStatus.COMPLETED, null, agendaVersions);
        return ResultWithEvents.of(completed, new CooperationEventChange.Completed(completed));
    }

    public java.util.Optional<AgendaVersion> latestAgenda() {
        return agendaVersions.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(agendaVersions.get(agendaVersions.size() - 1));
    }

    /** The event's first day on its own clocks: what day shifts are counted from. */
    public LocalDate localStartDate() {
        return startsAt.atZone(timeZone).toLocalDate();
    }

    /** The organisations whose staff may change it: its organisers and the partnerships' partner organisations. */
    public boolean isOrganisedBy(String organisationId) {
        return organisers.contains(organisationId);
    }

    private void move(EventStatus to, String verb) {
        if (!status.allowedMoves().contains(to)) {
            throw new StatusMoveRefused(status, "A " + status + " cooperation event cannot be moved to " + to
                    + " (" + verb + "); allowed from " + status + ": " + status.allowedMoves());
        }
    }

    private void requireOpen(String verb) {
        if (status == EventStatus.CANCELLED || status == EventStatus.COMPLETED) {
            throw new StatusMoveRefused(status, "Cannot " + verb + " a " + status + " cooperation event");
        }
    }

    private CooperationEvent with(EventStatus newStatus, String reason, List<AgendaVersion> versions) {
        return with(newStatus, reason, new EventTimes.Period(startsAt, endsAt, timePrecision), versions);
    }

    private CooperationEvent with(EventStatus newStatus, String reason, EventTimes.Period times,
            List<AgendaVersion> versions) {
        return new CooperationEvent(id, kind, format, title, descriptions, venue, onlineLink, organisers,
                partnershipIds, programmeId, cities, timeZone, timeZones, times.startsAt(), times.endsAt(),
                times.precision(), languages, interpretation, capacity, materials, newStatus, reason, agenda,
                versions);
    }

    /** The event's own zone first, then the others asked for (the 100 Cities event: Brussels, then Tokyo). */
    private static List<ZoneId> zonesShown(ZoneId own, List<ZoneId> asked) {
        List<ZoneId> zones = new ArrayList<>();
        zones.add(Require.present("timeZone", own));
        for (ZoneId zone : orEmpty(asked)) {
            if (!zones.contains(zone)) {
                zones.add(zone);
            }
        }
        return zones;
    }

    static List<String> distinctLanguages(String field, List<String> languages) {
        List<String> checked = List.copyOf(Require.each(field, Require.size(field, orEmpty(languages), 0,
                MAX_LANGUAGES), Texts::language));
        distinct(field, checked);
        return checked;
    }

    static List<Interpretation> distinctInterpretation(String field, List<Interpretation> pairs) {
        List<Interpretation> checked = List.copyOf(Require.size(field, orEmpty(pairs), 0, 10));
        for (int i = 0; i < checked.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (checked.get(j).sameLanguages(checked.get(i))) {
                    throw new InvalidValueException(field + "[" + i + "]", field + "[" + i + "] repeats the languages "
                            + "of " + field + "[" + j + "]");
                }
            }
        }
        return checked;
    }

    private static void distinct(String field, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (values.indexOf(values.get(i)) < i) {
                throw new InvalidValueException(field + "[" + i + "]", values.get(i) + " is listed twice");
            }
        }
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
