package org.urbancooperation.partnership.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEventSchemas;
import org.urbancooperation.contracts.KafkaHeaders;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import tools.jackson.databind.JsonNode;

/**
 * The partnership lifecycle over HTTP: programmes, cities and organisations by id, members, focal-point contacts
 * per role, PATCH and status commands with If-Match, agreements, list filters and cursor pages.
 */
class PartnershipLifecycleApiTest extends ServiceApiTest {

    static final String CONTACT = """
            {"name": "Focal point of the City of Koriyama", "role": "Chief, Business Creation Division",
             "organisationId": "city-of-koriyama", "email": "focal-point@example.org"}""";

    /** Essen and Koriyama as the seed describes them; %1$s makes the theme (and name) unique per test. */
    static final String ESSEN_KORIYAMA = """
            {"names": {"en": "Essen - Koriyama %1$s", "ja": "エッセン・郡山 %1$s", "de": "Essen - Koriyama %1$s"},
             "description": {"en": "Maximizing Urban Cooperation for the Future"},
             "kind": "PROGRAMME_PILOT_PROJECT", "status": "%2$s",
             "programmeId": "iurc", "networks": ["climate-energy-water-air"],
             "cityIds": ["essen", "koriyama"],
             "themes": ["renewable-energy", "medical-devices", "education", "%1$s"],
             "establishedOn": "2019-08-27",
             "members": [
               {"organisationId": "city-of-essen", "cityId": "essen", "themes": []},
               {"organisationId": "city-of-koriyama", "cityId": "koriyama", "themes": []},
               {"organisationId": "frea", "cityId": "koriyama", "themes": ["renewable-energy"]},
               {"organisationId": "energy-agency-fukushima", "cityId": "koriyama", "themes": ["renewable-energy"]},
               {"organisationId": "ewg", "cityId": "essen", "themes": ["medical-devices"]}],
             "focalPointContacts": [%3$s]}""";

    @Autowired
    MongoDatabase database;

    @BeforeEach
    void citiesOrganisationsAndTheProgramme() {
        city("essen", "Essen", "DE", "Europe/Berlin");
        city("koriyama", "Koriyama", "JP", "Asia/Tokyo");
        city("duesseldorf", "Düsseldorf", "DE", "Europe/Berlin");
        for (String organisation : List.of("city-of-essen", "city-of-koriyama", "frea", "energy-agency-fukushima",
                "ewg", "city-of-duesseldorf")) {
            database.getCollection("organisations").replaceOne(Filters.eq("_id", organisation),
                    new Document("_id", organisation), new ReplaceOptions().upsert(true));
        }
        if (http().get("/api/v1/programmes/iurc").statusCode() == 404) {
            assertThat(http().postJson("/api/v1/programmes", ProgrammeApiTest.IURC.formatted("iurc", "null"))
                    .statusCode()).isEqualTo(201);
        }
    }

    @Test
    void establishesAPartnershipOfKnownCitiesOrganisationsAndProgramme() {
        HttpResponse<String> created = http().postJson("/api/v1/partnerships", body("established", "PROPOSED"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode p = ServiceHttp.json(created);
        assertThat(p.path("name").asString()).isEqualTo("Essen - Koriyama established");
        assertThat(p.path("names").path("ja").asString()).isEqualTo("エッセン・郡山 established");
        assertThat(p.path("status").asString()).isEqualTo("PROPOSED");
        assertThat(p.path("kind").asString()).isEqualTo("PROGRAMME_PILOT_PROJECT");
        assertThat(p.path("cities").get(1).path("cityId").asString()).isEqualTo("koriyama");
        assertThat(p.path("cities").get(1).path("timeZone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(p.path("partnerOrganisations").valueStream().map(JsonNode::asString).toList()).containsExactly(
                "city-of-essen", "city-of-koriyama", "frea", "energy-agency-fukushima", "ewg");
        assertThat(p.path("focalPointContacts").size()).isEqualTo(1);

        String id = p.path("id").asString();
        ConsumerRecord<String, byte[]> record = KafkaTestClients.readWithKey(brokers, Topics.PARTNERSHIPS, id, 1).get(0);
        EventEnvelope envelope = mapper.fromBytes(record.value());
        assertThat(new IntegrationEventSchemas(mapper).violations(envelope)).isEmpty();
        assertThat(envelope.payload().path("programmeId").asString()).isEqualTo("iurc");
        assertThat(envelope.payload().path("status").asString()).isEqualTo("PROPOSED");
        assertThat(envelope.payload().path("members").get(2).path("themes").get(0).asString())
                .isEqualTo("renewable-energy");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).as("no personal data in events")
                .doesNotContain("example.org", "Focal point");
    }

    @Test
    void unknownReferencesAre422AndBadInputIs400NamingTheFieldAndNothingIsStored() {
        String good = body("refused", "PROPOSED");
        assertRefused(good.replace("\"programmeId\": \"iurc\"", "\"programmeId\": \"iuc-nowhere\""), 422,
                "programmeId");
        assertRefused(good.replace("[\"essen\", \"koriyama\"]", "[\"essen\", \"atlantis\"]"), 422, "cityIds[1]");
        assertRefused(good.replace("\"organisationId\": \"frea\"", "\"organisationId\": \"unknown-institute\""), 422,
                "members[2].organisationId");
        assertRefused(good.replace("[\"climate-energy-water-air\"]", "[\"hydrogen-valley\"]"), 400, "networks[0]");
        assertRefused(good.replace("\"en\": \"Essen - Koriyama refused\",", ""), 400, "names.en");
        assertRefused(good.replace("PROGRAMME_PILOT_PROJECT", "TWINNING"), 400, "kind");
        assertRefused(good.replace("\"status\": \"PROPOSED\"", "\"status\": \"SUSPENDED\""), 400, "status");
        assertRefused(good.replace("\"cityIds\"", "\"cities\": [{\"name\": \"Essen\", \"countryCode\": \"DE\","
                + " \"timeZone\": \"Europe/Berlin\"}, {\"name\": \"Koriyama\", \"countryCode\": \"JP\","
                + " \"timeZone\": \"Asia/Tokyo\"}], \"cityIds\""), 400, "cityIds");
        assertRefused(good.replace("[\"essen\", \"koriyama\"]", "[\"essen\"]"), 400, "cityIds");
        assertRefused(good.replace("[\"essen\", \"koriyama\"]", "[\"essen\", \"essen\"]"), 400, "cityIds[1]");
        assertRefused(good.replace("\"themes\": [\"renewable-energy\"]}", "\"themes\": [\"hydrogen\"]}"), 400,
                "members[2].themes[0]");
        assertRefused(good.replace("\"cityId\": \"essen\", \"themes\": [\"medical-devices\"]",
                "\"cityId\": \"duesseldorf\", \"themes\": [\"medical-devices\"]"), 400, "members[4].cityId");
        assertRefused(good.replace("focal-point@example.org", "focal point"), 400, "focalPointContacts[0].email");
        assertRefused(good.replace("\"organisationId\": \"city-of-koriyama\", \"email\"",
                "\"organisationId\": \"city-of-duesseldorf\", \"email\""), 400, "focalPointContacts[0].organisationId");
        assertRefused(good.replace("\"en\": \"Maximizing", "\"xx-\": \"Maximizing"), 400, "description.xx-");
        assertRefused(good.replace("\"establishedOn\": \"2019-08-27\"", "\"establishedOn\": \"2201-01-01\""), 400,
                "establishedOn");

        assertThat(ServiceHttp.json(http().get("/api/v1/partnerships?theme=refused")).path("items").size())
                .as("nothing stored").isZero();
    }

    @Test
    void whoReadsWhatPerRoleAndStatusAndWhoSeesContacts() {
        String id = establish("reading", "PROPOSED");
        String path = "/api/v1/partnerships/" + id;
        String list = "/api/v1/partnerships?theme=reading";

        assertContacts(http().get(path), true);
        assertContacts(as(TestIdentities.KORIYAMA).get(path), true);
        assertContacts(as(TestIdentities.DUESSELDORF).get(path), false);
        assertThat(as(TestIdentities.HYDROGEN).get(path).statusCode()).isEqualTo(404);
        assertThat(anonymous().get(path).statusCode()).isEqualTo(404);
        assertThat(items(http().get(list)).get(0).has("focalPointContacts")).isTrue();
        assertThat(items(as(TestIdentities.DUESSELDORF).get(list)).get(0).has("focalPointContacts")).isFalse();
        assertThat(items(as(TestIdentities.HYDROGEN).get(list))).isEmpty();
        assertThat(items(anonymous().get(list))).isEmpty();
        assertThat(items(as(TestIdentities.HYDROGEN).get(list + "&status=PROPOSED"))).isEmpty();

        assertThat(status(http(), id, "{\"status\": \"ACTIVE\"}", "\"1\"").statusCode()).isEqualTo(200);
        assertContacts(as(TestIdentities.HYDROGEN).get(path), false);
        assertContacts(anonymous().get(path), false);
        assertContacts(as(TestIdentities.ESSEN).get(path), true);
        assertThat(items(anonymous().get(list))).singleElement().satisfies(p -> assertThat(p.has("focalPointContacts"))
                .isFalse());
        assertThat(items(as(TestIdentities.ROBOTS).get(list))).singleElement()
                .satisfies(p -> assertThat(p.has("focalPointContacts")).isFalse());
        assertThat(items(as(TestIdentities.KORIYAMA).get(list))).singleElement()
                .satisfies(p -> assertThat(p.has("focalPointContacts")).isTrue());

        assertThat(status(http(), id, "{\"status\": \"SUSPENDED\", \"reason\": \"Exchanges paused\"}", null)
                .statusCode()).isEqualTo(200);
        assertThat(as(TestIdentities.HYDROGEN).get(path).statusCode()).isEqualTo(404);
        assertThat(anonymous().get(path).statusCode()).isEqualTo(404);
        assertThat(as(TestIdentities.DUESSELDORF).get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void statusMovesFollowTheLifecycleAndRefusalsNameTheStateAndTheAllowedMoves() {
        String id = establish("lifecycle", "PROPOSED");
        HttpResponse<String> refused = status(http(), id, "{\"status\": \"SUSPENDED\", \"reason\": \"x\"}", null);
        assertRefusedMove(refused, "PROPOSED", List.of("ACTIVE", "CONCLUDED"));

        HttpResponse<String> activated = status(http(), id, "{\"status\": \"ACTIVE\"}", "\"1\"");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        assertThat(activated.headers().firstValue("ETag")).contains("\"2\"");
        assertRefusedMove(status(http(), id, "{\"status\": \"ACTIVE\"}", null), "ACTIVE",
                List.of("CONCLUDED", "SUSPENDED"));
        assertRefusedMove(status(http(), id, "{\"status\": \"PROPOSED\"}", null), "ACTIVE",
                List.of("CONCLUDED", "SUSPENDED"));
        assertBadField(status(http(), id, "{\"status\": \"SUSPENDED\"}", null), "reason");
        assertBadField(status(http(), id, "{\"status\": \"PAUSED\", \"reason\": \"x\"}", null), "status");
        assertBadField(status(http(), id, "{\"reason\": \"x\"}", null), "status");
        assertThat(status(http(), id, "{\"status\": \"SUSPENDED\", \"reason\": \"x\"}", "\"1\"").statusCode())
                .as("stale If-Match").isEqualTo(412);
        assertThat(status(as(TestIdentities.ESSEN), id, "{\"status\": \"SUSPENDED\", \"reason\": \"x\"}", null)
                .statusCode()).as("partners do not move partnerships").isEqualTo(403);
        assertThat(status(as(TestIdentities.HYDROGEN), id, "{\"status\": \"SUSPENDED\", \"reason\": \"x\"}", null)
                .statusCode()).isEqualTo(403);
        assertThat(status(anonymous(), id, "{\"status\": \"SUSPENDED\", \"reason\": \"x\"}", null).statusCode())
                .isEqualTo(401);
        assertThat(status(http(), UUID.randomUUID().toString(), "{\"status\": \"ACTIVE\"}", null).statusCode())
                .isEqualTo(404);

        assertThat(status(http(), id, "{\"status\": \"SUSPENDED\", \"reason\": \"Exchanges paused due to COVID-19\"}",
                "\"2\"").statusCode()).isEqualTo(200);
        assertRefusedMove(status(http(), id, "{\"status\": \"PROPOSED\"}", null), "SUSPENDED",
                List.of("ACTIVE", "CONCLUDED"));
        assertThat(status(http(), id, "{\"status\": \"ACTIVE\"}", "\"3\"").statusCode()).isEqualTo(200);
        assertThat(status(http(), id, "{\"status\": \"CONCLUDED\", \"reason\": \"Programme ended\"}", "\"4\"")
                .statusCode()).isEqualTo(200);
        assertRefusedMove(status(http(), id, "{\"status\": \"ACTIVE\"}", null), "CONCLUDED", List.of());
        assertThat(ProgrammeApiTest.patch(http(), "/api/v1/partnerships/" + id, "{\"kind\": \"FRIENDSHIP\"}", null)
                .statusCode()).as("a concluded partnership no longer changes").isEqualTo(409);
        assertThat(http().postJson("/api/v1/partnerships/" + id + "/agreements",
                "{\"title\": \"Late\", \"signedOn\": \"2020-01-01\"}").statusCode()).isEqualTo(409);

        // Abandoned before it began.
        String abandoned = establish("abandoned", "PROPOSED");
        assertThat(status(http(), abandoned, "{\"status\": \"CONCLUDED\", \"reason\": \"Not pursued\"}", "\"1\"")
                .statusCode()).isEqualTo(200);

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(brokers, Topics.PARTNERSHIPS, id, 5);
        List<EventEnvelope> moves = records.stream().map(r -> mapper.fromBytes(r.value()))
                .filter(e -> e.type().equals("partnership.PartnershipStatusChanged")).toList();
        assertThat(moves).extracting(e -> e.payload().path("from").asString() + ">" + e.payload().path("to").asString())
                .containsExactly("PROPOSED>ACTIVE", "ACTIVE>SUSPENDED", "SUSPENDED>ACTIVE", "ACTIVE>CONCLUDED");
        assertThat(moves.get(1).payload().path("reason").asString()).isEqualTo("Exchanges paused due to COVID-19");
        moves.forEach(e -> assertThat(new IntegrationEventSchemas(mapper).violations(e)).isEmpty());
    }

    @Test
    void activatingNeedsAFocalPointContact() {
        String id = ServiceHttp.json(http().postJson("/api/v1/partnerships",
                ESSEN_KORIYAMA.formatted("no-contact", "PROPOSED", ""))).path("id").asString();
        HttpResponse<String> refused = status(http(), id, "{\"status\": \"ACTIVE\"}", null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("focal-point contact");
        assertThat(ProgrammeApiTest.patch(as(TestIdentities.KORIYAMA), "/api/v1/partnerships/" + id,
                "{\"focalPointContacts\": [" + CONTACT + "]}", "\"1\"").statusCode()).isEqualTo(200);
        assertThat(status(http(), id, "{\"status\": \"ACTIVE\"}", "\"2\"").statusCode()).isEqualTo(200);
        assertThat(ProgrammeApiTest.patch(as(TestIdentities.KORIYAMA), "/api/v1/partnerships/" + id,
                "{\"focalPointContacts\": []}", null).statusCode()).as("an active one keeps at least one")
                .isEqualTo(409);
    }

    @Test
    void changesArePatchedByWhoMayMakeThem() {
        String id = establish("patching", "ACTIVE");
        String path = "/api/v1/partnerships/" + id;

        HttpResponse<String> renamed = ProgrammeApiTest.patch(http(), path,
                "{\"names\": {\"en\": \"Essen & Koriyama patching\", \"ja\": \"エッセン・郡山\"}, \"kind\": \"FRIENDSHIP\"}",
                "\"1\"");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(ServiceHttp.json(renamed).path("name").asString()).isEqualTo("Essen & Koriyama patching");

        String members = """
                {"members": [
                  {"organisationId": "city-of-essen", "cityId": "essen", "themes": []},
                  {"organisationId": "city-of-koriyama", "cityId": "koriyama", "themes": []},
                  {"organisationId": "frea", "cityId": "koriyama", "themes": ["renewable-energy", "education"]}]}""";
        HttpResponse<String> byMember = ProgrammeApiTest.patch(as(TestIdentities.KORIYAMA), path, members, "\"2\"");
        assertThat(byMember.statusCode()).as(byMember.body()).isEqualTo(200);
        assertThat(ServiceHttp.json(byMember).path("partnerOrganisations").valueStream().map(JsonNode::asString)
                .toList()).containsExactly("city-of-essen", "city-of-koriyama", "frea");
        assertThat(ProgrammeApiTest.patch(as(TestIdentities.ESSEN), path,
                "{\"focalPointContacts\": [" + CONTACT + ", " + CONTACT.replace("city-of-koriyama", "city-of-essen")
                        + "]}", "\"3\"").statusCode()).isEqualTo(200);

        assertThat(ProgrammeApiTest.patch(as(TestIdentities.KORIYAMA), path, "{\"kind\": \"SISTER_CITY\"}", null)
                .statusCode()).as("members change members and contacts only").isEqualTo(403);
        assertThat(ProgrammeApiTest.patch(as(TestIdentities.DUESSELDORF), path, members, null).statusCode())
                .as("not a member").isEqualTo(403);
        assertThat(ProgrammeApiTest.patch(as(TestIdentities.HYDROGEN), path, members, null).statusCode())
                .isEqualTo(403);
        assertThat(ProgrammeApiTest.patch(anonymous(), path, members, null).statusCode()).isEqualTo(401);
        assertThat(ProgrammeApiTest.patch(http(), path, "{\"names\": {\"en\": \"x\"}}", "\"1\"").statusCode())
                .isEqualTo(412);
        assertBadField(ProgrammeApiTest.patch(http(), path, "{\"version\": 9}", null), "version");
        assertBadField(ProgrammeApiTest.patch(http(), path, "{\"names\": {\"ja\": \"郡山\"}}", null), "names.en");
        assertBadField(ProgrammeApiTest.patch(http(), path, "{\"themes\": [\"education\"]}", null), "themes");
        HttpResponse<String> unknown = ProgrammeApiTest.patch(http(), path,
                "{\"members\": [{\"organisationId\": \"city-of-koriyama\"}, {\"organisationId\": \"nobody-inc\"},"
                        + " {\"organisationId\": \"city-of-essen\"}]}",
                null);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.body()).contains("members[1].organisationId");
        assertThat(http().get(path).headers().firstValue("ETag")).as("nothing stored").contains("\"4\"");

        List<EventEnvelope> changes = KafkaTestClients.readWithKey(brokers, Topics.PARTNERSHIPS, id, 4).stream()
                .map(r -> mapper.fromBytes(r.value())).filter(e -> e.type().equals("partnership.PartnershipChanged"))
                .toList();
        assertThat(changes).extracting(e -> e.payload().path("changed").valueStream().map(JsonNode::asString).toList())
                .containsExactly(List.of("names", "kind"), List.of("members"), List.of("focalPointContacts"));
        changes.forEach(e -> {
            assertThat(new IntegrationEventSchemas(mapper).violations(e)).isEmpty();
            assertThat(e.payload().toString()).doesNotContain("example.org", "Focal point");
        });
    }

    @Test
    void twoUpdatesWithTheSameETagOneWinsTheOtherGets412() throws Exception {
        String id = establish("race", "ACTIVE");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> updates = new ArrayList<>();
        for (String name : List.of("Essen - Koriyama race A", "Essen - Koriyama race B")) {
            updates.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ProgrammeApiTest.patch(http(), "/api/v1/partnerships/" + id,
                        "{\"names\": {\"en\": \"" + name + "\"}}", "\"1\"").statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> update : updates) {
            statuses.add(update.get());
        }
        Collections.sort(statuses);
        assertThat(statuses).containsExactly(200, 412);
        assertThat(http().get("/api/v1/partnerships/" + id).headers().firstValue("ETag")).contains("\"2\"");
    }

    @Test
    void agreementsRecordKindPlaceSignatoriesAndDocuments() {
        String id = establish("agreement", "ACTIVE");
        String path = "/api/v1/partnerships/" + id + "/agreements";
        String agreement = """
                {"title": "Agreement on continued cooperation", "signedOn": "2019-09-20",
                 "kind": "AGREEMENT_ON_CONTINUED_COOPERATION", "signedAtCityId": "koriyama",
                 "signatories": [{"name": "Signatory of the City of Essen", "title": "Mayor",
                                  "organisationId": "city-of-essen"}],
                 "documents": [{"title": "Signing ceremony", "url": "https://www.essen.de/partnerstaedte",
                                "language": "de", "mediaType": "text/html"}]}""";
        assertRefused(http().postJson(path, agreement.replace("\"koriyama\"", "\"atlantis\"")), 422, "signedAtCityId");
        assertRefused(http().postJson(path, agreement.replace("\"organisationId\": \"city-of-essen\"",
                "\"organisationId\": \"nobody-inc\"")), 422, "signatories[0].organisationId");
        assertRefused(http().postJson(path, agreement.replace("https://www.essen.de/partnerstaedte", "essen.de")), 400,
                "documents[0].url");
        assertRefused(http().postJson(path, agreement.replace("AGREEMENT_ON_CONTINUED_COOPERATION", "TREATY")), 400,
                "kind");
        assertThat(http().get("/api/v1/partnerships/" + id).headers().firstValue("ETag")).as("nothing stored")
                .contains("\"1\"");

        HttpResponse<String> signed = http().postJson(path, agreement, "If-Match", "\"1\"");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        JsonNode recorded = ServiceHttp.json(signed).path("agreements").get(0);
        assertThat(recorded.path("signedAtCityId").asString()).isEqualTo("koriyama");
        assertThat(recorded.path("signatories").get(0).path("title").asString()).isEqualTo("Mayor");
        assertThat(recorded.path("documents").get(0).path("mediaType").asString()).isEqualTo("text/html");

        ConsumerRecord<String, byte[]> record = KafkaTestClients.readWithKey(brokers, Topics.PARTNERSHIPS, id, 2).get(1);
        assertThat(KafkaTestClients.header(record, KafkaHeaders.TYPE)).isEqualTo("partnership.AgreementSigned");
        EventEnvelope envelope = mapper.fromBytes(record.value());
        assertThat(new IntegrationEventSchemas(mapper).violations(envelope)).isEmpty();
        assertThat(envelope.payload().path("signedAtCityId").asString()).isEqualTo("koriyama");
        assertThat(envelope.payload().path("signatoryOrganisations").get(0).asString()).isEqualTo("city-of-essen");
        assertThat(envelope.payload().toString()).doesNotContain("Signatory of the City of Essen");
    }

    @Test
    void listFiltersAreExactAndCombineAndBadValuesNameTheParameter() {
        String a = establish("filtered", "ACTIVE");
        HttpResponse<String> inline = http().postJson("/api/v1/partnerships", """
                {"name": "Essen - Dortmund filtered", "status": "PROPOSED", "themes": ["filtered"],
                 "cities": [{"name": "Essen", "countryCode": "DE", "timeZone": "Europe/Berlin"},
                            {"name": "Dortmund", "countryCode": "DE", "timeZone": "Europe/Berlin"}],
                 "establishedOn": "2020-01-01", "partnerOrganisations": ["city-of-essen"]}""");
        assertThat(inline.statusCode()).as(inline.body()).isEqualTo(201);
        String b = ServiceHttp.json(inline).path("id").asString();
        String base = "/api/v1/partnerships?theme=filtered";

        assertThat(ids(base)).containsExactlyInAnyOrder(a, b);
        assertThat(ids(base + "&programme=iurc")).containsExactly(a);
        assertThat(ids(base + "&network=climate-energy-water-air")).containsExactly(a);
        assertThat(ids(base + "&country=JP")).containsExactly(a);
        assertThat(ids(base + "&country=DE")).containsExactlyInAnyOrder(a, b);
        assertThat(ids(base + "&city=koriyama")).containsExactly(a);
        assertThat(ids(base + "&status=PROPOSED")).containsExactly(b);
        assertThat(ids(base + "&status=ACTIVE")).containsExactly(a);
        assertThat(ids(base + "&organisation=frea")).containsExactly(a);
        assertThat(ids(base + "&organisation=city-of-essen&country=DE&status=PROPOSED")).containsExactly(b);
        assertThat(ids(base + "&organisation=frea&status=PROPOSED")).isEmpty();

        assertBadField(http().get(base + "&status=active"), "status");
        assertBadField(http().get(base + "&country=Japan"), "country");
        assertBadField(http().get(base + "&programme=IURC"), "programme");
        assertBadField(http().get(base + "&network=Climate"), "network");
        assertBadField(http().get(base + "&cursor=c1.dGFtcGVyZWQ.AAAAAAAAAAAA"), "cursor");
        assertBadField(http().get(base + "&limit=201"), "limit");
    }

    @Test
    void pagesNeverSkipOrRepeatWhileAnotherThreadInsertsAndUpdates() throws Exception {
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            before.add(establish("paging", "ACTIVE"));
        }
        AtomicBoolean paging = new AtomicBoolean(true);
        AtomicInteger writes = new AtomicInteger();
        CountDownLatch writing = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            while (paging.get() && writes.get() < 200) {
                int n = writes.getAndIncrement();
                establish("paging", "ACTIVE");
                ProgrammeApiTest.patch(http(), "/api/v1/partnerships/" + before.get(n % before.size()),
                        "{\"names\": {\"en\": \"Renamed while paging " + n + "\"}}", null);
                writing.countDown();
            }
        });
        assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
        int writesBefore = writes.get();
        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = ServiceHttp.json(anonymous().get("/api/v1/partnerships?theme=paging&limit=3"
                    + (next == null ? "" : "&cursor=" + next)));
            page.path("items").forEach(p -> seen.add(p.path("id").asString()));
            next = page.path("next").isNull() ? null : page.path("next").asString();
            Thread.sleep(50);
        } while (next != null);
        int writesWhilePaging = writes.get() - writesBefore;
        paging.set(false);
        writer.get();
        assertThat(writesWhilePaging).as("the other thread inserted and updated while paging").isPositive();
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new LinkedHashSet<>(seen)).containsAll(before);
    }

    @Test
    void countsPartnershipsByStatusFromTheDatabase() {
        establish("metrics", "ACTIVE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                http().get("/actuator/prometheus").body()).containsPattern("ucp_partnerships\\{[^}]*status=\"ACTIVE\"[^}]*} [1-9]")
                .contains("status=\"CONCLUDED\""));
    }

    private String body(String marker, String status) {
        return ESSEN_KORIYAMA.formatted(marker, status, CONTACT);
    }

    private String establish(String marker, String status) {
        HttpResponse<String> created = http().postJson("/api/v1/partnerships", body(marker, status));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ServiceHttp.json(created).path("id").asString();
    }

    private HttpResponse<String> status(ServiceHttp client, String id, String json, String ifMatch) {
        return ifMatch == null ? client.postJson("/api/v1/partnerships/" + id + "/status", json)
                : client.postJson("/api/v1/partnerships/" + id + "/status", json, "If-Match", ifMatch);
    }

    private void city(String id, String name, String country, String zone) {
        database.getCollection("cities").replaceOne(Filters.eq("_id", id), new Document("_id", id)
                .append("names", new Document("en", name)).append("countryCode", country).append("timeZone", zone),
                new ReplaceOptions().upsert(true));
    }

    private List<String> ids(String path) {
        HttpResponse<String> response = http().get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return items(response).stream().map(p -> p.path("id").asString()).toList();
    }

    private static List<JsonNode> items(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ServiceHttp.json(response).path("items").valueStream().toList();
    }

    private static void assertContacts(HttpResponse<String> response, boolean visible) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode p = ServiceHttp.json(response);
        assertThat(p.has("focalPointContacts")).as(response.body()).isEqualTo(visible);
        assertThat(response.body().contains("focal-point@example.org")).isEqualTo(visible);
        assertThat(p.path("members").size()).as("members are public").isPositive();
    }

    private void assertRefused(String body, int status, String field) {
        assertRefused(http().postJson("/api/v1/partnerships", body), status, field);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(ServiceHttp.json(response).path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .as(response.body()).contains(field);
    }

    private static void assertBadField(HttpResponse<String> response, String field) {
        assertRefused(response, 400, field);
    }

    private static void assertRefusedMove(HttpResponse<String> response, String current, List<String> allowed) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = ServiceHttp.json(response);
        assertThat(problem.path("currentStatus").asString()).isEqualTo(current);
        assertThat(problem.path("allowedMoves").valueStream().map(JsonNode::asString).toList())
                .containsExactlyElementsOf(allowed);
        assertThat(problem.path("detail").asString()).contains(current);
    }

}
