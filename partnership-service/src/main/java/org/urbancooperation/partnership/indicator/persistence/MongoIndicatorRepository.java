package org.urbancooperation.partnership.indicator.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.urbancooperation.partnership.indicator.application.IndicatorRepository;
import org.urbancooperation.partnership.indicator.domain.Indicator;
import org.urbancooperation.partnership.indicator.domain.IndicatorEvent;
import org.urbancooperation.partnership.indicator.domain.IndicatorMeasure;
import org.urbancooperation.partnership.indicator.domain.IndicatorSource;
import org.urbancooperation.partnership.indicator.domain.ManualValue;
import org.urbancooperation.partnership.indicator.messaging.IndicatorIntegrationEvents;
import org.urbancooperation.support.mongo.LocalizedTexts;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.mongo.AggregateDocumentMapper;
import org.urbancooperation.support.mongo.AggregateStore;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;

/**
 * Indicators in the {@code indicators} collection, one document each with its outbox. The id is
 * {@code <partnershipId>/<code>}: a code is unique within its partnership by the primary key itself (a second
 * definition is a duplicate key, 409), and a partnership's indicators page in code order.
 */
public class MongoIndicatorRepository implements IndicatorRepository {

    static final String COLLECTION = "indicators";

    private final AggregateStore<Indicator> store;

    public MongoIndicatorRepository(AggregateStores stores) {
        this(stores.create(COLLECTION, "Indicator", new Mapper()));
    }

    MongoIndicatorRepository(AggregateStore<Indicator> store) {
        this.store = store;
        // For a partnership's list; mongo-java-server ignores non-unique indexes, MongoDB uses it.
        store.collection().createIndexes(List.of(new IndexModel(Indexes.ascending("partnershipId", "_id"))));
    }

    static String id(UUID partnershipId, String code) {
        return partnershipId + "/" + code;
    }

    @Override
    public Optional<Versioned<Indicator>> find(UUID partnershipId, String code) {
        return store.find(id(partnershipId, code));
    }

    @Override
    public Versioned<Indicator> insert(ResultWithEvents<Indicator, IndicatorEvent> defined) {
        return store.insert(defined.aggregate(), IndicatorIntegrationEvents.of(defined.events()));
    }

    @Override
    public Versioned<Indicator> update(ResultWithEvents<Indicator, IndicatorEvent> changed, long readVersion,
            ExpectedVersion expected) {
        return store.update(changed.aggregate(), readVersion, expected, IndicatorIntegrationEvents.of(changed.events()));
    }

    @Override
    public Page<Versioned<Indicator>> page(UUID partnershipId, PageRequest request) {
        return store.page(Filters.eq("partnershipId", partnershipId.toString()), request);
    }

    @Override
    public List<Indicator> all() {
        List<Indicator> all = new ArrayList<>();
        Mapper mapper = new Mapper();
        store.collection().find().projection(new Document("outbox", 0).append("outboxLease", 0))
                .forEach(d -> all.add(mapper.fromDocument(d)));
        return all;
    }

    static final class Mapper implements AggregateDocumentMapper<Indicator> {

        @Override
        public String id(Indicator i) {
            return MongoIndicatorRepository.id(i.partnershipId(), i.code());
        }

        @Override
        public Document toDocument(Indicator i) {
            // Numbers as decimal strings: exact, whatever their scale (a BSON double is not).
            return new Document("partnershipId", i.partnershipId().toString())
                    .append("code", i.code())
                    .append("name", LocalizedTexts.document(i.name()))
                    .append("unit", i.unit())
                    .append("source", i.source().name())
                    .append("measure", i.measure() == null ? null : i.measure().name())
                    .append("baseline", i.baseline().toPlainString())
                    .append("target", i.target().toPlainString())
                    .append("targetDate", i.targetDate().toString())
                    .append("manualValues", i.manualValues().stream().map(v -> new Document("value",
                            v.value().toPlainString())
                            .append("measuredOn", v.measuredOn().toString())
                            .append("source", v.source())
                            .append("enteredBy", v.enteredBy())
                            .append("enteredAt", java.util.Date.from(v.enteredAt()))).toList());
        }

        @Override
        public Indicator fromDocument(Document d) {
            String measure = d.getString("measure");
            return new Indicator(UUID.fromString(d.getString("partnershipId")), d.getString("code"),
                    LocalizedTexts.text(d.get("name", Document.class)), d.getString("unit"), IndicatorSource.valueOf(d.getString("source")),
                    measure == null ? null : IndicatorMeasure.valueOf(measure),
                    new BigDecimal(d.getString("baseline")), new BigDecimal(d.getString("target")),
                    LocalDate.parse(d.getString("targetDate")),
                    d.getList("manualValues", Document.class, List.of()).stream().map(v -> new ManualValue(
                            new BigDecimal(v.getString("value")), LocalDate.parse(v.getString("measuredOn")),
                            v.getString("source"), v.getString("enteredBy"), v.getDate("enteredAt").toInstant()))
                            .toList());
        }
    }
}
