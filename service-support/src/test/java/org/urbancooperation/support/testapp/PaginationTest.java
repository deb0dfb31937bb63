package org.urbancooperation.support.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.urbancooperation.support.testing.PaginationCheck;
import org.urbancooperation.support.testing.ServiceHttp;

import tools.jackson.databind.JsonNode;

/** The shared cursor pagination over HTTP, on the test service's list (filtered by name, so tests do not mix). */
class PaginationTest extends SupportServiceTestBase {

    @Test
    void aWalkSeesEveryItemThatExistedOnceWhileOthersAreInsertedAndChanged() {
        String name = "Paged " + UUID.randomUUID().toString().substring(0, 8);
        check(name).verify();
    }

    @Test
    void aWalkWithPagesOfOneIsRightToo() {
        String name = "Paged by one " + UUID.randomUUID().toString().substring(0, 8);
        List<String> seen = check(name).limit(1).existing(4).walkWhileOthersWrite();
        assertThat(seen).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void theLastPageSaysSoAndAnEmptyListIsOnePage() {
        String name = "Paged end " + UUID.randomUUID().toString().substring(0, 8);
        JsonNode empty = ServiceHttp.json(get(list(name)));
        assertThat(empty.path("items").isEmpty()).isTrue();
        assertThat(empty.path("next").isNull()).as("next is null, not absent").isTrue();

        postJson("/api/v1/test-partnerships", essenKoriyama(name));
        postJson("/api/v1/test-partnerships", essenKoriyama(name));
        JsonNode first = ServiceHttp.json(get(list(name) + "&limit=1"));
        assertThat(first.path("items").size()).isEqualTo(1);
        JsonNode second = ServiceHttp.json(get(list(name) + "&limit=1&cursor=" + first.path("next").asString()));
        assertThat(second.path("items").size()).isEqualTo(1);
        assertThat(second.path("items").get(0).path("id")).isNotEqualTo(first.path("items").get(0).path("id"));
        assertThat(second.path("next").isNull()).as("the last page, though full, knows it is the last").isTrue();
    }

    private PaginationCheck check(String name) {
        return PaginationCheck.of(http(), list(name))
                .creating(() -> created(postJson("/api/v1/test-partnerships", essenKoriyama(name))))
                .changing(id -> {
                    String etag = get("/api/v1/test-partnerships/" + id).headers().firstValue("ETag").orElseThrow();
                    HttpResponse<String> signed = postJson("/api/v1/test-partnerships/" + id + "/agreements",
                            "{\"title\": \"Agreement on continued cooperation\", \"signedOn\": \"2019-09-20\"}",
                            "If-Match", etag);
                    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
                });
    }

    private static String list(String name) {
        return "/api/v1/test-partnerships?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private static String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ServiceHttp.json(response).path("id").asString();
    }
}
