package org.urbancooperation.partnership.organisation.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.partnership.organisation.domain.Contact;
import org.urbancooperation.partnership.organisation.domain.Organisation;
import org.urbancooperation.partnership.organisation.domain.OrganisationKind;
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

/** Organisations, and the two adapters onto other features' collections, on mongo-java-server. */
class MongoOrganisationRepositoryTest {

    private MongoDatabase database;
    private MongoOrganisationRepository organisations;

    @BeforeEach
    void setUp() {
        database = InMemoryMongo.freshDatabase();
        organisations = new MongoOrganisationRepository(new AggregateStores(database,
                new OutboxEntries(new IntegrationEventMapper(), "partnership-service", Clock.systemUTC()),
                new OutboxRelay(null, new OutboxProperties(null, null, 0, null, false, null), Clock.systemUTC(),
                        new SimpleMeterRegistry())));
    }

    @Test
    void anOrganisationIsOneDocumentWithItsContactsWhichItsEventNeverCarries() {
        organisations.insert(Organisation.register("frea",
                Map.of("en", "Fukushima Renewable Energy Institute, AIST (FREA)"), OrganisationKind.RESEARCH_INSTITUTE,
                "koriyama", List.of("renewable-energy"), null,
                List.of(new Contact.Input("Research desk", "Public relations", "desk@example.org"))));

        Document stored = database.getCollection("organisations").find().first();
        assertThat(stored.getString("_id")).isEqualTo("frea");
        assertThat(stored.getList("contacts", Document.class)).hasSize(1);
        Document event = stored.getList("outbox", Document.class).get(0);
        assertThat(event.getString("type")).isEqualTo("partnership.OrganisationRegistered");
        assertThat(event.getString("topic")).isEqualTo("partnership.organisation");
        assertThat(event.getString("envelope")).contains("FREA").doesNotContain("desk@example.org")
                .doesNotContain("Research desk");

        Organisation read = organisations.find("frea").orElseThrow().aggregate();
        assertThat(read.contacts()).containsExactly(new Contact("Research desk", "Public relations",
                "desk@example.org"));
        assertThat(read.website()).isNull();
    }

    @Test
    void listsFilterByKindCityAndTheme() {
        register("frea", OrganisationKind.RESEARCH_INSTITUTE, "koriyama", "renewable-energy");
        register("energy-agency-fukushima", OrganisationKind.ENERGY_AGENCY, "koriyama", "renewable-energy");
        register("ewg", OrganisationKind.ECONOMIC_DEVELOPMENT_AGENCY, "essen", "medical-devices");
        register("energyagency-nrw", OrganisationKind.ENERGY_AGENCY, "essen", "renewable-energy");

        assertThat(ids(organisations.page(OrganisationKind.ENERGY_AGENCY, null, null, PageRequest.first(50))))
                .containsExactly("energy-agency-fukushima", "energyagency-nrw");
        assertThat(ids(organisations.page(null, "koriyama", null, PageRequest.first(50))))
                .containsExactly("energy-agency-fukushima", "frea");
        assertThat(ids(organisations.page(null, null, "medical-devices", PageRequest.first(50))))
                .containsExactly("ewg");
        assertThat(ids(organisations.page(OrganisationKind.ENERGY_AGENCY, "essen", "renewable-energy",
                PageRequest.first(50)))).containsExactly("energyagency-nrw");
    }

    @Test
    void knownCitiesReadsTheCitiesCollectionById() {
        database.getCollection("cities").insertOne(new Document("_id", "koriyama").append("version", 1L));
        MongoKnownCities cities = new MongoKnownCities(database);

        assertThat(cities.exists("koriyama")).isTrue();
        assertThat(cities.exists("essen")).isFalse();
    }

    @Test
    void partnersAreTheMembersOfEveryPartnershipAnOrganisationIsIn() {
        database.getCollection("partnerships").insertMany(List.of(
                new Document("_id", "p1").append("partnerOrganisations", List.of("city-of-essen", "city-of-koriyama")),
                new Document("_id", "p2").append("partnerOrganisations", List.of("city-of-koriyama", "frea", "ewg")),
                new Document("_id", "p3").append("partnerOrganisations", List.of("city-of-duesseldorf"))));
        MongoPartnershipMembers members = new MongoPartnershipMembers(database);

        assertThat(members.partnersOf("city-of-koriyama")).containsExactlyInAnyOrder("city-of-essen", "frea", "ewg");
        assertThat(members.partnersOf("city-of-essen")).containsExactly("city-of-koriyama");
        assertThat(members.partnersOf("city-of-duesseldorf")).isEmpty();
        assertThat(members.partnersOf("nobody")).isEmpty();
    }

    private void register(String id, OrganisationKind kind, String city, String theme) {
        organisations.insert(Organisation.register(id, Map.of("en", id), kind, city, List.of(theme), null, null));
    }

    private static List<String> ids(Page<Versioned<Organisation>> page) {
        return page.items().stream().map(v -> v.aggregate().id()).toList();
    }
}
