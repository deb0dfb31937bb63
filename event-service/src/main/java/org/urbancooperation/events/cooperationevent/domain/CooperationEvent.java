package org.urbancooperation.events.cooperationevent.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.urbancooperation.support.domain.InvalidValueException;
import org.urbancooperation.support.domain.Require;
import org.urbancooperation.support.domain.ResultWithEvents;

/**
 * A real-world event of a partnership, such as the EU-Japan 100 Cities Event on Climate Action
 * (25 Jan 2023, 09:00-12:00 CET / 17:00-20:00 JST, English and Japanese). Times are instants; the
 * agenda is shown in each of {@code timeZones}. Immutable: each command returns the new state and
 * the changes it raised.
 *
 * @param timeZones the zones the agenda is shown in, usually one per partner city
 * @param languages ISO 639-1 codes of the languages spoken or interpreted, e.g. en, ja
 * @param venue where it takes place; null when online or not yet known
 */
public record CooperationEvent(
        UUID id,
        UUID partnershipId,
        String title,
        EventFormat format,
        Instant startsAt,
        Instant endsAt,
        List<ZoneId> timeZones,
        List<String> languages,
        String venue) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_TIME_ZONES = 4;
    public static final int MAX_LANGUAGES = 6;
    public static final int MAX_VENUE = 300;
    public static final Duration MAX_DURATION = Duration.ofDays(31);

    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    public CooperationEvent {
        Require.present("id", id);
        Require.present("partnershipId", partnershipId);
        title = Require.text("title", title, MAX_TITLE);
        Require.present("format", format);
        // Agendas are never finer than seconds, and a stored BSON date keeps milliseconds only: whole
        // seconds are what the response, the database and the published event all agree on.
        startsAt = Require.present("startsAt", startsAt).truncatedTo(ChronoUnit.SECONDS);
        endsAt = Require.present("endsAt", endsAt).truncatedTo(ChronoUnit.SECONDS);
        if (!endsAt.isAfter(startsAt)) {
            throw InvalidValueException.between("startsAt", "endsAt", "startsAt must be before endsAt");
        }
        if (Duration.between(startsAt, endsAt).compareTo(MAX_DURATION) > 0) {
            throw InvalidValueException.between("startsAt", "endsAt", "a cooperation event lasts at most "
                    + MAX_DURATION.toDays() + " days");
        }
        timeZones = List.copyOf(Require.each("timeZones", Require.size("timeZones", timeZones, 1, MAX_TIME_ZONES),
                (path, zone) -> zone));
        for (int i = 0; i < timeZones.size(); i++) {
            if (timeZones.indexOf(timeZones.get(i)) < i) {
                throw new InvalidValueException("timeZones[" + i + "]", timeZones.get(i) + " is listed twice");
            }
        }
        languages = List.copyOf(Require.each("languages", Require.size("languages", languages, 0, MAX_LANGUAGES),
                (path, language) -> {
                    if (!LANGUAGES.contains(language)) {
                        throw new InvalidValueException(path, path + " must be an ISO 639-1 language code such as en "
                                + "or ja");
                    }
                    return language;
                }));
        for (int i = 0; i < languages.size(); i++) {
            if (languages.indexOf(languages.get(i)) < i) {
                throw new InvalidValueException("languages[" + i + "]", languages.get(i) + " is listed twice");
            }
        }
        venue = venue == null || venue.isBlank() ? null : Require.text("venue", venue, MAX_VENUE);
    }

    /** @param timeZones IANA zone ids such as Europe/Brussels and Asia/Tokyo */
    public static ResultWithEvents<CooperationEvent, CooperationEventChange> schedule(UUID id, UUID partnershipId,
            String title, EventFormat format, Instant startsAt, Instant endsAt, List<String> timeZones,
            List<String> languages, String venue) {
        // Rules for new input, beyond the invariants the constructor keeps for stored events too.
        Require.visibleText("title", title, MAX_TITLE);
        Require.instant("startsAt", startsAt);
        Require.instant("endsAt", endsAt);
        if (venue != null && !venue.isBlank()) {
            Require.visibleText("venue", venue, MAX_VENUE);
        }
        CooperationEvent event = new CooperationEvent(id, partnershipId, title, format, startsAt, endsAt,
                zones(timeZones), languages == null ? List.of() : languages, venue);
        return ResultWithEvents.of(event, new CooperationEventChange.Scheduled(event));
    }

    /** Start and end on the clocks of each of the event's time zones, in their order. */
    public List<LocalTimes> localTimes() {
        return timeZones.stream()
                .map(zone -> new LocalTimes(zone, startsAt.atZone(zone).toOffsetDateTime(),
                        endsAt.atZone(zone).toOffsetDateTime()))
                .toList();
    }

    /** @throws InvalidValueException naming {@code timeZones} for anything that is not a zone id */
    private static List<ZoneId> zones(List<String> ids) {
        return Require.each("timeZones", ids, Require::timeZone);
    }
}
