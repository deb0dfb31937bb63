package org.urbancooperation.events.calendar.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.urbancooperation.events.cooperationevent.domain.AgendaChange;
import org.urbancooperation.events.cooperationevent.domain.AgendaVersion;
import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.events.cooperationevent.domain.EventStatus;
import org.urbancooperation.events.cooperationevent.domain.Session;
import org.urbancooperation.events.cooperationevent.domain.Speaker;
import org.urbancooperation.events.cooperationevent.domain.TimePrecision;
import org.urbancooperation.support.domain.LocalizedText;

/**
 * A public cooperation event as calendar entries: one per session ever published in its agenda, or one for the whole
 * event while no session has been published. The rules that let calendar programs update entries in place:
 * <ul>
 * <li>UIDs never change: {@code <sessionId>@urban-cooperation} (ids are kept across agenda versions), or
 * {@code <eventId>@urban-cooperation} for the whole event;</li>
 * <li>a session's SEQUENCE is the number of later published agenda versions whose change list names it, plus a step
 * for the event's status (postponed 1, cancelled 2, so that postponed and then cancelled still goes up);</li>
 * <li>a session removed in a later version stays, CANCELLED; every entry of a cancelled event is CANCELLED; a session
 * of a postponed event whose published time lies outside the event's new dates is TENTATIVE until the organisers
 * publish its new time;</li>
 * <li>the whole-event entry of an event known only to the day or month (ADR 0006) is an all-day entry: its bounds
 * are already the starts of days on the event's clocks, the end exclusive, exactly as an all-day DTEND. Sessions
 * always have times, so their entries never are.</li>
 * </ul>
 */
public final class EventCalendar {

    public static final String UID_DOMAIN = "urban-cooperation";

    private EventCalendar() {
    }

    /**
     * @param storedVersion the event's stored version: the whole-event entry's SEQUENCE, since the event keeps no
     *        history of its dates and every change of them is a new stored version
     */
    public static List<CalendarEntry> entriesOf(CooperationEvent event, long storedVersion) {
        if (!event.status().isPublic() || event.agendaVersions().isEmpty()) {
            return List.of();
        }
        Map<UUID, PublishedSession> sessions = publishedSessions(event.agendaVersions());
        if (sessions.isEmpty()) {
            return List.of(wholeEvent(event, storedVersion));
        }
        return sessions.values().stream()
                .sorted(Comparator.comparing((PublishedSession p) -> p.session().startsAt())
                        .thenComparing(p -> p.session().id()))
                .map(p -> entry(event, p)).toList();
    }

    /** The entry of one session ever published in the event's agenda; empty for any other id. */
    public static Optional<CalendarEntry> sessionEntry(CooperationEvent event, UUID sessionId) {
        if (!event.status().isPublic()) {
            return Optional.empty();
        }
        return Optional.ofNullable(publishedSessions(event.agendaVersions()).get(sessionId))
                .map(p -> entry(event, p));
    }

    public static String uidOf(UUID id) {
        return id + "@" + UID_DOMAIN;
    }

    /**
     * A session as last published, with what the calendar needs from the versions around it.
     *
     * @param changes versions after its first one whose change list names it
     * @param lastModified when the last of those (or the first one) was published
     */
    private record PublishedSession(Session session, boolean removed, int changes, Instant lastModified) {
    }

    private static Map<UUID, PublishedSession> publishedSessions(List<AgendaVersion> versions) {
        Map<UUID, PublishedSession> seen = new LinkedHashMap<>();
        for (AgendaVersion version : versions) {
            java.util.Set<UUID> named = version.changes().stream().map(AgendaChange::sessionId)
                    .collect(Collectors.toSet());
            java.util.Set<UUID> present = new java.util.HashSet<>();
            for (Session s : version.sessions()) {
                present.add(s.id());
                PublishedSession before = seen.get(s.id());
                if (before == null) {
                    seen.put(s.id(), new PublishedSession(s, false, 0, version.publishedAt()));
                } else if (named.contains(s.id()) || before.removed()) {
                    seen.put(s.id(), new PublishedSession(s, false, before.changes() + 1, version.publishedAt()));
                } else {
                    seen.put(s.id(), new PublishedSession(s, false, before.changes(), before.lastModified()));
                }
            }
            for (Map.Entry<UUID, PublishedSession> e : seen.entrySet()) {
                PublishedSession p = e.getValue();
                if (!present.contains(e.getKey()) && !p.removed()) {
                    e.setValue(new PublishedSession(p.session(), true, p.changes() + 1, version.publishedAt()));
                }
            }
        }
        return seen;
    }

    private static CalendarEntry entry(CooperationEvent event, PublishedSession p) {
        Session s = p.session();
        CalendarEntry.Status status;
        if (p.removed() || event.status() == EventStatus.CANCELLED) {
            status = CalendarEntry.Status.CANCELLED;
        } else if (event.status() == EventStatus.POSTPONED && (s.startsAt().isBefore(event.startsAt())
                || s.endsAt().isAfter(event.endsAt()))) {
            status = CalendarEntry.Status.TENTATIVE;
        } else {
            status = CalendarEntry.Status.CONFIRMED;
        }
        List<String> languages = event.languages();
        String title = text(s.titles(), languages).orElse(humanised(s.kind().name()));
        List<String> description = new ArrayList<>();
        statusLine(event, p.removed()).ifPresent(description::add);
        description.add(event.title());
        text(s.descriptions(), languages).ifPresent(description::add);
        if (!s.speakers().isEmpty()) {
            description.add("Speakers: " + people(s.speakers()));
        }
        if (!s.moderators().isEmpty()) {
            description.add("Moderators: " + people(s.moderators()));
        }
        return new CalendarEntry(uidOf(s.id()), p.changes() + statusStep(event.status()), status, title,
                String.join("\n\n", description), location(event, s.room(), s.channel()), event.onlineLink(),
                s.startsAt(), s.endsAt(), event.timeZone(), p.lastModified(), false);
    }

    private static CalendarEntry wholeEvent(CooperationEvent event, long storedVersion) {
        List<String> description = new ArrayList<>();
        statusLine(event, false).ifPresent(description::add);
        text(event.descriptions(), event.languages()).ifPresent(description::add);
        if (!event.organisers().isEmpty()) {
            description.add("Organisers: " + String.join(", ", event.organisers()));
        }
        CalendarEntry.Status status = event.status() == EventStatus.CANCELLED ? CalendarEntry.Status.CANCELLED
                : CalendarEntry.Status.CONFIRMED;
        Instant lastModified = event.latestAgenda().orElseThrow().publishedAt();
        return new CalendarEntry(uidOf(event.id()), Math.toIntExact(Math.min(storedVersion, Integer.MAX_VALUE)),
                status, event.title(), description.isEmpty() ? null : String.join("\n\n", description),
                location(event, null, null), event.onlineLink(), event.startsAt(), event.endsAt(), event.timeZone(),
                lastModified, event.timePrecision() != TimePrecision.TIME);
    }

    private static int statusStep(EventStatus status) {
        return switch (status) {
            case POSTPONED -> 1;
            case CANCELLED -> 2;
            default -> 0;
        };
    }

    private static Optional<String> statusLine(CooperationEvent event, boolean removed) {
        if (event.status() == EventStatus.CANCELLED) {
            return Optional.of("Cancelled: " + event.statusReason());
        }
        if (removed) {
            return Optional.of("Removed from the agenda");
        }
        if (event.status() == EventStatus.POSTPONED) {
            return Optional.of("Postponed: " + event.statusReason());
        }
        return Optional.empty();
    }

    /** Room or channel first, then the venue: what a calendar shows under the title. */
    private static String location(CooperationEvent event, String room, String channel) {
        Stream<String> venue = event.venue() == null ? Stream.empty()
                : Stream.of(event.venue().name(), event.venue().address(), event.venue().city());
        String joined = Stream.concat(Stream.of(room, channel), venue).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining(", "));
        return joined.isEmpty() ? null : joined;
    }

    /** The text in the event's first language that has one, else English, else the first by language code. */
    /** The text in the event's first language that has one, else English, else any; none when there is no text. */
    private static Optional<String> text(LocalizedText text, List<String> languages) {
        if (text == null || text.values().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> byLanguage = text.values();
        for (String language : Stream.concat(languages.stream(), Stream.of("en")).toList()) {
            if (byLanguage.containsKey(language)) {
                return Optional.of(byLanguage.get(language));
            }
        }
        return Optional.of(new TreeMap<>(byLanguage).firstEntry().getValue());
    }

    private static String people(List<Speaker> people) {
        return people.stream().map(p -> {
            String about = Stream.of(p.title(), p.organisation()).filter(Objects::nonNull)
                    .collect(Collectors.joining(", "));
            return about.isEmpty() ? p.name() : p.name() + " (" + about + ")";
        }).collect(Collectors.joining("; "));
    }

    /** OPENING_REMARKS: "Opening remarks", for a session without a title. */
    private static String humanised(String constant) {
        String words = constant.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
