package org.urbancooperation.partnership.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.urbancooperation.partnership.api.PlacesHttp.etag;
import static org.urbancooperation.partnership.api.PlacesHttp.patch;
import static org.urbancooperation.partnership.api.PlacesHttp.refusedFields;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEventSchemas;
import org.urbancooperation.contracts.KafkaHeaders;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import tools.jackson.databind.JsonNode;

/** /api/v1/cities over HTTP, per role, with the Mongo server and an embedded KRaft broker. */
// A context (database, broker) of its own: the API tests of one configuration share a cached context, so ids
// such as koriyama would collide with other classes' data, and spring.embedded.kafka.brokers names the broker of
// the context started last, not necessarily this one's.
@TestPropertySource(properties = "ucp.test.context=cities")
class CityApiTest extends ServiceApiTest {

    @Autowired
    private EmbeddedKafkaBroker broker;


    static final String KORIYAMA = """
            {"id": "%s", "names": {"en": "Koriyama", "ja": "郡山市"}, "countryCode": "JP",
             "region": "Fukushima Prefecture", "timeZone": "Asia/Tokyo",
             "climateCommitments": [{"kind": "NET_ZERO_TARGET", "madeIn": 2021, "targetYear": 2050}]}""";
    static final String ESSEN = """
            {"id": "%s", "names": {"en": "Essen"}, "countryCode": "DE", "region": "North Rhine-Westphalia",
             "timeZone": "Europe/Berlin"}""";

    @Test
    void operatorsRegisterACityAndCityRegisteredIsPublished() {
        HttpResponse<String> created = http().postJson("/api/v1/cities", KORIYAMA.formatted("koriyama"),
                "X-Correlation-Id", "register-koriyama");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/cities/koriyama");
        assertThat(etag(created)).isEqualTo("\"1\"");
        JsonNode body = ServiceHttp.json(created);
        assertThat(body.path("names").path("ja").asString()).isEqualTo("郡山市");
        assertThat(body.path("climateCommitments").get(0).path("targetYear").asInt()).isEqualTo(2050);
        assertThat(body.path("climateCommitments").get(0).path("description").isNull()).isTrue();

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(broker.getBrokersAsString(), Topics.CITIES,
                "koriyama", 1);
        assertThat(records).hasSize(1);
        assertThat(KafkaTestClients.header(records.get(0), KafkaHeaders.TYPE)).isEqualTo("partnership.CityRegistered");
        assertThat(KafkaTestClients.header(records.get(0), KafkaHeaders.CORRELATION_ID)).isEqualTo("register-koriyama");
        EventEnvelope envelope = mapper.fromBytes(records.get(0).value());
        assertThat(new IntegrationEventSchemas(mapper).violations(envelope)).isEmpty();
        assertThat(envelope.aggregateType()).isEqualTo("City");
        assertThat(envelope.payload().path("names").path("ja").asString()).isEqualTo("郡山市");
        assertThat(envelope.payload().path("region").asString()).isEqualTo("Fukushima Prefecture");

        HttpResponse<String> again = http().postJson("/api/v1/cities", KORIYAMA.formatted("koriyama"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void onlyOperatorsRegisterAndChangeCitiesAndAnybodyReadsThem() {
        String body = ESSEN.formatted("essen-roles");
        assertThat(as(TestIdentities.ESSEN).postJson("/api/v1/cities", body).statusCode()).isEqualTo(403);
        assertThat(as(TestIdentities.DUESSELDORF).postJson("/api/v1/cities", body).statusCode()).isEqualTo(403);
        assertThat(as(TestIdentities.HYDROGEN).postJson("/api/v1/cities", body).statusCode()).isEqualTo(403);
        assertThat(anonymous().postJson("/api/v1/cities", body).statusCode()).isEqualTo(401);
        assertThat(anonymous().get("/api/v1/cities/essen-roles").statusCode()).isEqualTo(404);

        assertThat(http().postJson("/api/v1/cities", body).statusCode()).isEqualTo(201);
        String patch = "{\"region\": null}";
        assertThat(patch(as(TestIdentities.ESSEN), "/api/v1/cities/essen-roles", patch, "\"1\"").statusCode())
                .isEqualTo(403);
        assertThat(patch(as(TestIdentities.HYDROGEN), "/api/v1/cities/essen-roles", patch, "\"1\"").statusCode())
                .isEqualTo(403);
        assertThat(patch(anonymous(), "/api/v1/cities/essen-roles", patch, "\"1\"").statusCode()).isEqualTo(401);

        for (ServiceHttp reader : List.of(http(), as(TestIdentities.ESSEN), as(TestIdentities.DUESSELDORF),
                as(TestIdentities.HYDROGEN), anonymous())) {
            HttpResponse<String> read = reader.get("/api/v1/cities/essen-roles");
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(etag(read)).isEqualTo("\"1\"");
            assertThat(ServiceHttp.json(read).path("region").asString()).isEqualTo("North Rhine-Westphalia");
            assertThat(reader.get("/api/v1/cities?country=DE").statusCode()).isEqualTo(200);
        }
        assertThat(anonymous().get("/api/v1/cities/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void aMergePatchChangesWhatItNamesGuardedByIfMatch() {
        http().postJson("/api/v1/cities", ESSEN.formatted("essen"));

        HttpResponse<String> changed = patch(http(), "/api/v1/cities/essen",
                "{\"names\": {\"ja\": \"エッセン\"}, \"climateCommitments\": [{\"kind\": \"OTHER\", \"madeIn\": 2022,"
                        + " \"description\": {\"en\": \"Applied to the Cities Mission\"}}]}", "\"1\"");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(etag(changed)).isEqualTo("\"2\"");
        JsonNode city = ServiceHttp.json(changed);
        assertThat(city.path("names").path("en").asString()).isEqualTo("Essen");
        assertThat(city.path("names").path("ja").asString()).isEqualTo("エッセン");
        assertThat(city.path("region").asString()).isEqualTo("North Rhine-Westphalia");
        assertThat(city.path("version").asLong()).isEqualTo(2);

        HttpResponse<String> stale = patch(http(), "/api/v1/cities/essen", "{\"region\": null}", "\"1\"");
        assertThat(refusedFields(stale, 412)).isEmpty();
        assertThat(patch(http(), "/api/v1/cities/essen", "{\"region\": null}", "W/\"2\"").statusCode()).isEqualTo(412);
        assertThat(ServiceHttp.json(http().get("/api/v1/cities/essen")).path("region").asString())
                .isEqualTo("North Rhine-Westphalia");

        HttpResponse<String> removed = patch(http(), "/api/v1/cities/essen",
                "{\"region\": null, \"names\": {\"ja\": null}}", "\"2\"");
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(ServiceHttp.json(removed).path("region").isNull()).isTrue();
        assertThat(ServiceHttp.json(removed).path("names").has("ja")).isFalse();

        // Nothing to change: the same version, no event.
        HttpResponse<String> same = patch(http(), "/api/v1/cities/essen", "{\"timeZone\": \"Europe/Berlin\"}", "\"3\"");
        assertThat(same.statusCode()).as(same.body()).isEqualTo(200);
        assertThat(etag(same)).isEqualTo("\"3\"");
        // application/json is taken as a merge patch as well.
        HttpResponse<String> plainJson = http().send(java.net.http.HttpRequest.newBuilder(http().uri("/api/v1/cities/essen"))
                .header("Content-Type", "application/json")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"region\": \"Ruhr\"}")));
        assertThat(plainJson.statusCode()).as(plainJson.body()).isEqualTo(200);
        assertThat(patch(http(), "/api/v1/cities/nowhere", "{\"region\": null}", null).statusCode()).isEqualTo(404);

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(broker.getBrokersAsString(), Topics.CITIES, "essen", 4);
        IntegrationEventSchemas schemas = new IntegrationEventSchemas(mapper);
        List<EventEnvelope> events = records.stream().map(r -> mapper.fromBytes(r.value())).toList();
        assertThat(events).extracting(EventEnvelope::type).containsExactly("partnership.CityRegistered",
                "partnership.CityChanged", "partnership.CityChanged", "partnership.CityChanged");
        assertThat(events).extracting(EventEnvelope::aggregateVersion).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events).allSatisfy(e -> assertThat(schemas.violations(e)).isEmpty());
        assertThat(events.get(1).payload().path("changedFields").valueStream().map(JsonNode::asString))
                .containsExactly("names", "climateCommitments");
        assertThat(events.get(2).payload().path("changedFields").valueStream().map(JsonNode::asString))
                .containsExactly("names", "region");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        String good = KORIYAMA.formatted("bad-input");
        assertBad(good.replace("\"bad-input\"", "\"Bad Input\""), "id");
        assertBad(good.replace("\"id\": \"bad-input\", ", ""), "id");
        assertBad(good.replace("\"en\": \"Koriyama\", ", ""), "names.en");
        assertBad(good.replace("\"ja\"", "\"JA\""), "names.JA");
        assertBad(good.replace("\"Koriyama\"", "\"\""), "names.en");
        assertBad(good.replace("\"Koriyama\"", "\"Kori\\u202Eyama\""), "names.en");
        assertBad(good.replace("\"Koriyama\"", "5"), "names.en");
        assertBad(good.replace("{\"en\": \"Koriyama\", \"ja\": \"郡山市\"}", "\"Koriyama\""), "names");
        assertBad(good.replace("\"JP\"", "\"Japan\""), "countryCode");
        assertBad(good.replace("\"JP\"", "\"XX\""), "countryCode");
        assertBad(good.replace("\"Fukushima Prefecture\"", "\"\""), "region");
        assertBad(good.replace("\"Asia/Tokyo\"", "\"+09:00\""), "timeZone");
        assertBad(good.replace("\"Asia/Tokyo\"", "\"JST\""), "timeZone");
        assertBad(good.replace("\"NET_ZERO_TARGET\"", "\"NET_ZERO\""), "climateCommitments[0].kind");
        assertBad(good.replace("2021", "1899"), "climateCommitments[0].madeIn");
        assertBad(good.replace("2021", "\"2021\""), "climateCommitments[0].madeIn");
        assertBad(good.replace("2050", "2201"), "climateCommitments[0].targetYear");
        assertBad(good.replace("2050", "2020"), "climateCommitments[0].targetYear");
        assertBad(good.replace("\"targetYear\": 2050}", "\"targetYear\": 2050}, {\"kind\": \"NET_ZERO_TARGET\", "
                + "\"madeIn\": 2021}"), "climateCommitments[1]");
        assertBad(good.replace("\"region\"", "\"version\": 3, \"region\""), "version");

        assertThat(http().get("/api/v1/cities/bad-input").statusCode()).isEqualTo(404);
        JsonNode all = ServiceHttp.json(http().get("/api/v1/cities?limit=200"));
        assertThat(all.path("items").valueStream().map(c -> c.path("id").asString()))
                .noneMatch(id -> id.contains("bad") || id.contains("Bad"));
    }

    @Test
    void badPatchesAreRefusedNamingTheFieldAndChangeNothing() {
        http().postJson("/api/v1/cities", KORIYAMA.formatted("bad-patch"));
        String path = "/api/v1/cities/bad-patch";

        assertThat(refusedFields(patch(http(), path, "{\"names\": null}", "\"1\""), 400)).contains("names");
        assertThat(refusedFields(patch(http(), path, "{\"names\": {\"en\": null}}", "\"1\""), 400))
                .contains("names.en");
        assertThat(refusedFields(patch(http(), path, "{\"names\": {\"fr\": \" \"}}", "\"1\""), 400))
                .contains("names.fr");
        assertThat(refusedFields(patch(http(), path, "{\"countryCode\": null}", "\"1\""), 400))
                .contains("countryCode");
        assertThat(refusedFields(patch(http(), path, "{\"timeZone\": \"UTC+9\"}", "\"1\""), 400)).contains("timeZone");
        assertThat(refusedFields(patch(http(), path, "{\"id\": \"other\"}", "\"1\""), 400)).contains("id");
        assertThat(refusedFields(patch(http(), path, "{\"climateCommitments\": [{\"kind\": \"OTHER\"}]}", "\"1\""),
                400)).contains("climateCommitments[0].madeIn");
        assertThat(refusedFields(patch(http(), path, "{\"region\": \"ok\"}", "\"x\""), 400)).contains("If-Match");

        HttpResponse<String> unchanged = http().get(path);
        assertThat(etag(unchanged)).isEqualTo("\"1\"");
        assertThat(ServiceHttp.json(unchanged).path("names").path("ja").asString()).isEqualTo("郡山市");
    }

    @Test
    void listsFilterByCountryAndCommitmentAndRefuseBadParameters() {
        http().postJson("/api/v1/cities", KORIYAMA.formatted("list-koriyama"));
        http().postJson("/api/v1/cities", ESSEN.formatted("list-essen"));

        JsonNode japanese = ServiceHttp.json(anonymous().get("/api/v1/cities?country=JP&limit=200"));
        assertThat(japanese.path("items").valueStream().map(c -> c.path("countryCode").asString()))
                .isNotEmpty().allMatch("JP"::equals);
        JsonNode netZero = ServiceHttp.json(anonymous().get("/api/v1/cities?commitment=NET_ZERO_TARGET&limit=200"));
        assertThat(netZero.path("items").valueStream().map(c -> c.path("id").asString())).contains("list-koriyama")
                .doesNotContain("list-essen");

        assertThat(refusedFields(anonymous().get("/api/v1/cities?country=Japan"), 400)).contains("country");
        assertThat(refusedFields(anonymous().get("/api/v1/cities?commitment=CLIMATE"), 400)).contains("commitment");
        assertThat(refusedFields(anonymous().get("/api/v1/cities?cursor=made-up"), 400)).contains("cursor");
        assertThat(refusedFields(anonymous().get("/api/v1/cities?limit=0"), 400)).contains("limit");
        assertThat(refusedFields(anonymous().get("/api/v1/cities?limit=201"), 400)).contains("limit");
    }

    @Test
    void pagingNeitherSkipsNorRepeatsWhileCitiesAreRegisteredAndChanged() throws Exception {
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "paged-" + (char) ('a' + i % 26) + i;
            assertThat(http().postJson("/api/v1/cities", ESSEN.formatted(id)).statusCode()).isEqualTo(201);
            existing.add(id);
        }
        AtomicBoolean paging = new AtomicBoolean(true);
        AtomicInteger writes = new AtomicInteger();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> writing = writer.submit(() -> {
            int n = 0;
            while (paging.get()) {
                // New ids before and after the cursor, and changes of cities already listed or still ahead.
                http().postJson("/api/v1/cities", ESSEN.formatted("paged-" + (n % 2 == 0 ? "0" : "z") + "-new-" + n));
                patch(http(), "/api/v1/cities/" + existing.get(n % existing.size()),
                        "{\"region\": \"Ruhr " + n + "\"}", null);
                writes.incrementAndGet();
                n++;
            }
        });
        List<String> seen = new ArrayList<>();
        try {
            String cursor = null;
            do {
                HttpResponse<String> page = anonymous().get("/api/v1/cities?country=DE&limit=7"
                        + (cursor == null ? "" : "&cursor=" + cursor));
                assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
                JsonNode body = ServiceHttp.json(page);
                body.path("items").valueStream().forEach(c -> seen.add(c.path("id").asString()));
                cursor = body.path("next").isNull() ? null : body.path("next").asString();
                Thread.sleep(20);
            } while (cursor != null);
        } finally {
            paging.set(false);
            writing.get();
            writer.shutdown();
        }

        assertThat(writes.get()).isPositive();
        Set<String> distinct = new HashSet<>(seen);
        assertThat(distinct).as("no city twice").hasSameSizeAs(seen);
        assertThat(distinct).as("every city that existed throughout").containsAll(existing);
        assertThat(seen).as("in id order").isSorted();
    }

    private void assertBad(String body, String field) {
        assertThat(refusedFields(http().postJson("/api/v1/cities", body), 400)).as(body).contains(field);
    }
}
