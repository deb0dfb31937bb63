package org.urbancooperation.partnership.indicator.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.partnership.indicator.domain.Indicator;
import org.urbancooperation.support.application.ConcurrentModificationConflict;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.mongo.AggregateStore;
import org.urbancooperation.support.outbox.OutboxEntries;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.testing.InMemoryMongo;

import com.mongodb.client.MongoCollection;

/** Indicators on mongo-java-server: one document each, code unique per partnership, pages in code order. */
class MongoIndicatorRepositoryTest {

    private final UUID essenKoriyama = UUID.randomUUID();
    private MongoCollection<Document> collection;
    private MongoIndicatorRepository repository;

    @BeforeEach
    void setUp() {
        collection = InMemoryMongo.freshDatabase().getCollection(MongoIndicatorRepository.COLLECTION);
        repository = new MongoIndicatorRepository(new AggregateStore<>(collection, "Indicator",
                new MongoIndicatorRepository.Mapper(),
                new OutboxEntries(new IntegrationEventMapper(), "partnership-service", Clock.systemUTC()),
                (c, id, n) -> { }));
    }

    private Versioned<Indicator> define(UUID partnershipId, String code, String source, String measure) {
        return repository.insert(Indicator.define(partnershipId, code,
                Map.of("en", "Joint seminars held", "ja", "共同セミナー", "de", "Gemeinsame Seminare"), "events", source,
                measure, BigDecimal.ZERO, new BigDecimal("4.5"), LocalDate.of(2021, 12, 31)));
    }

    @Test
    void anIndicatorIsStoredWithItsTargetSetEventAndReadBackUnchanged() {
        Versioned<Indicator> stored = define(essenKoriyama, "IURC-EV-1", "MANUAL", null);
        Indicator withValue = stored.aggregate().enterValue(new BigDecimal("1.25"), LocalDate.of(2020, 12, 31),
                "Annual report 2020", "city-of-essen", Instant.parse("2021-01-10T09:00:00Z")).aggregate();
        repository.update(new org.urbancooperation.support.domain.ResultWithEvents<>(withValue, List.of()), 1,
                ExpectedVersion.of(1));

        Versioned<Indicator> read = repository.find(essenKoriyama, "IURC-EV-1").orElseThrow();

        assertThat(read.version()).isEqualTo(2);
        assertThat(read.aggregate()).isEqualTo(withValue);
        assertThat(read.aggregate().name().values().keySet()).containsExactly("en", "de", "ja");
        Document document = collection.find().first();
        assertThat(document.getString("_id")).isEqualTo(essenKoriyama + "/IURC-EV-1");
        List<Document> outbox = document.getList("outbox", Document.class);
        assertThat(outbox).singleElement().satisfies(e -> assertThat(e.toJson()).contains("partnership.IndicatorTargetSet"));
        assertThat(repository.find(essenKoriyama, "IURC-EV-2")).isEmpty();
        assertThat(repository.find(UUID.randomUUID(), "IURC-EV-1")).isEmpty();
    }

    @Test
    void aCodeIsUniqueWithinItsPartnershipOnly() {
        define(essenKoriyama, "IURC-EV-1", "AUTOMATIC", "COOPERATION_EVENTS_HELD");

        assertThatThrownBy(() -> define(essenKoriyama, "IURC-EV-1", "MANUAL", null))
                .isInstanceOf(ConcurrentModificationConflict.class);
        assertThat(define(UUID.randomUUID(), "IURC-EV-1", "MANUAL", null).version()).isEqualTo(1);
        assertThat(repository.all()).hasSize(2);
    }

    @Test
    void aStaleUpdateIsAConflict() {
        Versioned<Indicator> stored = define(essenKoriyama, "IURC-EV-1", "MANUAL", null);
        repository.update(stored.aggregate().setTarget(BigDecimal.ZERO, BigDecimal.TEN, LocalDate.of(2022, 1, 1)), 1,
                ExpectedVersion.any());

        assertThatThrownBy(() -> repository.update(stored.aggregate().setTarget(BigDecimal.ZERO, BigDecimal.ONE,
                LocalDate.of(2022, 1, 1)), 1, ExpectedVersion.of(1)))
                .isInstanceOf(ConcurrentModificationConflict.class);
        assertThat(repository.find(essenKoriyama, "IURC-EV-1").orElseThrow().aggregate().target())
                .isEqualByComparingTo("10");
    }

    @Test
    void aPartnershipsIndicatorsPageInCodeOrderWithoutTheOthers() {
        for (String code : List.of("C-3", "A-1", "B-2", "D-4", "E-5")) {
            define(essenKoriyama, code, "MANUAL", null);
        }
        define(UUID.randomUUID(), "A-0", "MANUAL", null);

        List<String> codes = new ArrayList<>();
        Page<Versioned<Indicator>> page = repository.page(essenKoriyama, PageRequest.first(2));
        page.items().forEach(v -> codes.add(v.aggregate().code()));
        while (page.next() != null) {
            page = repository.page(essenKoriyama, PageRequest.of(page.next(), 2));
            page.items().forEach(v -> codes.add(v.aggregate().code()));
        }

        assertThat(codes).containsExactly("A-1", "B-2", "C-3", "D-4", "E-5");
    }
}
