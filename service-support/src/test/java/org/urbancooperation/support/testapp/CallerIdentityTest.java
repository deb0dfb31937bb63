package org.urbancooperation.support.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.identity.IdentityTokens;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

/** Services trust only identities the gateway signed, and apply the shared object-level rules. */
class CallerIdentityTest extends SupportServiceTestBase {

    private static final String AGREEMENT = "{\"title\": \"Agreement on continued cooperation\", \"signedOn\": \"2019-09-20\"}";

    @Test
    void anApiRequestWithoutAnIdentityIs401() {
        HttpResponse<String> response = new ServiceHttp(port).get("/api/v1/test-partnerships/" + java.util.UUID.randomUUID());

        assertProblem(response, 401, "authentication-required");
    }

    @Test
    void identitiesTheGatewayDidNotSignAre401() {
        KeyPair attacker = IdentityTokens.generateKeyPair();
        String forged = new IdentityTokens.Signer((ECPrivateKey) attacker.getPrivate(), Clock.systemUTC(),
                Duration.ofMinutes(1)).sign(TestIdentities.OPERATOR);

        assertProblem(get("/api/v1/public/notices", forged), 401, "invalid-identity");
        assertProblem(get("/api/v1/public/notices", "operator"), 401, "invalid-identity");
        assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/public/notices"))
                .header("X-Ucp-Identity", "{\"role\":\"operator\"}").GET()), 401, "invalid-identity");
    }

    @Test
    void anExpiredIdentityIs401() {
        // Signed with the real key, but its minute is long over.
        String expired = TestIdentities.tokenAt(TestIdentities.OPERATOR,
                Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC));

        assertProblem(get("/api/v1/public/notices", expired), 401, "invalid-identity");
    }

    @Test
    void publicReadsNeedNoIdentityButWritesOnTheSamePathDo() {
        HttpResponse<String> read = new ServiceHttp(port).get("/api/v1/public/notices");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(ServiceHttp.json(read).path("caller").asString()).isEqualTo("anonymous");

        assertProblem(new ServiceHttp(port).postJson("/api/v1/public/notices", "{}"), 401, "authentication-required");
        HttpResponse<String> asPartner = new ServiceHttp(port).as(TestIdentities.ESSEN)
                .postJson("/api/v1/public/notices", "{}");
        assertThat(ServiceHttp.json(asPartner).path("caller").asString()).isEqualTo("partner:essen");
    }

    @Test
    void onlyOperatorsAndMemberOrganisationsChangeAPartnership() {
        String location = http().postJson("/api/v1/test-partnerships", essenKoriyama("Essen - Koriyama access"))
                .headers().firstValue("Location").orElseThrow();

        assertProblem(new ServiceHttp(port).as(TestIdentities.DUESSELDORF).postJson(location + "/agreements", AGREEMENT),
                403, "forbidden");
        assertProblem(new ServiceHttp(port).as(TestIdentities.HYDROGEN).postJson(location + "/agreements", AGREEMENT),
                403, "forbidden");
        assertThat(new ServiceHttp(port).as(TestIdentities.KORIYAMA).postJson(location + "/agreements", AGREEMENT)
                .statusCode()).isEqualTo(200);
        assertThat(http().postJson(location + "/agreements", AGREEMENT).statusCode()).isEqualTo(200);
        assertThat(ServiceHttp.json(http().get(location)).path("agreements").asInt()).as("refused ones changed nothing")
                .isEqualTo(2);
    }

    @Test
    void anotherBusinessesThingDoesNotExistForYou() {
        String path = "/api/v1/test-partnerships/" + java.util.UUID.randomUUID() + "/matches/robots-essen";

        assertThat(new ServiceHttp(port).as(TestIdentities.ROBOTS).get(path).statusCode()).isEqualTo(200);
        assertThat(http().get(path).statusCode()).as("operator").isEqualTo(200);
        assertProblem(new ServiceHttp(port).as(TestIdentities.HYDROGEN).get(path), 404, "not-found");
        assertProblem(new ServiceHttp(port).as(TestIdentities.ESSEN).get(path), 404, "not-found");
    }

    @Test
    void requestsRunOnVirtualThreadsFromJava21On() {
        var thread = ServiceHttp.json(new ServiceHttp(port).get("/api/v1/public/request-thread"));

        boolean java21OrLater = Runtime.version().feature() >= 21;
        assertThat(thread.path("virtual").asBoolean()).as("Java " + thread.path("java").asInt()).isEqualTo(java21OrLater);
    }

    @Test
    void apiDocsAndProbesStayOpenToTheOperatorsNetwork() {
        assertThat(new ServiceHttp(port).get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        String docs = new ServiceHttp(port).get("/v3/api-docs").body();
        assertThat(docs).doesNotContain("\"caller\"");
        var api = ServiceHttp.json(new ServiceHttp(port).get("/v3/api-docs"));
        assertThat(api.at("/info/title").asString()).isEqualTo("support-test-service");
        assertThat(api.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-Api-Key");
        assertThat(api.at("/components/securitySchemes/bearerToken/scheme").asString()).isEqualTo("bearer");
    }

    private HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("X-Ucp-Identity", token).GET());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(ServiceHttp.json(response).path("type").asString()).endsWith("/" + type);
    }

}
