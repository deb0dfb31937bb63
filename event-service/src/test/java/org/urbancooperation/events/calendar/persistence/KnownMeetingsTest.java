package org.urbancooperation.events.calendar.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.matching.MeetingCancelled;
import org.urbancooperation.contracts.matching.MeetingRescheduled;
import org.urbancooperation.contracts.matching.MeetingScheduled;
import org.urbancooperation.events.calendar.application.FeedTokens;
import org.urbancooperation.events.calendar.application.MeetingEntries;
import org.urbancooperation.events.calendar.domain.CalendarEntry;
import org.urbancooperation.events.calendar.messaging.KnownMeetingsHandlers;
import org.urbancooperation.support.messaging.HandlingOutcome;
import org.urbancooperation.support.messaging.IntegrationEventHandler;
import org.urbancooperation.support.testing.InMemoryMongo;

import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The read model of matching-service's meetings on the real (in-memory) Mongo server: the newest version of a meeting
 * wins whatever order its events arrive in, a redelivery changes nothing, and each business's feed shows its own.
 */
class KnownMeetingsTest {

    static final String ROBOTS = "robots-koriyama";
    static final String HOSPITALS = "hospitals-essen";
    static final Instant STARTS = Instant.parse("2026-06-10T08:00:00Z");
    static final Instant MOVED = Instant.parse("2026-06-10T08:40:00Z");

    private final KnownMeetings meetings = new KnownMeetings(InMemoryMongo.freshDatabase());
    private final IntegrationEventHandler<MeetingScheduled> scheduled = KnownMeetingsHandlers.scheduled(meetings);
    private final IntegrationEventHandler<MeetingRescheduled> rescheduled = KnownMeetingsHandlers.rescheduled(meetings);
    private final IntegrationEventHandler<MeetingCancelled> cancelled = KnownMeetingsHandlers.cancelled(meetings);
    private final MeetingEntries entries = new MeetingEntries(meetings);

    @Test
    void aRescheduleUpdatesTheSameEntryWithAHigherSequenceAndACancelledOneStaysAsCancelled() {
        UUID meetingId = UUID.randomUUID();
        assertThat(scheduled.handle(scheduled(meetingId), envelope(1))).isEqualTo(HandlingOutcome.APPLIED);

        CalendarEntry first = only(ROBOTS);
        assertThat(first.uid()).isEqualTo(meetingId + "@urban-cooperation");
        assertThat(first.sequence()).isZero();
        assertThat(first.status()).isEqualTo(CalendarEntry.Status.CONFIRMED);
        assertThat(first.summary()).isEqualTo("B2B meeting: " + HOSPITALS + " \u2014 Essen-Koriyama online matching");
        assertThat(first.location()).isEqualTo("Table 3");
        assertThat(first.url()).isNull();
        assertThat(first.description()).isEqualTo("Interpreter: de-ja");
        assertThat(first.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(only(HOSPITALS).summary()).as("named after the other side")
                .startsWith("B2B meeting: " + ROBOTS);

        assertThat(rescheduled.handle(rescheduled(meetingId), envelope(2))).isEqualTo(HandlingOutcome.APPLIED);
        CalendarEntry moved = only(ROBOTS);
        assertThat(moved.uid()).isEqualTo(first.uid());
        assertThat(moved.sequence()).isEqualTo(1);
        assertThat(moved.startsAt()).isEqualTo(MOVED);
        assertThat(moved.location()).isNull();
        assertThat(moved.url()).isEqualTo("https://meet.example.org/ucp/room-3");

        assertThat(cancelled.handle(cancelled(meetingId), envelope(3))).isEqualTo(HandlingOutcome.APPLIED);
        CalendarEntry gone = only(HOSPITALS);
        assertThat(gone.uid()).isEqualTo(first.uid());
        assertThat(gone.sequence()).isEqualTo(2);
        assertThat(gone.status()).isEqualTo(CalendarEntry.Status.CANCELLED);
        assertThat(gone.description()).contains("Cancelled: A participant dropped out");
    }

    @Test
    void duplicatesAndEventsOvertakenByNewerOnesChangeNothing() {
        UUID meetingId = UUID.randomUUID();
        assertThat(cancelled.handle(cancelled(meetingId), envelope(3))).isEqualTo(HandlingOutcome.APPLIED);
        assertThat(scheduled.handle(scheduled(meetingId), envelope(1))).as("arrived late").isEqualTo(
                HandlingOutcome.STALE);
        assertThat(rescheduled.handle(rescheduled(meetingId), envelope(2))).isEqualTo(HandlingOutcome.STALE);
        assertThat(cancelled.handle(cancelled(meetingId), envelope(3))).as("redelivered")
                .isEqualTo(HandlingOutcome.STALE);

        CalendarEntry entry = only(ROBOTS);
        assertThat(entry.status()).isEqualTo(CalendarEntry.Status.CANCELLED);
        assertThat(entry.sequence()).isEqualTo(2);
        assertThat(entry.startsAt()).isEqualTo(MOVED);
    }

    @Test
    void aFeedListsOnlyTheMeetingsOfItsOwnBusinessAndAFeedWithoutABusinessNone() {
        scheduled.handle(scheduled(UUID.randomUUID()), envelope(1));

        assertThat(entries.entriesOf(feed("someone-else"))).isEmpty();
        assertThat(entries.entriesOf(new FeedTokens.Feed("staff", null, Instant.EPOCH))).isEmpty();
    }

    @Test
    void aMeetingWithoutZoneIsWrittenInUtcAndWithoutTitleNamesTheOtherBusinessOnly() {
        UUID meetingId = UUID.randomUUID();
        scheduled.handle(new MeetingScheduled(meetingId, UUID.randomUUID(), UUID.randomUUID(),
                List.of(ROBOTS, HOSPITALS), STARTS, STARTS.plusSeconds(1200), null, null,
                "https://meet.example.org/ucp/room-1", null, 0, null), envelope(1));

        CalendarEntry entry = only(HOSPITALS);
        assertThat(entry.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(entry.summary()).isEqualTo("B2B meeting: " + ROBOTS);
        assertThat(entry.description()).isNull();
    }

    private CalendarEntry only(String businessId) {
        List<CalendarEntry> found = entries.entriesOf(feed(businessId));
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    static FeedTokens.Feed feed(String businessId) {
        return new FeedTokens.Feed("subject-of-" + businessId, businessId, Instant.EPOCH);
    }

    static final UUID MATCHING_EVENT = UUID.fromString("3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d");
    static final UUID MATCH = UUID.fromString("5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f");

    static MeetingScheduled scheduled(UUID meetingId) {
        return new MeetingScheduled(meetingId, MATCHING_EVENT, MATCH, List.of(ROBOTS, HOSPITALS), STARTS,
                STARTS.plusSeconds(1200), "Europe/Berlin", 3, null, "de-ja", 0, "Essen-Koriyama online matching");
    }

    static MeetingRescheduled rescheduled(UUID meetingId) {
        return new MeetingRescheduled(meetingId, MATCHING_EVENT, MATCH, List.of(ROBOTS, HOSPITALS), MOVED,
                MOVED.plusSeconds(1200), "Europe/Berlin", null, "https://meet.example.org/ucp/room-3", "de-ja", 1,
                "Essen-Koriyama online matching");
    }

    static MeetingCancelled cancelled(UUID meetingId) {
        return new MeetingCancelled(meetingId, MATCHING_EVENT, MATCH, List.of(ROBOTS, HOSPITALS), MOVED,
                MOVED.plusSeconds(1200), "Europe/Berlin", null, "https://meet.example.org/ucp/room-3", "de-ja", 2,
                "Essen-Koriyama online matching", "A participant dropped out");
    }

    /** The envelope's payload is not read by the handlers (they get the payload record): an empty object will do. */
    private static EventEnvelope envelope(long aggregateVersion) {
        return new EventEnvelope(UUID.randomUUID(), "matching.Meeting", 1,
                Instant.parse("2026-06-01T09:00:00Z").plusSeconds(aggregateVersion), "Meeting",
                UUID.randomUUID().toString(), aggregateVersion, "matching-service", null,
                JsonNodeFactory.instance.objectNode());
    }
}
