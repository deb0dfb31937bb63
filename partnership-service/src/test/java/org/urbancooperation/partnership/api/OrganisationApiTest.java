package org.urbancooperation.partnership.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.urbancooperation.partnership.api.PlacesHttp.etag;
import static org.urbancooperation.partnership.api.PlacesHttp.patch;
import static org.urbancooperation.partnership.api.PlacesHttp.refusedFields;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEventSchemas;
import org.urbancooperation.contracts.KafkaHeaders;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.contracts.identity.CallerIdentity;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import tools.jackson.databind.JsonNode;

/**
 * /api/v1/organisations over HTTP, per role: operators manage organisations; anybody reads them; contacts only
 * operators, the organisation's own staff and staff of organisations that share a partnership with it.
 */
// A context (database, broker) of its own: the API tests of one configuration share a cached context, so ids
// such as koriyama would collide with other classes' data, and spring.embedded.kafka.brokers names the broker of
// the context started last, not necessarily this one's.
@TestPropertySource(properties = "ucp.test.context=organisations")
class OrganisationApiTest extends ServiceApiTest {

    @Autowired
    private EmbeddedKafkaBroker broker;


    static final String FREA = """
            {"id": "%s", "names": {"en": "Fukushima Renewable Energy Institute, AIST (FREA)"},
             "kind": "RESEARCH_INSTITUTE", "homeCityId": "koriyama", "themes": ["renewable-energy"],
             "contacts": [{"name": "Research desk", "role": "Public relations", "email": "desk@example.org"}]}""";
    static final String CITY_OF_KORIYAMA = """
            {"id": "city-of-koriyama", "names": {"en": "City of Koriyama", "ja": "郡山市"}, "kind": "CITY_GOVERNMENT",
             "homeCityId": "koriyama", "themes": ["renewable-energy", "medical-devices", "education"],
             "contacts": [{"name": "Yohei Watanabe", "role": "Chief, Business Creation Division",
                           "email": "business-creation@example.org"}]}""";

    @BeforeEach
    void citiesAndAPartnership() {
        // The context (and its database) lives for the whole class: each of these is there after the first time.
        http().postJson("/api/v1/cities", CityApiTest.KORIYAMA.formatted("koriyama"));
        http().postJson("/api/v1/cities", CityApiTest.ESSEN.formatted("essen"));
        http().postJson("/api/v1/organisations", CITY_OF_KORIYAMA);
        if (ServiceHttp.json(http().get("/api/v1/partnerships?name=Essen%20-%20Koriyama%20members")).path("items").isEmpty()) {
            assertThat(http().postJson("/api/v1/partnerships",
                    PartnershipApiTest.ESSEN_KORIYAMA.formatted("Essen - Koriyama members")).statusCode())
                    .isEqualTo(201);
        }
    }

    @Test
    void operatorsRegisterAnOrganisationAndOrganisationRegisteredIsPublishedWithoutContacts() {
        HttpResponse<String> created = http().postJson("/api/v1/organisations", FREA.formatted("frea"),
                "X-Correlation-Id", "register-frea");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/organisations/frea");
        assertThat(etag(created)).isEqualTo("\"1\"");
        JsonNode body = ServiceHttp.json(created);
        assertThat(body.path("kind").asString()).isEqualTo("RESEARCH_INSTITUTE");
        assertThat(body.path("contacts").get(0).path("email").asString()).isEqualTo("desk@example.org");

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(broker.getBrokersAsString(), Topics.ORGANISATIONS,
                "frea", 1);
        assertThat(records).hasSize(1);
        assertThat(KafkaTestClients.header(records.get(0), KafkaHeaders.TYPE))
                .isEqualTo("partnership.OrganisationRegistered");
        EventEnvelope envelope = mapper.fromBytes(records.get(0).value());
        assertThat(new IntegrationEventSchemas(mapper).violations(envelope)).isEmpty();
        assertThat(envelope.correlationId()).isEqualTo("register-frea");
        assertThat(envelope.payload().path("homeCityId").asString()).isEqualTo("koriyama");
        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).doesNotContain("desk@example.org")
                .doesNotContain("Research desk").doesNotContain("contacts");

        assertThat(refusedFields(http().postJson("/api/v1/organisations", FREA.formatted("frea")), 409)).isEmpty();
    }

    @Test
    void contactsAreShownOnlyToOperatorsTheOrganisationAndItsPartners() {
        String path = "/api/v1/organisations/city-of-koriyama";
        // Koriyama's own staff; Essen's, which shares the partnership; the secretariat.
        for (CallerIdentity insider : List.of(TestIdentities.OPERATOR, TestIdentities.KORIYAMA, TestIdentities.ESSEN)) {
            JsonNode read = ServiceHttp.json(as(insider).get(path));
            assertThat(read.path("contacts").get(0).path("name").asString()).as(insider.subject())
                    .isEqualTo("Yohei Watanabe");
            assertThat(listed(as(insider), "city-of-koriyama").has("contacts")).as(insider.subject()).isTrue();
        }
        // Duesseldorf's staff (no partnership with Koriyama), a business, anybody.
        for (ServiceHttp outsider : List.of(as(TestIdentities.DUESSELDORF), as(TestIdentities.HYDROGEN), anonymous())) {
            HttpResponse<String> read = outsider.get(path);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(ServiceHttp.json(read).has("contacts")).as(read.body()).isFalse();
            assertThat(read.body()).doesNotContain("Yohei Watanabe").doesNotContain("business-creation@example.org");
            assertThat(ServiceHttp.json(read).path("names").path("ja").asString()).isEqualTo("郡山市");
            JsonNode listed = listed(outsider, "city-of-koriyama");
            assertThat(listed.has("contacts")).isFalse();
            assertThat(outsider.get("/api/v1/organisations?limit=200").body()).doesNotContain("example.org");
        }
    }

    @Test
    void onlyOperatorsRegisterAndChangeOrganisationsContactsIncluded() {
        String body = FREA.formatted("frea-roles");
        assertThat(as(TestIdentities.KORIYAMA).postJson("/api/v1/organisations", body).statusCode()).isEqualTo(403);
        assertThat(as(TestIdentities.HYDROGEN).postJson("/api/v1/organisations", body).statusCode()).isEqualTo(403);
        assertThat(anonymous().postJson("/api/v1/organisations", body).statusCode()).isEqualTo(401);
        assertThat(http().get("/api/v1/organisations/frea-roles").statusCode()).isEqualTo(404);

        String contacts = "{\"contacts\": [{\"name\": \"Someone else\", \"email\": \"else@example.org\"}]}";
        String path = "/api/v1/organisations/city-of-koriyama";
        String version = etag(http().get(path));
        // Not even the organisation's own staff: the secretariat manages organisations.
        assertThat(patch(as(TestIdentities.KORIYAMA), path, contacts, version).statusCode()).isEqualTo(403);
        assertThat(patch(as(TestIdentities.ESSEN), path, contacts, version).statusCode()).isEqualTo(403);
        assertThat(patch(as(TestIdentities.DUESSELDORF), path, contacts, version).statusCode()).isEqualTo(403);
        assertThat(patch(as(TestIdentities.HYDROGEN), path, contacts, version).statusCode()).isEqualTo(403);
        assertThat(patch(anonymous(), path, contacts, version).statusCode()).isEqualTo(401);
        assertThat(etag(http().get(path))).isEqualTo(version);
        assertThat(patch(http(), "/api/v1/organisations/nobody", contacts, null).statusCode()).isEqualTo(404);
    }

    @Test
    void operatorsChangeAnOrganisationByMergePatchAndOnlyPublicChangesArePublished() {
        http().postJson("/api/v1/organisations", """
                {"id": "ewg", "names": {"en": "Essen Economic Development Agency (EWG)"},
                 "kind": "ECONOMIC_DEVELOPMENT_AGENCY", "homeCityId": "essen", "themes": ["medical-devices"]}""");
        String path = "/api/v1/organisations/ewg";

        HttpResponse<String> contactsOnly = patch(http(), path,
                "{\"contacts\": [{\"name\": \"EWG desk\", \"email\": \"desk@example.org\"}]}", "\"1\"");
        assertThat(contactsOnly.statusCode()).as(contactsOnly.body()).isEqualTo(200);
        assertThat(etag(contactsOnly)).isEqualTo("\"2\"");
        assertThat(ServiceHttp.json(contactsOnly).path("contacts")).hasSize(1);

        HttpResponse<String> names = patch(http(), path,
                "{\"names\": {\"de\": \"Essener Wirtschaftsförderungsgesellschaft (EWG)\"}, \"website\": null}", "\"2\"");
        assertThat(names.statusCode()).as(names.body()).isEqualTo(200);
        assertThat(ServiceHttp.json(names).path("names").path("de").asString())
                .isEqualTo("Essener Wirtschaftsförderungsgesellschaft (EWG)");
        assertThat(ServiceHttp.json(names).path("contacts")).hasSize(1);
        assertThat(refusedFields(patch(http(), path, "{\"themes\": null}", "\"2\""), 412)).isEmpty();

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(broker.getBrokersAsString(), Topics.ORGANISATIONS,
                "ewg", 2);
        List<EventEnvelope> events = records.stream().map(r -> mapper.fromBytes(r.value())).toList();
        assertThat(events).extracting(EventEnvelope::type).containsExactly("partnership.OrganisationRegistered",
                "partnership.OrganisationChanged");
        // Version 2 changed the contacts only: personal data, no event.
        assertThat(events).extracting(EventEnvelope::aggregateVersion).containsExactly(1L, 3L);
        IntegrationEventSchemas schemas = new IntegrationEventSchemas(mapper);
        assertThat(events).allSatisfy(e -> assertThat(schemas.violations(e)).isEmpty());
        assertThat(events.get(1).payload().path("changedFields").valueStream().map(JsonNode::asString))
                .containsExactly("names");
        assertThat(records).allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                .doesNotContain("desk@example.org"));
    }

    @Test
    void aHomeCityThatIsNotRegisteredIsRefusedAsAnUnknownReference() {
        assertThat(refusedFields(http().postJson("/api/v1/organisations",
                FREA.formatted("frea-nowhere").replace("\"koriyama\"", "\"iwaki\"")), 422)).contains("homeCityId");
        assertThat(http().get("/api/v1/organisations/frea-nowhere").statusCode()).isEqualTo(404);

        http().postJson("/api/v1/organisations", FREA.formatted("frea-moving"));
        assertThat(refusedFields(patch(http(), "/api/v1/organisations/frea-moving", "{\"homeCityId\": \"iwaki\"}",
                "\"1\""), 422)).contains("homeCityId");
        HttpResponse<String> moved = patch(http(), "/api/v1/organisations/frea-moving",
                "{\"homeCityId\": \"essen\"}", "\"1\"");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(ServiceHttp.json(moved).path("homeCityId").asString()).isEqualTo("essen");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        String good = FREA.formatted("bad-org");
        assertBad(good.replace("\"bad-org\"", "\"Bad Org\""), "id");
        assertBad(good.replace("{\"en\": \"Fukushima Renewable Energy Institute, AIST (FREA)\"}", "{\"ja\": \"x\"}"),
                "names.en");
        assertBad(good.replace("\"RESEARCH_INSTITUTE\"", "\"INSTITUTE\""), "kind");
        assertBad(good.replace("\"kind\": \"RESEARCH_INSTITUTE\", ", ""), "kind");
        assertBad(good.replace("\"koriyama\"", "\"Koriyama\""), "homeCityId");
        assertBad(good.replace("\"renewable-energy\"", "\"Renewable Energy\""), "themes[0]");
        assertBad(good.replace("\"themes\"", "\"website\": \"www.frea.example\", \"themes\""), "website");
        assertBad(good.replace("\"themes\"", "\"website\": \"javascript:alert(1)\", \"themes\""), "website");
        assertBad(good.replace("\"desk@example.org\"", "\"desk\""), "contacts[0].email");
        assertBad(good.replace("\"Research desk\"", "\"\""), "contacts[0].name");
        assertBad(good.replace("\"Public relations\"", "\"Public\\u0000relations\""), "contacts[0].role");
        assertBad(good.replace("\"themes\"", "\"version\": 2, \"themes\""), "version");

        assertThat(http().get("/api/v1/organisations/bad-org").statusCode()).isEqualTo(404);

        String path = "/api/v1/organisations/city-of-koriyama";
        String version = etag(http().get(path));
        assertThat(refusedFields(patch(http(), path, "{\"kind\": null}", version), 400)).contains("kind");
        assertThat(refusedFields(patch(http(), path, "{\"names\": {\"en\": null}}", version), 400))
                .contains("names.en");
        assertThat(refusedFields(patch(http(), path, "{\"contacts\": [{\"name\": \"A\"}]}", version), 400))
                .contains("contacts[0].email");
        assertThat(refusedFields(patch(http(), path, "{\"id\": \"koriyama-city\"}", version), 400)).contains("id");
        assertThat(etag(http().get(path))).isEqualTo(version);
    }

    @Test
    void listsFilterByKindCityAndTheme() {
        http().postJson("/api/v1/organisations", FREA.formatted("frea-listed"));

        assertThat(ids("?kind=RESEARCH_INSTITUTE")).contains("frea-listed").doesNotContain("city-of-koriyama");
        assertThat(ids("?city=koriyama")).contains("frea-listed", "city-of-koriyama");
        assertThat(ids("?city=essen")).doesNotContain("frea-listed");
        assertThat(ids("?theme=education")).contains("city-of-koriyama").doesNotContain("frea-listed");
        assertThat(ids("?kind=CITY_GOVERNMENT&city=koriyama&theme=renewable-energy"))
                .containsExactly("city-of-koriyama");

        assertThat(refusedFields(anonymous().get("/api/v1/organisations?kind=institute"), 400)).contains("kind");
        assertThat(refusedFields(anonymous().get("/api/v1/organisations?city=Koriyama"), 400)).contains("city");
        assertThat(refusedFields(anonymous().get("/api/v1/organisations?theme=Energy"), 400)).contains("theme");
        assertThat(refusedFields(anonymous().get("/api/v1/organisations?cursor=abc"), 400)).contains("cursor");

        // Pages follow next to the end, each organisation once.
        List<String> all = ids("?limit=200");
        List<String> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ServiceHttp.json(anonymous().get("/api/v1/organisations?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)));
            page.path("items").valueStream().forEach(o -> paged.add(o.path("id").asString()));
            cursor = page.path("next").isNull() ? null : page.path("next").asString();
        } while (cursor != null);
        assertThat(paged).isEqualTo(all);
    }

    private List<String> ids(String query) {
        HttpResponse<String> response = anonymous().get("/api/v1/organisations" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ServiceHttp.json(response).path("items").valueStream().map(o -> o.path("id").asString()).toList();
    }

    private static JsonNode listed(ServiceHttp http, String id) {
        JsonNode page = ServiceHttp.json(http.get("/api/v1/organisations?limit=200"));
        return page.path("items").valueStream().filter(o -> o.path("id").asString().equals(id)).findFirst()
                .orElseThrow();
    }

    private void assertBad(String body, String field) {
        assertThat(refusedFields(http().postJson("/api/v1/organisations", body), 400)).as(body).contains(field);
    }
}
