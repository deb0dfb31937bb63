package org.urbancooperation.events.cooperationevent.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.LocalizedText;
import org.urbancooperation.support.domain.Require;

/**
 * One item of an agenda, e.g. Panel 1 "Energy Security and Resilience", 09:45-10:40 CET on 25 Jan 2023. Times are
 * instants; the day a session belongs to is its start's date in the event's zone. A session may cross midnight or
 * last several days (a trade fair's exhibition).
 *
 * @param id stable across agenda versions, so that a change list can say which session moved
 * @param titles by language; null for a break, which the kind names
 * @param descriptions null when there is none
 * @param room where in the venue, or null
 * @param channel the online channel (e.g. a webinar's stream), or null
 * @param languages spoken in the session
 */
public record Session(
        UUID id,
        SessionKind kind,
        LocalizedText titles,
        LocalizedText descriptions,
        Instant startsAt,
        Instant endsAt,
        String room,
        String channel,
        List<Speaker> speakers,
        List<Speaker> moderators,
        List<Material> materials,
        List<String> languages,
        List<Interpretation> interpretation) {

    public static final Duration MAX_DURATION = Duration.ofDays(31);
    public static final int MAX_PEOPLE = 50;
    public static final int MAX_TITLE = 300;
    public static final int MAX_DESCRIPTION = 5000;

    public Session {
        Require.present("id", id);
        Require.present("kind", kind);
        startsAt = Require.instant("startsAt", startsAt).truncatedTo(ChronoUnit.SECONDS);
        endsAt = Require.instant("endsAt", endsAt).truncatedTo(ChronoUnit.SECONDS);
        if (!endsAt.isAfter(startsAt)) {
            throw InvalidValueException.between("startsAt", "endsAt", "startsAt must be before endsAt");
        }
        if (Duration.between(startsAt, endsAt).compareTo(MAX_DURATION) > 0) {
            throw InvalidValueException.between("startsAt", "endsAt", "a session lasts at most 31 days");
        }
        room = Texts.optional("room", room, 200);
        channel = Texts.optional("channel", channel, 200);
        speakers = people("speakers", speakers);
        moderators = people("moderators", moderators);
        materials = List.copyOf(Require.each("materials", Require.size("materials", orEmpty(materials), 0, 50),
                (path, m) -> m));
        languages = CooperationEvent.distinctLanguages("languages", languages);
        interpretation = CooperationEvent.distinctInterpretation("interpretation", interpretation);
    }

    /** The names of the speakers, in order: what a change list compares. */
    public List<String> speakerNames() {
        return speakers.stream().map(Speaker::name).toList();
    }

    private static List<Speaker> people(String field, List<Speaker> people) {
        return List.copyOf(Require.each(field, Require.size(field, orEmpty(people), 0, MAX_PEOPLE), (path, p) -> p));
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
