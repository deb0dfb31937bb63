package org.urbancooperation.gateway.docs;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.factory.rewrite.RewriteFunction;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites a service's OpenAPI document on its way through the gateway (the {@code ModifyResponseBody}
 * filter of the {@code *-api-docs} routes in application.yml refers to this bean as
 * {@code #{@gatewayAsServer}}):
 * <ul>
 * <li>{@code servers} becomes {@code [{"url": "/"}]}. springdoc fills it from the request the service
 * received, i.e. the service's own internal address, because the gateway sends no X-Forwarded-* headers
 * (Gateway 5 adds them only for proxies in {@code spring.cloud.gateway.server.webflux.trusted-proxies}).
 * A relative URL is resolved against the document's own location, so Swagger UI's "Try it out" calls
 * the gateway under whatever host name and scheme the reader used, behind any proxy, and the services'
 * addresses are not disclosed. Trusting forwarded headers in the services instead would make their
 * documents depend on headers a client can set.</li>
 * <li>{@code info.description} gets a line linking the AsyncAPI document of the integration events
 * ({@code /asyncapi/asyncapi.yaml}), so the one documentation page also leads to the events.</li>
 * </ul>
 * Anything that is not a successful JSON OpenAPI document (an error, an empty body, another content
 * type) passes through unchanged.
 */
@Component(GatewayAsServer.BEAN_NAME)
public class GatewayAsServer implements RewriteFunction<String, String> {

    public static final String BEAN_NAME = "gatewayAsServer";

    /** Relative to the document's location, i.e. the gateway's root. */
    static final String SERVER_URL = "/";

    static final String ASYNCAPI_LINK = "Integration events (Kafka): [AsyncAPI document]("
            + IntegrationEventsDocumentation.RESOLVABLE_DOCUMENT_PATH + ").";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Publisher<String> apply(ServerWebExchange exchange, String body) {
        if (body == null) {
            return Mono.empty();
        }
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        MediaType contentType = exchange.getResponse().getHeaders().getContentType();
        if (status == null || !status.is2xxSuccessful() || contentType == null
                || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType)) {
            return Mono.just(body);
        }
        return Mono.just(rewrite(body));
    }

    static String rewrite(String body) {
        JsonNode document;
        try {
            document = JSON.readTree(body);
        } catch (JacksonException notJson) {
            return body;
        }
        if (!(document instanceof ObjectNode openApi) || !openApi.has("openapi")) {
            return body;
        }
        openApi.putArray("servers").addObject()
                .put("url", SERVER_URL)
                .put("description", "API gateway");

        JsonNode info = openApi.get("info");
        if (info instanceof ObjectNode infoObject) {
            JsonNode existing = infoObject.get("description");
            String description = existing != null && existing.isString() ? existing.stringValue() : "";
            if (!description.contains(ASYNCAPI_LINK)) {
                infoObject.put("description", description.isBlank() ? ASYNCAPI_LINK : description + "\n\n" + ASYNCAPI_LINK);
            }
        }
        return JSON.writeValueAsString(openApi);
    }
}
