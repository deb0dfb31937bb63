package org.urbancooperation.support.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.urbancooperation.support.testing.InMemoryMongo;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import tools.jackson.databind.JsonNode;

/** The test service on a real port, with the Mongo server and an embedded KRaft broker. One context for all subclasses. */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=support-test-service",
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "spring.mongodb.database=support_test",
                "ucp.messaging.initial-backoff=100ms",
                "ucp.messaging.max-backoff=200ms",
                "ucp.messaging.retries=3",
                "ucp.security.public-reads=/api/v1/public/**"})
@EmbeddedKafka(partitions = 1)
abstract class SupportServiceTestBase {

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", InMemoryMongo::uri);
        TestIdentities.register(registry);
    }

    URI uri(String path) {
        return http().uri(path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return http().send(request);
    }

    HttpResponse<String> postJson(String path, String json, String... headers) {
        return http().postJson(path, json, headers);
    }

    HttpResponse<String> get(String path) {
        return http().get(path);
    }

    /** Calls as the programme secretariat unless a test says otherwise. */
    ServiceHttp http() {
        return new ServiceHttp(port).as(TestIdentities.OPERATOR);
    }

    /** Asserts a problem+json answer of {@code status} and returns it. */
    static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = ServiceHttp.json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("type").asString()).startsWith("https://");
        return problem;
    }

    /** The fields a problem's errors name, in order. */
    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    static String essenKoriyama(String name) {
        return """
                {"name": "%s", "establishedOn": "2019-08-27",
                 "cities": [{"name": "Essen", "countryCode": "DE", "timeZone": "Europe/Berlin"},
                            {"name": "Koriyama", "countryCode": "JP", "timeZone": "Asia/Tokyo"}]}
                """.formatted(name);
    }
}
