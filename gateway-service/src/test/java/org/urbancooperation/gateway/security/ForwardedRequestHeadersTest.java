package org.urbancooperation.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.urbancooperation.gateway.web.CorrelationIds;

class ForwardedRequestHeadersTest {

    private final ForwardedRequestHeaders filter = new ForwardedRequestHeaders();

    @Test
    void credentialsAndClientIdentityHeadersNeverReachAService() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/partnerships")
                .header("authorization", "ApiKey ucp_0123456789abcdef_secret")
                .header("x-api-key", "ucp_0123456789abcdef_secret")
                .header("X-UCP-IDENTITY", "forged-1", "forged-2")
                .header("Accept-Language", "ja-JP", "de-DE")
                .header("X-Correlation-Id", "from-client-1", "from-client-2"));
        exchange.getAttributes().put(ForwardedRequestHeaders.IDENTITY_TOKEN_ATTRIBUTE, "signed-by-gateway");
        exchange.getAttributes().put(CorrelationIds.EXCHANGE_ATTRIBUTE, "from-client-1");

        HttpHeaders forwarded = HttpHeadersFilter.filterRequest(List.of(new RemoveHopByHopHeadersFilter(), filter),
                exchange);

        assertThat(forwarded.get(HttpHeaders.AUTHORIZATION)).isNull();
        assertThat(forwarded.get("X-Api-Key")).isNull();
        assertThat(forwarded.get("X-Ucp-Identity")).containsExactly("signed-by-gateway");
        assertThat(forwarded.get("X-Correlation-Id")).containsExactly("from-client-1");
        assertThat(forwarded.get("Accept-Language")).containsExactly("ja-JP", "de-DE");
        assertThat(exchange.getRequest().getHeaders().get("X-Api-Key")).as("the request itself is unchanged")
                .containsExactly("ucp_0123456789abcdef_secret");
    }

    @Test
    void anAnonymousRequestCarriesNoIdentityAtAll() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/events")
                .header("X-Ucp-Identity", "forged"));

        HttpHeaders forwarded = filter.filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(forwarded.containsHeader("X-Ucp-Identity")).isFalse();
        assertThat(exchange.getRequest().getHeaders().get("X-Ucp-Identity")).as("the request itself is unchanged")
                .containsExactly("forged");
        assertThat(filter.supports(HttpHeadersFilter.Type.REQUEST)).isTrue();
        assertThat(filter.supports(HttpHeadersFilter.Type.RESPONSE)).isFalse();
    }

    /** As Reactor Netty hands them over: one name may come in several spellings, each its own entry. */
    @Test
    void everySpellingOfACredentialHeaderIsRemoved() {
        DefaultHttpHeaders received = new DefaultHttpHeaders();
        received.add("x-api-key", "ucp_0123456789abcdef_secret");
        received.add("X-API-KEY", "ucp_0123456789abcdef_other");
        received.add("Authorization", "Bearer a");
        received.add("AUTHORIZATION", "Bearer b");
        received.add("x-ucp-identity", "forged");
        received.add("Accept", "application/json");
        HttpHeaders input = HttpHeaders.readOnlyHttpHeaders(new HttpHeaders(new Netty4HeadersAdapter(received)));
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/events"));

        HttpHeaders forwarded = filter.filter(input, exchange);

        assertThat(forwarded.headerNames()).containsExactly("Accept");
        assertThat(forwarded.get("accept")).containsExactly("application/json");
        assertThat(received.getAll("x-api-key")).as("the received headers are unchanged").hasSize(2);
    }
}
