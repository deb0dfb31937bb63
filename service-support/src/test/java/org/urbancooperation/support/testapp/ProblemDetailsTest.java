package org.urbancooperation.support.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Bad input is answered with RFC 9457 problem+json naming the field; nothing leaks; nothing is half-written. */
class ProblemDetailsTest extends SupportServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void invalidFieldsAreEachNamed() throws Exception {
        HttpResponse<String> response = postJson("/api/v1/test-partnerships", """
                {"name": " ", "cities": [{"name": "Essen", "countryCode": "Germany", "timeZone": "Europe/Berlin"}],
                 "establishedOn": "2019-08-27"}""");

        JsonNode problem = problem(response, 400);
        assertThat(fields(problem)).contains("name", "cities", "cities[0].countryCode");
        assertThat(problem.path("type").asString()).endsWith("/invalid-request");
    }

    @Test
    void aValueOfTheWrongFormatNamesItsField() throws Exception {
        HttpResponse<String> response = postJson("/api/v1/test-partnerships", essenKoriyama("Essen").replace("2019-08-27", "27.08.2019"));

        assertThat(fields(problem(response, 400))).containsExactly("establishedOn");
    }

    @Test
    void malformedJsonIsA400() throws Exception {
        JsonNode problem = problem(postJson("/api/v1/test-partnerships", "{\"name\": "), 400);
        assertThat(problem.path("detail").asString()).contains("JSON");
    }

    @Test
    void aBadPathVariableIsNamed() throws Exception {
        assertThat(fields(problem(get("/api/v1/test-partnerships/not-a-uuid"), 400))).containsExactly("id");
    }

    @Test
    void unknownResourcesAndRoutesAre404() throws Exception {
        problem(get("/api/v1/test-partnerships/" + UUID.randomUUID()), 404);
        problem(get("/nothing/here"), 404);
    }

    @Test
    void wrongMethodAndMediaTypeAre405And415() throws Exception {
        problem(send(HttpRequest.newBuilder(uri("/api/v1/test-partnerships/" + UUID.randomUUID()))
                .DELETE()), 405);
        problem(send(HttpRequest.newBuilder(uri("/api/v1/test-partnerships")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Essen"))), 415);
    }

    @Test
    void oversizedBodiesAre413WithOrWithoutContentLength() throws Exception {
        String huge = essenKoriyama("x".repeat(300 * 1024));
        problem(postJson("/api/v1/test-partnerships", huge), 413);

        byte[] bytes = huge.getBytes();
        problem(send(HttpRequest.newBuilder(uri("/api/v1/test-partnerships")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))), 413);

        byte[] small = essenKoriyama("Essen chunked").getBytes();
        HttpResponse<String> chunkedOk = send(HttpRequest.newBuilder(uri("/api/v1/test-partnerships"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small))));
        assertThat(chunkedOk.statusCode()).isEqualTo(201);
    }

    @Test
    void domainRuleViolationsAre409AndInvalidValues400() throws Exception {
        problem(postJson("/api/v1/test-partnerships/" + UUID.randomUUID() + "/close", "{}"), 409);
        assertThat(fields(problem(postJson("/api/v1/test-partnerships/" + UUID.randomUUID() + "/rename", "{}"), 400)))
                .containsExactly("name");
    }

    @Test
    void aStaleIfMatchIs412AndLeavesTheResourceUnchanged() throws Exception {
        HttpResponse<String> created = postJson("/api/v1/test-partnerships", essenKoriyama("Essen 412"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        String location = created.headers().firstValue("Location").orElseThrow();
        String agreement = "{\"title\": \"Agreement on continued cooperation\", \"signedOn\": \"2019-09-20\"}";

        HttpResponse<String> signed = postJson(location + "/agreements", agreement, "If-Match", "\"1\"");
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.headers().firstValue("ETag")).contains("\"2\"");

        problem(postJson(location + "/agreements", agreement, "If-Match", "\"1\""), 412);
        assertThat(fields(problem(postJson(location + "/agreements", agreement, "If-Match", "yesterday"), 400)))
                .containsExactly("If-Match");
        HttpResponse<String> current = get(location);
        assertThat(current.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(JSON.readTree(current.body()).path("agreements").asInt()).isEqualTo(1);
    }

    @Test
    void unexpectedErrorsAre500WithoutInternals() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/test-partnerships/" + UUID.randomUUID() + "/boom"))
                .header("X-Correlation-Id", "trace-me-500").GET());

        JsonNode problem = problem(response, 500);
        assertThat(problem.path("correlationId").asString()).isEqualTo("trace-me-500");
        assertThat(response.body()).doesNotContain("secret", "Exception", "com.example", "at ");
    }

    @Test
    void theCorrelationIdIsEchoedOrCreated() throws Exception {
        HttpResponse<String> given = send(HttpRequest.newBuilder(uri("/nothing")).header("X-Correlation-Id", "abc-123").GET());
        assertThat(given.headers().firstValue("X-Correlation-Id")).contains("abc-123");
        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/nothing"))
                .header("X-Correlation-Id", "<script>alert(1)</script>").GET());
        assertThat(forged.headers().firstValue("X-Correlation-Id").orElseThrow()).doesNotContain("<").hasSize(36);
    }


}
