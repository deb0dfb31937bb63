package org.urbancooperation.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.urbancooperation.gateway.web.GatewayRequestFilter;
import org.urbancooperation.gateway.web.GatewayRequestFilters;

import reactor.core.publisher.Mono;

class GatewayRequestFiltersTest {

    private final List<String> calls = new ArrayList<>();

    @Test
    void runsTheFiltersByOrderThenTheRestOfTheChain() {
        GatewayRequestFilters pipeline = new GatewayRequestFilters(List.of(step("c", 30), step("a", -10), step("b", 0)));

        pipeline.filter(exchange(), rest()).block();

        assertThat(calls).containsExactly("a", "b", "c", "rest");
        assertThat(pipeline.filters()).extracting(GatewayRequestFilter::getOrder).containsExactly(-10, 0, 30);
    }

    @Test
    void aFilterThatAnswersStopsThePipeline() {
        GatewayRequestFilter refusing = new GatewayRequestFilter() {
            @Override
            public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
                calls.add("refuse");
                exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
                return exchange.getResponse().setComplete();
            }

            @Override
            public int getOrder() {
                return 5;
            }
        };
        GatewayRequestFilters pipeline = new GatewayRequestFilters(List.of(step("first", 0), refusing, step("later", 9)));
        MockServerWebExchange exchange = exchange();

        pipeline.filter(exchange, rest()).block();

        assertThat(calls).containsExactly("first", "refuse");
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void withoutFiltersTheChainGoesOn() {
        new GatewayRequestFilters(List.of()).filter(exchange(), rest()).block();

        assertThat(calls).containsExactly("rest");
    }

    private GatewayRequestFilter step(String name, int order) {
        return new GatewayRequestFilter() {
            @Override
            public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
                calls.add(name);
                return chain.filter(exchange);
            }

            @Override
            public int getOrder() {
                return order;
            }
        };
    }

    private WebFilterChain rest() {
        return exchange -> {
            calls.add("rest");
            return Mono.empty();
        };
    }

    private static MockServerWebExchange exchange() {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/partnerships"));
    }
}
