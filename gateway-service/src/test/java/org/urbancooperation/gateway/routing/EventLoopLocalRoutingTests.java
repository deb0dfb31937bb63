package org.urbancooperation.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.ServerWebExchange;
import org.urbancooperation.gateway.RecordingBackend;
import org.urbancooperation.gateway.web.CorrelationIds;

import io.netty.channel.EventLoop;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Proxied requests leave on a connection of the event loop that received them: many clients at once, each
 * request's receiving loop (recorded by a global filter before routing) against the loop of the connection
 * it was sent to the backend on (recorded by the gateway's own HTTP client).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "ucp.rate-limit.enabled=false")
class EventLoopLocalRoutingTests {

    static final RecordingBackend BACKEND = RecordingBackend.start();

    /** By correlation id (the gateway forwards it): where the request came in and where it went out. */
    static final Map<String, EventLoop> RECEIVED_ON = new ConcurrentHashMap<>();
    static final Map<String, EventLoop> SENT_ON = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void routeToTestBackend(DynamicPropertyRegistry registry) {
        registry.add("PARTNERSHIP_SERVICE_URL", BACKEND::url);
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Recorders {

        @Bean
        GlobalFilter receivingLoopRecorder() {
            return new ReceivingLoopRecorder();
        }

        @Bean
        HttpClientCustomizer sendingLoopRecorder() {
            return client -> client.doOnRequest((request, connection) -> SENT_ON.put(
                    request.requestHeaders().get(CorrelationIds.HTTP_HEADER), connection.channel().eventLoop()));
        }
    }

    /** First of the global filters, long before routing. */
    static class ReceivingLoopRecorder implements GlobalFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            RECEIVED_ON.put(CorrelationIds.of(exchange), org.urbancooperation.gateway.web.RequestEventLoop.of(exchange.getRequest()));
            return chain.filter(exchange);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    List<NettyRoutingFilter> routingFilters;

    @Autowired
    List<NettyWriteResponseFilter> responseWriters;

    @Test
    void theGatewayRoutesThroughItsOwnFilterOnly() {
        assertThat(routingFilters).singleElement().isInstanceOf(EventLoopLocalRoutingFilter.class);
        assertThat(responseWriters).hasSize(1);
    }

    @Test
    void eachRequestLeavesOnTheEventLoopThatReceivedIt() {
        // 48 client connections, so that the gateway receives on several of its event loops.
        ConnectionProvider connections = ConnectionProvider.builder("clients").maxConnections(48).build();
        try {
            HttpClient client = HttpClient.create(connections).baseUrl("http://127.0.0.1:" + port);
            List<Integer> statuses = Flux.range(0, 600)
                    .flatMap(i -> client.get().uri("/api/v1/partnerships/" + i)
                            .responseSingle((response, body) -> body.then().thenReturn(response.status().code())), 48)
                    .collectList()
                    .block(Duration.ofSeconds(60));
            assertThat(statuses).hasSize(600).containsOnly(200);
        } finally {
            connections.dispose();
        }

        assertThat(SENT_ON).hasSize(600);
        assertThat(RECEIVED_ON).containsOnlyKeys(SENT_ON.keySet());
        assertThat(RECEIVED_ON.values()).doesNotContainNull();
        long crossed = SENT_ON.entrySet().stream().filter(sent -> sent.getValue() != RECEIVED_ON.get(sent.getKey())).count();
        assertThat(crossed).as("requests sent on another event loop than the one that received them").isZero();
        // Meaningful only if requests came in on more than one loop.
        assertThat(RECEIVED_ON.values().stream().distinct().count()).isGreaterThan(1);
    }
}
