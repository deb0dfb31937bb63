package org.urbancooperation.partnership.partnership.persistence;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.urbancooperation.partnership.partnership.application.PartnershipFilter;
import org.urbancooperation.partnership.partnership.application.PartnershipRepository;
import org.urbancooperation.partnership.partnership.domain.Agreement;
import org.urbancooperation.partnership.partnership.domain.AgreementDocument;
import org.urbancooperation.partnership.partnership.domain.AgreementKind;
import org.urbancooperation.partnership.partnership.domain.FocalPointContact;
import org.urbancooperation.partnership.partnership.domain.Member;
import org.urbancooperation.partnership.partnership.domain.PartnerCity;
import org.urbancooperation.partnership.partnership.domain.Partnership;
import org.urbancooperation.partnership.partnership.domain.PartnershipEvent;
import org.urbancooperation.partnership.partnership.domain.PartnershipKind;
import org.urbancooperation.partnership.partnership.domain.PartnershipStatus;
import org.urbancooperation.partnership.partnership.domain.Signatory;
import org.urbancooperation.partnership.partnership.messaging.PartnershipIntegrationEvents;
import org.urbancooperation.support.mongo.LocalizedTexts;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.mongo.AggregateDocumentMapper;
import org.urbancooperation.support.mongo.AggregateStore;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;

/**
 * Partnerships in the {@code partnerships} collection, one document each with its outbox. Documents written before
 * issue 11 lack {@code names}, {@code status}, {@code members} and the rest: they read as ACTIVE, with their
 * {@code partnerOrganisations} as members without city or themes. {@code partnerOrganisations} is written with
 * every document (the flat list of members) for the filters and for other features that read it.
 */
public class MongoPartnershipRepository implements PartnershipRepository {

    private final AggregateStore<Partnership> store;

    public MongoPartnershipRepository(AggregateStores stores) {
        this(stores.create("partnerships", "Partnership", new Mapper()));
    }

    MongoPartnershipRepository(AggregateStore<Partnership> store) {
        this.store = store;
        // For the list's filters; mongo-java-server ignores non-unique indexes, MongoDB uses them.
        store.collection().createIndexes(List.of(new IndexModel(Indexes.ascending("name")),
                new IndexModel(Indexes.ascending("status")), new IndexModel(Indexes.ascending("programmeId")),
                new IndexModel(Indexes.ascending("partnerOrganisations"))));
    }

    @Override
    public Optional<Versioned<Partnership>> find(UUID id) {
        return store.find(id.toString());
    }

    @Override
    public Versioned<Partnership> insert(ResultWithEvents<Partnership, PartnershipEvent> created) {
        return store.insert(created.aggregate(), PartnershipIntegrationEvents.of(created.events()));
    }

    @Override
    public Versioned<Partnership> update(ResultWithEvents<Partnership, PartnershipEvent> changed, long readVersion,
            ExpectedVersion expected) {
        return store.update(changed.aggregate(), readVersion, expected, PartnershipIntegrationEvents.of(changed.events()));
    }

    @Override
    public Page<Versioned<Partnership>> page(PartnershipFilter filter, PageRequest request) {
        return store.page(where(filter), request);
    }

    @Override
    public Map<PartnershipStatus, Long> countByStatus() {
        Map<PartnershipStatus, Long> counts = new EnumMap<>(PartnershipStatus.class);
        for (PartnershipStatus status : PartnershipStatus.values()) {
            counts.put(status, 0L);
        }
        store.collection().aggregate(List.of(Aggregates.group("$status", Accumulators.sum("count", 1))))
                .forEach(d -> {
                    Object status = d.get("_id");
                    // Stored before statuses existed: ACTIVE.
                    PartnershipStatus key = status == null ? PartnershipStatus.ACTIVE
                            : PartnershipStatus.valueOf(status.toString());
                    counts.merge(key, ((Number) d.get("count")).longValue(), Long::sum);
                });
        return counts;
    }

    static Bson where(PartnershipFilter f) {
        List<Bson> all = new ArrayList<>();
        if (f.name() != null) {
            all.add(Filters.eq("name", f.name()));
        }
        if (f.programme() != null) {
            all.add(Filters.eq("programmeId", f.programme()));
        }
        if (f.theme() != null) {
            all.add(Filters.eq("themes", f.theme()));
        }
        if (f.network() != null) {
            all.add(Filters.eq("networks", f.network()));
        }
        if (f.country() != null) {
            all.add(Filters.eq("cities.countryCode", f.country()));
        }
        if (f.city() != null) {
            all.add(Filters.eq("cities.cityId", f.city()));
        }
        if (f.status() != null) {
            // Documents stored before statuses existed are ACTIVE.
            all.add(f.status() == PartnershipStatus.ACTIVE ? Filters.in("status", "ACTIVE", null)
                    : Filters.eq("status", f.status().name()));
        }
        if (f.organisation() != null) {
            all.add(Filters.eq("partnerOrganisations", f.organisation()));
        }
        return AggregateStore.allOf(all);
    }

    static final class Mapper implements AggregateDocumentMapper<Partnership> {

        @Override
        public String id(Partnership p) {
            return p.id().toString();
        }

        @Override
        public Document toDocument(Partnership p) {
            return new Document("name", p.name())
                    .append("names", LocalizedTexts.document(p.names()))
                    .append("description", LocalizedTexts.document(p.description()))
                    .append("kind", p.kind() == null ? null : p.kind().name())
                    .append("status", p.status().name())
                    .append("programmeId", p.programmeId())
                    .append("networks", p.networks())
                    .append("cities", p.cities().stream().map(c -> new Document("cityId", c.cityId())
                            .append("name", c.name())
                            .append("countryCode", c.countryCode())
                            .append("timeZone", c.timeZone().getId())).toList())
                    .append("themes", p.themes())
                    .append("establishedOn", p.establishedOn().toString())
                    .append("agreements", p.agreements().stream().map(Mapper::agreement).toList())
                    .append("members", p.members().stream().map(m -> new Document("organisationId", m.organisationId())
                            .append("cityId", m.cityId())
                            .append("themes", m.themes())).toList())
                    .append("partnerOrganisations", p.partnerOrganisations())
                    .append("focalPointContacts", p.focalPointContacts().stream().map(c -> new Document("name", c.name())
                            .append("role", c.role())
                            .append("organisationId", c.organisationId())
                            .append("email", c.email())).toList());
        }

        @Override
        public Partnership fromDocument(Document d) {
            List<String> flat = d.getList("partnerOrganisations", String.class, List.of());
            List<Member> members = d.containsKey("members")
                    ? d.getList("members", Document.class).stream().map(m -> new Member(m.getString("organisationId"),
                            m.getString("cityId"), m.getList("themes", String.class, List.of()))).toList()
                    : flat.stream().map(o -> new Member(o, null, List.of())).toList();
            return new Partnership(UUID.fromString(d.getString("_id")), d.getString("name"),
                    LocalizedTexts.text(d.get("names", Document.class)),
                    LocalizedTexts.text(d.get("description", Document.class)),
                    d.getString("kind") == null ? null : PartnershipKind.valueOf(d.getString("kind")),
                    d.getString("status") == null ? PartnershipStatus.ACTIVE
                            : PartnershipStatus.valueOf(d.getString("status")),
                    d.getString("programmeId"), d.getList("networks", String.class, List.of()),
                    d.getList("cities", Document.class).stream().map(c -> new PartnerCity(c.getString("cityId"),
                            c.getString("name"), c.getString("countryCode"), ZoneId.of(c.getString("timeZone"))))
                            .toList(),
                    d.getList("themes", String.class),
                    LocalDate.parse(d.getString("establishedOn")),
                    d.getList("agreements", Document.class).stream().map(Mapper::agreement).toList(),
                    members,
                    d.getList("focalPointContacts", Document.class, List.of()).stream()
                            .map(c -> new FocalPointContact(c.getString("name"), c.getString("role"),
                                    c.getString("organisationId"), c.getString("email"))).toList());
        }

        private static Document agreement(Agreement a) {
            return new Document("id", a.id().toString())
                    .append("title", a.title())
                    .append("signedOn", a.signedOn().toString())
                    .append("kind", a.kind() == null ? null : a.kind().name())
                    .append("signedAtCityId", a.signedAtCityId())
                    .append("signatories", a.signatories().stream().map(s -> new Document("name", s.name())
                            .append("title", s.title()).append("organisationId", s.organisationId())).toList())
                    .append("documents", a.documents().stream().map(x -> new Document("title", x.title())
                            .append("url", x.url()).append("language", x.language())
                            .append("mediaType", x.mediaType())).toList());
        }

        private static Agreement agreement(Document a) {
            return new Agreement(UUID.fromString(a.getString("id")), a.getString("title"),
                    LocalDate.parse(a.getString("signedOn")),
                    a.getString("kind") == null ? null : AgreementKind.valueOf(a.getString("kind")),
                    a.getString("signedAtCityId"),
                    a.getList("signatories", Document.class, List.of()).stream().map(s -> new Signatory(
                            s.getString("name"), s.getString("title"), s.getString("organisationId"))).toList(),
                    a.getList("documents", Document.class, List.of()).stream().map(x -> new AgreementDocument(
                            x.getString("title"), x.getString("url"), x.getString("language"),
                            x.getString("mediaType"))).toList());
        }
    }
}
