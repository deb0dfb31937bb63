package org.urbancooperation.partnership.city.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.partnership.city.domain.City;
import org.urbancooperation.partnership.city.domain.CityChanges;
import org.urbancooperation.partnership.city.domain.ClimateCommitment;
import org.urbancooperation.partnership.city.domain.ClimateCommitmentKind;
import org.urbancooperation.support.domain.Patched;
import org.urbancooperation.support.application.ConcurrentModificationConflict;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.outbox.OutboxEntries;
import org.urbancooperation.support.outbox.OutboxProperties;
import org.urbancooperation.support.outbox.OutboxRelay;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.testing.InMemoryMongo;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Cities on mongo-java-server: the document, its outbox, optimistic locking, filters and keyset pages. */
class MongoCityRepositoryTest {

    private MongoDatabase database;
    private MongoCityRepository cities;

    static AggregateStores stores(MongoDatabase database) {
        // The relay is never started: events stay in the outboxes, where these tests read them.
        return new AggregateStores(database, new OutboxEntries(new IntegrationEventMapper(), "partnership-service",
                Clock.systemUTC()), new OutboxRelay(null, new OutboxProperties(null, null, 0, null, false, null),
                Clock.systemUTC(), new SimpleMeterRegistry()));
    }

    @BeforeEach
    void setUp() {
        database = InMemoryMongo.freshDatabase();
        cities = new MongoCityRepository(stores(database));
    }

    @Test
    void aCityIsOneDocumentUnderItsSlugWithItsEventInTheOutbox() {
        cities.insert(City.register("koriyama", Map.of("en", "Koriyama", "ja", "郡山市"), "JP", "Fukushima Prefecture",
                "Asia/Tokyo", List.of(new ClimateCommitment.Input(ClimateCommitmentKind.NET_ZERO_TARGET, 2021, 2050,
                        Map.of("ja", "ゼロカーボンシティ")))));

        Document stored = database.getCollection("cities").find().first();
        assertThat(stored.getString("_id")).isEqualTo("koriyama");
        assertThat(stored.get("names", Document.class).getString("ja")).isEqualTo("郡山市");
        assertThat(stored.getList("outbox", Document.class)).singleElement()
                .satisfies(e -> {
                    assertThat(e.getString("type")).isEqualTo("partnership.CityRegistered");
                    assertThat(e.getString("topic")).isEqualTo("partnership.city");
                    assertThat(e.getString("key")).isEqualTo("koriyama");
                });

        Versioned<City> read = cities.find("koriyama").orElseThrow();
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.aggregate().names().values()).containsExactly(Map.entry("en", "Koriyama"),
                Map.entry("ja", "郡山市"));
        assertThat(read.aggregate().climateCommitments().get(0).description().in("ja")).contains("ゼロカーボンシティ");
        assertThat(read.aggregate()).isEqualTo(cities.find("koriyama").orElseThrow().aggregate());
    }

    @Test
    void aTakenIdIsAConflict() {
        cities.insert(City.register("essen", Map.of("en", "Essen"), "DE", null, "Europe/Berlin", null));

        assertThatThrownBy(() -> cities.insert(City.register("essen", Map.of("en", "Essen"), "DE", null,
                "Europe/Berlin", null))).isInstanceOf(ConcurrentModificationConflict.class);
    }

    @Test
    void aChangeIsWrittenOnlyOverTheVersionItWasMadeFrom() {
        Versioned<City> essen = cities.insert(City.register("essen", Map.of("en", "Essen"), "DE", null,
                "Europe/Berlin", null));
        CityChanges region = new CityChanges(Patched.keep(), Patched.keep(), Patched.to("North Rhine-Westphalia"),
                Patched.keep(), Patched.keep());

        Versioned<City> changed = cities.update(essen.aggregate().change(region), 1, ExpectedVersion.of(1));
        assertThat(changed.version()).isEqualTo(2);
        assertThat(cities.find("essen").orElseThrow().aggregate().region()).isEqualTo("North Rhine-Westphalia");

        assertThatThrownBy(() -> cities.update(essen.aggregate().change(region), 1, ExpectedVersion.of(1)))
                .isInstanceOfSatisfying(ConcurrentModificationConflict.class,
                        e -> assertThat(e.preconditionGiven()).isTrue());
        assertThat(database.getCollection("cities").find().first().getList("outbox", Document.class))
                .extracting(e -> e.getString("type"))
                .containsExactly("partnership.CityRegistered", "partnership.CityChanged");
    }

    @Test
    void listsFilterByCountryAndCommitmentInIdOrderAPageAtATime() {
        cities.insert(City.register("koriyama", Map.of("en", "Koriyama"), "JP", null, "Asia/Tokyo",
                List.of(new ClimateCommitment.Input(ClimateCommitmentKind.NET_ZERO_TARGET, 2021, 2050, null))));
        cities.insert(City.register("essen", Map.of("en", "Essen"), "DE", null, "Europe/Berlin", null));
        cities.insert(City.register("kyoto", Map.of("en", "Kyoto"), "JP", null, "Asia/Tokyo", null));
        cities.insert(City.register("yokohama", Map.of("en", "Yokohama"), "JP", null, "Asia/Tokyo", null));

        assertThat(ids(cities.page("JP", null, PageRequest.first(50)))).containsExactly("koriyama", "kyoto",
                "yokohama");
        assertThat(ids(cities.page(null, ClimateCommitmentKind.NET_ZERO_TARGET, PageRequest.first(50))))
                .containsExactly("koriyama");
        assertThat(ids(cities.page("DE", ClimateCommitmentKind.NET_ZERO_TARGET, PageRequest.first(50)))).isEmpty();

        List<String> seen = new ArrayList<>();
        Page<Versioned<City>> page = cities.page(null, null, PageRequest.first(3));
        seen.addAll(ids(page));
        assertThat(page.next()).isNotNull();
        page = cities.page(null, null, PageRequest.of(page.next(), 3));
        seen.addAll(ids(page));
        assertThat(page.next()).isNull();
        assertThat(seen).containsExactly("essen", "koriyama", "kyoto", "yokohama");
    }

    private static List<String> ids(Page<Versioned<City>> page) {
        return page.items().stream().map(v -> v.aggregate().id()).toList();
    }
}
