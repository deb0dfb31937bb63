package org.urbancooperation.partnership.partnership.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.partnership.partnership.application.CityDirectory;
import org.urbancooperation.partnership.partnership.application.PartnershipFilter;
import org.urbancooperation.partnership.partnership.domain.AgreementKind;
import org.urbancooperation.partnership.partnership.domain.PartnerCity;
import org.urbancooperation.partnership.partnership.domain.Partnership;
import org.urbancooperation.partnership.partnership.domain.PartnershipEvent;
import org.urbancooperation.partnership.partnership.domain.PartnershipKind;
import org.urbancooperation.partnership.partnership.domain.PartnershipStatus;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.mongo.AggregateStore;
import org.urbancooperation.support.outbox.OutboxEntries;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.testing.InMemoryMongo;

import com.mongodb.client.MongoDatabase;

/** Partnerships, and the other features' collections they read, on mongo-java-server. */
class MongoPartnershipRepositoryTest {

    static final List<PartnerCity> CITIES = List.of(PartnerCity.known("essen", "Essen", "DE", "Europe/Berlin"),
            PartnerCity.known("koriyama", "Koriyama", "JP", "Asia/Tokyo"));

    private MongoDatabase database;
    private MongoPartnershipRepository repository;

    @BeforeEach
    void setUp() {
        database = InMemoryMongo.freshDatabase();
        repository = new MongoPartnershipRepository(new AggregateStore<>(database.getCollection("partnerships"),
                "Partnership", new MongoPartnershipRepository.Mapper(),
                new OutboxEntries(new IntegrationEventMapper(), "partnership-service", Clock.systemUTC()),
                (collection, id, events) -> { }));
    }

    static ResultWithEvents<Partnership, PartnershipEvent> essenKoriyama(PartnershipStatus status, String programme,
            List<String> themes, List<Partnership.MemberInput> members, List<PartnerCity> cities) {
        return Partnership.establish(UUID.randomUUID(), new Partnership.Proposal(null,
                Map.of("en", "Essen - Koriyama", "ja", "エッセン・郡山"), Map.of("en", "Pilot project"),
                PartnershipKind.PROGRAMME_PILOT_PROJECT, status, programme,
                programme == null ? null : Set.of("climate-energy-water-air"),
                programme == null ? List.of() : List.of("climate-energy-water-air"), cities, themes,
                LocalDate.of(2019, 8, 27), members, null,
                List.of(new Partnership.ContactInput("Focal point", "Division chief", members.get(0).organisationId(),
                        "focal-point@example.org"))));
    }

    @Test
    void storesAndReadsBackEveryField() {
        var established = essenKoriyama(PartnershipStatus.PROPOSED, "iurc", List.of("renewable-energy"),
                List.of(new Partnership.MemberInput("frea", "koriyama", List.of("renewable-energy")),
                        new Partnership.MemberInput("city-of-essen", "essen", List.of())), CITIES);
        Versioned<Partnership> inserted = repository.insert(established);
        var signed = inserted.aggregate().signAgreement(UUID.randomUUID(), new Partnership.AgreementInput(
                "Agreement on continued cooperation", LocalDate.of(2019, 9, 20),
                AgreementKind.AGREEMENT_ON_CONTINUED_COOPERATION, "koriyama",
                List.of(new Partnership.SignatoryInput("Signatory", "Mayor", "city-of-essen")),
                List.of(new Partnership.DocumentInput("Text", "https://www.essen.de/a.pdf", "de", "application/pdf"))));
        repository.update(signed, 1, ExpectedVersion.of(1));

        Versioned<Partnership> found = repository.find(inserted.aggregate().id()).orElseThrow();
        assertThat(found.version()).isEqualTo(2);
        assertThat(found.aggregate()).isEqualTo(signed.aggregate());
        Document stored = database.getCollection("partnerships").find().first();
        assertThat(stored.getList("partnerOrganisations", String.class)).containsExactly("frea", "city-of-essen");
        assertThat(stored.getString("status")).isEqualTo("PROPOSED");
    }

    @Test
    void documentsWrittenBeforeIssue11ReadAsActiveWithTheirOrganisationsAsMembers() {
        UUID id = UUID.randomUUID();
        database.getCollection("partnerships").insertOne(new Document("_id", id.toString()).append("version", 3L)
                .append("name", "Essen - Koriyama")
                .append("cities", List.of(new Document("name", "Essen").append("countryCode", "DE")
                                .append("timeZone", "Europe/Berlin"),
                        new Document("name", "Koriyama").append("countryCode", "JP").append("timeZone", "Asia/Tokyo")))
                .append("themes", List.of("renewable-energy")).append("establishedOn", "2019-08-27")
                .append("agreements", List.of(new Document("id", UUID.randomUUID().toString())
                        .append("title", "Agreement on continued cooperation").append("signedOn", "2019-09-20")))
                .append("partnerOrganisations", List.of("city-of-essen", "city-of-koriyama")));

        Partnership legacy = repository.find(id).orElseThrow().aggregate();
        assertThat(legacy.status()).isEqualTo(PartnershipStatus.ACTIVE);
        assertThat(legacy.names().english()).isEqualTo("Essen - Koriyama");
        assertThat(legacy.partnerOrganisations()).containsExactly("city-of-essen", "city-of-koriyama");
        assertThat(legacy.agreements().get(0).kind()).isNull();
        assertThat(legacy.focalPointContacts()).isEmpty();
        assertThat(ids(repository.page(filter(PartnershipStatus.ACTIVE, null, null, null), PageRequest.first(50))))
                .containsExactly(id);
        assertThat(repository.countByStatus()).containsEntry(PartnershipStatus.ACTIVE, 1L);
    }

    @Test
    void filtersMatchExactlyAndCombine() {
        UUID essenKoriyama = repository.insert(essenKoriyama(PartnershipStatus.ACTIVE, "iurc",
                List.of("renewable-energy", "medical-devices"),
                List.of(new Partnership.MemberInput("frea", "koriyama", List.of("renewable-energy"))), CITIES))
                .aggregate().id();
        UUID inline = repository.insert(essenKoriyama(PartnershipStatus.PROPOSED, null, List.of("education"),
                List.of(new Partnership.MemberInput("city-of-essen", null, List.of())),
                List.of(PartnerCity.of("Essen", "DE", "Europe/Berlin"), PartnerCity.of("Dortmund", "DE",
                        "Europe/Berlin")))).aggregate().id();

        assertThat(ids(page(new PartnershipFilter(null, "iurc", null, null, null, null, null, null))))
                .containsExactly(essenKoriyama);
        assertThat(ids(page(new PartnershipFilter(null, null, "education", null, null, null, null, null))))
                .containsExactly(inline);
        assertThat(ids(page(new PartnershipFilter(null, null, null, "climate-energy-water-air", null, null, null,
                null)))).containsExactly(essenKoriyama);
        assertThat(ids(page(new PartnershipFilter(null, null, null, null, "DE", null, null, null))))
                .containsExactlyInAnyOrder(essenKoriyama, inline);
        assertThat(ids(page(new PartnershipFilter(null, null, null, null, "JP", null, null, null))))
                .containsExactly(essenKoriyama);
        assertThat(ids(page(new PartnershipFilter(null, null, null, null, null, "koriyama", null, null))))
                .containsExactly(essenKoriyama);
        assertThat(ids(page(filter(PartnershipStatus.PROPOSED, null, null, null)))).containsExactly(inline);
        assertThat(ids(page(new PartnershipFilter(null, null, null, null, null, null, null, "frea"))))
                .containsExactly(essenKoriyama);
        // AND: Germany and the theme education is the inline one only; Japan and education is none.
        assertThat(ids(page(new PartnershipFilter(null, null, "education", null, "DE", null, null, null))))
                .containsExactly(inline);
        assertThat(ids(page(new PartnershipFilter(null, null, "education", null, "JP", null, null, null)))).isEmpty();
        assertThat(repository.countByStatus()).containsEntry(PartnershipStatus.ACTIVE, 1L)
                .containsEntry(PartnershipStatus.PROPOSED, 1L).containsEntry(PartnershipStatus.SUSPENDED, 0L)
                .containsEntry(PartnershipStatus.CONCLUDED, 0L);
    }

    @Test
    void theDirectoriesReadTheOtherFeaturesCollectionsById() {
        database.getCollection("cities").insertOne(new Document("_id", "koriyama")
                .append("names", new Document("en", "Koriyama").append("ja", "郡山市")).append("countryCode", "JP")
                .append("timeZone", "Asia/Tokyo"));
        database.getCollection("cities").insertOne(new Document("_id", "nowhere").append("names",
                new Document("en", "Nowhere")));
        database.getCollection("organisations").insertOne(new Document("_id", "frea"));
        database.getCollection("programmes").insertOne(new Document("_id", "iurc").append("networks",
                List.of(new Document("id", "smart-cities"), new Document("id", "urban-mobility"))));

        MongoCityDirectory cities = new MongoCityDirectory(database);
        assertThat(cities.find("koriyama")).contains(new CityDirectory.KnownCity("koriyama", "Koriyama", "JP",
                "Asia/Tokyo"));
        assertThat(cities.find("nowhere")).as("no country or zone: cannot be placed").isEmpty();
        assertThat(cities.find("essen")).isEmpty();
        assertThat(new MongoOrganisationDirectory(database).exists("frea")).isTrue();
        assertThat(new MongoOrganisationDirectory(database).exists("ewg")).isFalse();
        assertThat(new MongoProgrammeCatalogue(database).networksOf("iurc"))
                .contains(Set.of("smart-cities", "urban-mobility"));
        assertThat(new MongoProgrammeCatalogue(database).networksOf("iuc-asia")).isEmpty();
    }

    private Page<Versioned<Partnership>> page(PartnershipFilter filter) {
        return repository.page(filter, PageRequest.first(50));
    }

    private static PartnershipFilter filter(PartnershipStatus status, String programme, String theme, String city) {
        return new PartnershipFilter(null, programme, theme, null, null, city, status, null);
    }

    private static List<UUID> ids(Page<Versioned<Partnership>> page) {
        List<UUID> ids = new ArrayList<>();
        page.items().forEach(v -> ids.add(v.aggregate().id()));
        return ids;
    }
}
