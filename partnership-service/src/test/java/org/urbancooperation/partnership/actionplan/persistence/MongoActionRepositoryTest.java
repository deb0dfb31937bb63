package org.urbancooperation.partnership.actionplan.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.partnership.actionplan.domain.Action;
import org.urbancooperation.partnership.actionplan.domain.ActionFormat;
import org.urbancooperation.partnership.actionplan.domain.ActionStatus;
import org.urbancooperation.partnership.actionplan.domain.Actor;
import org.urbancooperation.partnership.actionplan.domain.FocalPoint;
import org.urbancooperation.support.application.ConcurrentModificationConflict;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.outbox.OutboxEntries;
import org.urbancooperation.support.outbox.OutboxProperties;
import org.urbancooperation.support.outbox.OutboxRelay;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.testing.InMemoryMongo;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Actions and focal points on mongo-java-server: round trip with history, outbox, lists, counts. */
class MongoActionRepositoryTest {

    static final Actor ESSEN = new Actor("essen", "city-of-essen");
    static final Instant AT = Instant.parse("2020-10-13T07:00:00Z");

    MongoDatabase database;
    MongoActionRepository actions;
    MongoFocalPointRepository focalPoints;
    UUID partnership = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        database = InMemoryMongo.freshDatabase();
        // The relay is never started: these tests look at the outbox in the documents.
        OutboxRelay relay = new OutboxRelay(null, new OutboxProperties(Duration.ofSeconds(5), Duration.ofSeconds(60),
                200, Duration.ofSeconds(1), false, null), Clock.systemUTC(), new SimpleMeterRegistry());
        AggregateStores stores = new AggregateStores(database,
                new OutboxEntries(new IntegrationEventMapper(), "partnership-service", Clock.systemUTC()), relay);
        actions = new MongoActionRepository(stores);
        focalPoints = new MongoFocalPointRepository(stores);
    }

    Action.Plan plan(String title, String from, String to) {
        return new Action.Plan(UUID.randomUUID(), Map.of("en", title, "ja", "交流"), "education", "innovation-and-jobs",
                null, List.of("fukushima-prefectural-asaka-high-school", "gymnasium-an-der-wolfskuhle"), from, to,
                ActionFormat.IN_PERSON);
    }

    @Test
    void anActionRoundTripsWithItsHistoryAndWritesItsEventsToTheOutbox() {
        Versioned<Action> stored = actions.insert(Action.plan(UUID.randomUUID(), partnership,
                plan("Student exchange programme", "2020-04", "2021-03"), ESSEN, AT));
        Action a = stored.aggregate();
        Versioned<Action> moved = actions.update(a.changeFormat(ActionFormat.ONLINE, "Online exchange in FY2020",
                ESSEN, AT), stored.version(), ExpectedVersion.of(1));
        Versioned<Action> postponed = actions.update(moved.aggregate().moveTo(ActionStatus.POSTPONED,
                "In-person exchanges hopefully in FY2021", "2021-04", null, ESSEN, AT), moved.version(),
                ExpectedVersion.any());

        Versioned<Action> read = actions.find(a.id()).orElseThrow();
        assertThat(read.version()).isEqualTo(3);
        assertThat(read.aggregate()).isEqualTo(postponed.aggregate());
        assertThat(read.aggregate().window().to()).isNull();
        assertThat(read.aggregate().history()).hasSize(3);
        assertThat(read.aggregate().title().values()).containsEntry("ja", "交流");
        List<?> outbox = database.getCollection("actions").find().first().getList("outbox", Object.class);
        assertThat(outbox).hasSize(3);
        assertThat(database.getCollection("actions").find().first().getString("plannedTo")).isNull();
        assertThat(database.getCollection("actions").find().first().getString("plannedUntil")).isEqualTo("2021-04-30");

        assertThatThrownBy(() -> actions.update(read.aggregate().moveTo(ActionStatus.CANCELLED, "x", null, null,
                ESSEN, AT), 2, ExpectedVersion.of(2))).isInstanceOf(ConcurrentModificationConflict.class);
    }

    @Test
    void countsByStatusAndOverdueFromTheDatabase() {
        Action planned2020 = actions.insert(Action.plan(UUID.randomUUID(), partnership, plan("A", "2020-06", "2020-08"),
                ESSEN, AT)).aggregate();
        Versioned<Action> underway = actions.insert(Action.plan(UUID.randomUUID(), partnership,
                plan("B", "2020-10-28", null), ESSEN, AT));
        actions.update(underway.aggregate().moveTo(ActionStatus.UNDERWAY, null, null, null, ESSEN, AT), 1,
                ExpectedVersion.any());
        actions.insert(Action.plan(UUID.randomUUID(), partnership, plan("C", null, null), ESSEN, AT));
        actions.insert(Action.plan(UUID.randomUUID(), partnership, plan("D", "2030-01", null), ESSEN, AT));

        Map<ActionStatus, Long> counts = actions.countByStatus();
        assertThat(counts).containsEntry(ActionStatus.PLANNED, 3L).containsEntry(ActionStatus.UNDERWAY, 1L)
                .containsEntry(ActionStatus.COMPLETED, 0L);
        assertThat(actions.countOverdue(LocalDate.of(2020, 10, 28))).isEqualTo(1);
        assertThat(actions.countOverdue(LocalDate.of(2020, 10, 29))).isEqualTo(2);
        assertThat(actions.countOverdue(LocalDate.of(2020, 8, 31))).isZero();
        assertThat(planned2020.isOverdue(LocalDate.of(2020, 9, 1))).isTrue();
    }

    @Test
    void pagesThroughAPartnershipsActionsWithoutSkipOrRepeat() {
        for (int i = 0; i < 7; i++) {
            actions.insert(Action.plan(UUID.randomUUID(), partnership, plan("Action " + i, "2021-0" + (i + 1), null),
                    ESSEN, AT));
        }
        actions.insert(Action.plan(UUID.randomUUID(), UUID.randomUUID(), plan("Another partnership's", null, null),
                ESSEN, AT));
        Set<UUID> seen = new HashSet<>();
        PageRequest request = PageRequest.first(3);
        int pages = 0;
        while (true) {
            Page<Versioned<Action>> page = actions.page(partnership, null, null, request);
            page.items().forEach(v -> assertThat(seen.add(v.aggregate().id())).isTrue());
            pages++;
            if (page.next() == null) {
                break;
            }
            request = PageRequest.of(page.next(), 3);
        }
        assertThat(seen).hasSize(7);
        assertThat(pages).isEqualTo(3);
        assertThat(actions.page(partnership, ActionStatus.UNDERWAY, null, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void focalPointsAreListedByNumberAndANumberIsTakenOnce() {
        focalPoints.insert(FocalPoint.define(UUID.randomUUID(), partnership, 2,
                Map.of("en", "Organizing joint seminars & business matching events"), null));
        Versioned<FocalPoint> one = focalPoints.insert(FocalPoint.define(UUID.randomUUID(), partnership, 1,
                Map.of("en", "Continued knowledge transfer & study tours"), "Study tours"));
        assertThat(focalPoints.ofPartnership(partnership)).extracting(v -> v.aggregate().number()).containsExactly(1, 2);
        assertThatThrownBy(() -> focalPoints.update(one.aggregate().change(2, null, null), 1, ExpectedVersion.any()))
                .isInstanceOf(ConcurrentModificationConflict.class);
        assertThatThrownBy(() -> focalPoints.insert(FocalPoint.define(UUID.randomUUID(), partnership, 1,
                Map.of("en", "Twice"), null))).isInstanceOf(ConcurrentModificationConflict.class);
        assertThat(focalPoints.find(one.aggregate().id()).orElseThrow().aggregate().description()).isEqualTo("Study tours");
    }
}
