package org.urbancooperation.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.SocketException;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.HttpStatus;
import org.urbancooperation.gateway.routing.EventLoopLocalRoutingFilter;

import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.netty.channel.AbortedException;

/** Which status a failure of the gateway becomes (the real sockets are in resilience.BrokenExchangeTests). */
class ProblemJsonExceptionHandlerTest {

    private static HttpStatus statusOf(Throwable error, boolean sentToService) {
        return ProblemJsonExceptionHandler.classify(error, sentToService).status();
    }

    @Test
    void aConnectionBrokenAfterTheRequestWasSentIsBadGateway() {
        assertThat(statusOf(new SocketException("Connection reset"), true)).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(statusOf(new PrematureChannelClosureException("Connection closed before received headers"), true))
                .isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(statusOf(new AbortedException("Connection has been closed BEFORE send operation"), true))
                .isEqualTo(HttpStatus.BAD_GATEWAY);
    }

    @Test
    void notDeliveredAndTooSlowWinOverABrokenConnectionAnywhereInTheChain() {
        assertThat(statusOf(new IOException("wrapped", new ConnectException("Connection refused")), true))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(statusOf(new IOException("wrapped", ReadTimeoutException.INSTANCE), true))
                .isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
    }

    @Test
    void anIoExceptionBeforeAnyServiceWasCalledIsStillTheGatewaysOwnFailure() {
        assertThat(statusOf(new IOException("disk full"), false)).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Test
    void theServiceAddressNamesThePortEvenWhereTheRouteLeavesItToTheScheme() {
        assertThat(EventLoopLocalRoutingFilter.serviceAddress(route("http://127.0.0.1:8082"))).isEqualTo("127.0.0.1:8082");
        assertThat(EventLoopLocalRoutingFilter.serviceAddress(route("http://event-service"))).isEqualTo("event-service:80");
        assertThat(EventLoopLocalRoutingFilter.serviceAddress(route("https://event-service/"))).isEqualTo("event-service:443");
    }

    private static Route route(String uri) {
        return Route.async().id("r").uri(URI.create(uri)).predicate(exchange -> true).build();
    }
}
