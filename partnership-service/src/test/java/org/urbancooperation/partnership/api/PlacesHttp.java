package org.urbancooperation.partnership.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.urbancooperation.support.testing.ServiceHttp;

/** What the city and organisation API tests share: merge patches, and refusals read as the fields they name. */
final class PlacesHttp {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private PlacesHttp() {
    }

    /** A JSON merge patch; {@code ifMatch} null sends none. */
    static HttpResponse<String> patch(ServiceHttp http, String path, String json, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path)).header("Content-Type", MERGE_PATCH)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request);
    }

    /** The fields a problem+json refusal names, after checking that it is one with this status. */
    static List<String> refusedFields(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        return ServiceHttp.json(response).path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

    static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }
}
