package org.urbancooperation.partnership.programme.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.urbancooperation.partnership.programme.application.ProgrammeRepository;
import org.urbancooperation.partnership.programme.domain.Network;
import org.urbancooperation.partnership.programme.domain.Programme;
import org.urbancooperation.partnership.programme.domain.ProgrammeEvent;
import org.urbancooperation.partnership.programme.messaging.ProgrammeIntegrationEvents;
import org.urbancooperation.support.mongo.LocalizedTexts;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.mongo.AggregateDocumentMapper;
import org.urbancooperation.support.mongo.AggregateStore;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

/**
 * Programmes in the {@code programmes} collection, {@code _id} = the programme's slug (e.g. {@code iurc}), one
 * document each with its outbox. The partnership feature reads {@code networks.id} of these documents by
 * {@code _id} (its own adapter), so those field names are part of this collection's shape.
 */
public class MongoProgrammeRepository implements ProgrammeRepository {

    public static final String COLLECTION = "programmes";

    private final AggregateStore<Programme> store;

    public MongoProgrammeRepository(AggregateStores stores) {
        this.store = stores.create(COLLECTION, "Programme", new Mapper());
    }

    @Override
    public Optional<Versioned<Programme>> find(String id) {
        return store.find(id);
    }

    @Override
    public Versioned<Programme> insert(ResultWithEvents<Programme, ProgrammeEvent> created) {
        return store.insert(created.aggregate(), ProgrammeIntegrationEvents.of(created.events()));
    }

    @Override
    public Versioned<Programme> update(ResultWithEvents<Programme, ProgrammeEvent> changed, long readVersion,
            ExpectedVersion expected) {
        return store.update(changed.aggregate(), readVersion, expected, ProgrammeIntegrationEvents.of(changed.events()));
    }

    @Override
    public Page<Versioned<Programme>> page(PageRequest request) {
        return store.page(new Document(), request);
    }

    static final class Mapper implements AggregateDocumentMapper<Programme> {

        @Override
        public String id(Programme p) {
            return p.id();
        }

        @Override
        public Document toDocument(Programme p) {
            return new Document("names", LocalizedTexts.document(p.names()))
                    .append("funder", p.funder())
                    .append("regions", p.regions())
                    .append("from", p.from() == null ? null : p.from().toString())
                    .append("to", p.to() == null ? null : p.to().toString())
                    .append("continues", p.continues())
                    .append("networks", p.networks().stream().map(n -> new Document("id", n.id())
                            .append("names", LocalizedTexts.document(n.names()))).toList());
        }

        @Override
        public Programme fromDocument(Document d) {
            return new Programme(d.getString("_id"), LocalizedTexts.text(d.get("names", Document.class)), d.getString("funder"),
                    d.getList("regions", String.class, List.of()), date(d.getString("from")), date(d.getString("to")),
                    d.getString("continues"),
                    d.getList("networks", Document.class, List.of()).stream()
                            .map(n -> new Network(n.getString("id"), LocalizedTexts.text(n.get("names", Document.class)))).toList());
        }

        private static LocalDate date(String value) {
            return value == null ? null : LocalDate.parse(value);
        }
    }
}
