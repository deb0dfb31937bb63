package org.urbancooperation.events.cooperationevent.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of an agenda version's change list, machine-readable: what happened to which session.
 *
 * @param from the session's start and end before (MOVED, REMOVED), else null
 * @param to the session's start and end after (MOVED, ADDED), else null
 * @param speakersBefore the speakers' names before (SPEAKERS_CHANGED), else empty
 * @param speakersAfter the speakers' names after (SPEAKERS_CHANGED), else empty
 */
public record AgendaChange(Type type, UUID sessionId, Period from, Period to, List<String> speakersBefore,
        List<String> speakersAfter) {

    public enum Type {
        ADDED,
        REMOVED,
        MOVED,
        SPEAKERS_CHANGED,
        /** title, description, room, channel, moderators, materials, languages or interpretation */
        DETAILS_CHANGED
    }

    public record Period(Instant startsAt, Instant endsAt) {
    }

    public AgendaChange {
        speakersBefore = speakersBefore == null ? List.of() : List.copyOf(speakersBefore);
        speakersAfter = speakersAfter == null ? List.of() : List.copyOf(speakersAfter);
    }

    /** What changed from one published agenda to the next, in the new agenda's order, removals last. */
    public static List<AgendaChange> between(List<Session> before, List<Session> after) {
        Map<UUID, Session> old = new HashMap<>();
        before.forEach(s -> old.put(s.id(), s));
        List<AgendaChange> changes = new ArrayList<>();
        for (Session now : after) {
            Session was = old.remove(now.id());
            if (was == null) {
                changes.add(new AgendaChange(Type.ADDED, now.id(), null, period(now), null, null));
                continue;
            }
            if (!was.startsAt().equals(now.startsAt()) || !was.endsAt().equals(now.endsAt())) {
                changes.add(new AgendaChange(Type.MOVED, now.id(), period(was), period(now), null, null));
            }
            if (!was.speakers().equals(now.speakers())) {
                changes.add(new AgendaChange(Type.SPEAKERS_CHANGED, now.id(), null, null, was.speakerNames(),
                        now.speakerNames()));
            }
            if (!detailsOf(was).equals(detailsOf(now))) {
                changes.add(new AgendaChange(Type.DETAILS_CHANGED, now.id(), null, null, null, null));
            }
        }
        before.stream().filter(s -> old.containsKey(s.id()))
                .forEach(s -> changes.add(new AgendaChange(Type.REMOVED, s.id(), period(s), null, null, null)));
        return List.copyOf(changes);
    }

    private static Period period(Session s) {
        return new Period(s.startsAt(), s.endsAt());
    }

    private static List<Object> detailsOf(Session s) {
        return java.util.Arrays.asList(s.kind(), s.titles(), s.descriptions(), s.room(), s.channel(), s.moderators(),
                s.materials(), s.languages(), s.interpretation());
    }
}
