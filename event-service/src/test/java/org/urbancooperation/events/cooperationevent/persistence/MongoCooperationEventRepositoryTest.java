package org.urbancooperation.events.cooperationevent.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.events.cooperationevent.application.CooperationEventRepository;
import org.urbancooperation.events.cooperationevent.application.CooperationEventRepository.StatusAndKind;
import org.urbancooperation.events.cooperationevent.domain.CooperationEvent;
import org.urbancooperation.events.cooperationevent.domain.EventKind;
import org.urbancooperation.events.cooperationevent.domain.EventStatus;
import org.urbancooperation.events.cooperationevent.domain.EventTimes;
import org.urbancooperation.events.cooperationevent.domain.Material;
import org.urbancooperation.events.cooperationevent.domain.Session;
import org.urbancooperation.events.cooperationevent.domain.SessionKind;
import org.urbancooperation.events.cooperationevent.domain.TimePrecision;
import org.urbancooperation.events.cooperationevent.domain.TimeWindow;
import org.urbancooperation.events.cooperationevent.domain.Venue;
import org.urbancooperation.events.cooperationevent.metrics.CooperationEventGauges;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.domain.LocalizedText;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.outbox.OutboxEntries;
import org.urbancooperation.support.outbox.OutboxProperties;
import org.urbancooperation.support.outbox.OutboxRelay;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.testing.InMemoryMongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Cooperation events on mongo-java-server: what is stored, what documents from before this round read back as. */
class MongoCooperationEventRepositoryTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final MongoDatabase database = InMemoryMongo.freshDatabase();
    // The relay is never started: events stay in the outboxes.
    private final MongoCooperationEventRepository events = new MongoCooperationEventRepository(new AggregateStores(
            database, new OutboxEntries(new IntegrationEventMapper(), "event-service", Clock.systemUTC()),
            new OutboxRelay(null, new OutboxProperties(null, null, 0, null, false, null), Clock.systemUTC(),
                    new SimpleMeterRegistry())));

    @Test
    void daysMaterialsAndTextsAreStoredAndReadBackUnchanged() {
        CooperationEvent reif = reif();
        events.insert(CooperationEvent.draft(reif.id(), reif.details()));

        Document stored = database.getCollection("cooperation_events").find().first();
        assertThat(stored.getString("timePrecision")).isEqualTo("DAY");
        assertThat(stored.getList("cityKeys", String.class)).as("for the city filter").containsExactly("koriyama");
        assertThat(stored.get("descriptions", Document.class).keySet()).as("English first").containsExactly("en", "ja");
        CooperationEvent read = events.find(reif.id()).orElseThrow().aggregate();
        assertThat(read).isEqualTo(reif);
        assertThat(read.materials()).singleElement().extracting(Material::sizeBytes).isEqualTo(919_210L);
    }

    @Test
    void documentsStoredBeforeThisRoundReadAsTimedEventsWithoutMaterialsOrTexts() {
        CooperationEvent reif = reif();
        events.insert(CooperationEvent.draft(reif.id(), reif.details()));
        CooperationEvent timed = events.find(reif.id()).orElseThrow().aggregate().reschedule(EventTimes.period(
                "2020-10-28T10:00", "2020-10-29T17:00", TOKYO, null)).aggregate().changeAgenda(List.of(new Session(
                        UUID.randomUUID(), SessionKind.BREAK, null, null, Instant.parse("2020-10-28T03:00:00Z"),
                        Instant.parse("2020-10-28T04:00:00Z"), null, null, null, null, null, null, null)))
                .aggregate();
        events.update(new org.urbancooperation.support.domain.ResultWithEvents<>(timed, List.of()), 1,
                org.urbancooperation.support.application.ExpectedVersion.any());
        // As the first round wrote them: no precision, no materials, {} for "no text".
        database.getCollection("cooperation_events").updateOne(Filters.eq("_id", reif.id().toString()),
                Updates.combine(Updates.unset("timePrecision"), Updates.unset("materials"), Updates.unset("cityKeys"),
                        Updates.set("descriptions", new Document()), Updates.set("agenda.0.titles", new Document()),
                        Updates.set("agenda.0.descriptions", new Document())));

        CooperationEvent read = events.find(reif.id()).orElseThrow().aggregate();
        assertThat(read.timePrecision()).isEqualTo(TimePrecision.TIME);
        assertThat(read.materials()).isEmpty();
        assertThat(read.descriptions()).isNull();
        assertThat(read.agenda().get(0).titles()).isNull();
    }

    @Test
    void theCityFilterIgnoresLetterCaseAndTheWindowMatchesByOverlap() {
        CooperationEvent reif = reif();
        events.insert(CooperationEvent.draft(reif.id(), reif.details()));
        assertThat(list("KORIYAMA", null)).containsExactly(reif.id());
        assertThat(list("Essen", null)).isEmpty();
        assertThat(list(null, TimeWindow.parse("2020-10-29", "2020-10-29", TOKYO))).containsExactly(reif.id());
        assertThat(list(null, TimeWindow.parse("2020-10-30", null, TOKYO))).isEmpty();
        assertThat(list(null, TimeWindow.parse(null, "2020-10-27", TOKYO))).isEmpty();
    }

    private List<UUID> list(String city, TimeWindow window) {
        return events.list(new CooperationEventRepository.Filter(null, null, null, null, city, null, null, window,
                new CooperationEventRepository.Drafts(true, null)), PageRequest.of(null, 50)).items().stream()
                .map(v -> v.aggregate().id()).toList();
    }

    @Test
    void eventsAreCountedByStatusAndKindAndTheGaugesReadThoseCounts() {
        CooperationEvent draft = reif();
        events.insert(CooperationEvent.draft(draft.id(), draft.details()));
        CooperationEvent published = reif();
        events.insert(CooperationEvent.draft(published.id(), published.details()));
        events.update(published.publish(Instant.parse("2020-10-01T00:00:00Z")), 1, ExpectedVersion.any());
        CooperationEvent cancelled = reif();
        events.insert(CooperationEvent.draft(cancelled.id(), cancelled.details()));
        events.update(cancelled.publish(Instant.parse("2020-10-01T00:00:00Z")), 1, ExpectedVersion.any());
        events.update(events.find(cancelled.id()).orElseThrow().aggregate().cancel("Pandemic"), 2,
                ExpectedVersion.any());

        assertThat(events.countByStatusAndKind()).containsOnly(
                Map.entry(new StatusAndKind(EventStatus.DRAFT, EventKind.TRADE_FAIR), 1L),
                Map.entry(new StatusAndKind(EventStatus.PUBLISHED, EventKind.TRADE_FAIR), 1L),
                Map.entry(new StatusAndKind(EventStatus.CANCELLED, EventKind.TRADE_FAIR), 1L));

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (CooperationEventGauges gauges = new CooperationEventGauges(events, meters, Duration.ofHours(1))) {
            gauges.refresh();
            assertThat(gauge(meters, "PUBLISHED", "TRADE_FAIR")).isEqualTo(1);
            assertThat(gauge(meters, "CANCELLED", "TRADE_FAIR")).isEqualTo(1);
            assertThat(gauge(meters, "PUBLISHED", "SEMINAR")).as("a pair without events reads 0").isZero();

            events.update(events.find(published.id()).orElseThrow().aggregate().cancel("Pandemic"), 2,
                    ExpectedVersion.any());
            gauges.refresh();
            assertThat(gauge(meters, "PUBLISHED", "TRADE_FAIR")).as("its last event moved on").isZero();
            assertThat(gauge(meters, "CANCELLED", "TRADE_FAIR")).isEqualTo(2);
            assertThat(gauge(meters, "DRAFT", "TRADE_FAIR")).isEqualTo(1);
        }
    }

    private static double gauge(SimpleMeterRegistry meters, String status, String kind) {
        return meters.get("ucp_cooperation_events").tag("status", status).tag("kind", kind).gauge().value();
    }

    private static CooperationEvent reif() {
        EventTimes.Period days = EventTimes.period("2020-10-28", "2020-10-29", TOKYO, null);
        return CooperationEvent.draft(UUID.randomUUID(), new CooperationEvent.Details(EventKind.TRADE_FAIR, null,
                "REIF Fukushima 2020", new LocalizedText(Map.of("en", "Participate in 'REIF Fukushima' in Koriyama", "ja", "郡山市")),
                new Venue("Koriyama", null, "Koriyama"), null, List.of("city-of-koriyama"), List.of(),
                null, List.of("koriyama"), TOKYO, List.of(ZoneId.of("Europe/Berlin")), days.startsAt(), days.endsAt(),
                days.precision(), List.of(), List.of(), null, List.of(new Material("Programme (PDF)",
                        "https://example.org/reif-2020.pdf", "ja", "application/pdf", 919_210L)))).aggregate();
    }
}
