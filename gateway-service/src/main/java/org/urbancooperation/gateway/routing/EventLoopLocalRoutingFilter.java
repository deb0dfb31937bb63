package org.urbancooperation.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.web.server.ServerWebExchange;
import org.urbancooperation.gateway.web.RequestEventLoop;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

/**
 * Spring Cloud Gateway's routing filter, but a request goes to the service over a connection that belongs to
 * the event loop that received it: one connection pool per event loop (per service), as proxies such as
 * Envoy keep one per worker thread.
 *
 * <p>Why: Reactor Netty's pool lends any idle connection, whichever event loop owns it. A request received
 * on loop A and sent over a connection of loop B crosses threads twice, the request to B and the response
 * back to A, each a task hand-off that often wakes a sleeping thread (with the shared pool, all 600 requests
 * of EventLoopLocalRoutingTests crossed). Kept on one loop, the gateway needs less CPU per request
 * (docs/benchmarks.md, run N). Everything else is Spring Cloud Gateway's own: the configured HTTP client with
 * its customizers (timeouts, TLS), the connect timeout per route, the header filters, the response handling.
 *
 * <p>Requests that did not arrive through Reactor Netty (there are none outside tests) use the shared pool.
 *
 * <p>It also notes the route a request is sent on ({@link #ROUTE_ATTRIBUTE}), so that a failure is logged
 * with the service's real address ({@link #serviceAddress}) even after a circuit breaker forwarded the
 * request to its fallback, which replaces the exchange's request URL.
 */
public class EventLoopLocalRoutingFilter extends NettyRoutingFilter {

    /** Stands for "no connect-timeout metadata on the route" as a map key. */
    private static final Object DEFAULT_CONNECT_TIMEOUT = new Object();

    /**
     * The {@link Route} a request was sent on, set when it is sent to a service: the request reached the routing
     * step, so a failure from here on is the service's (connection refused, reset, closed, timed out).
     * Attributes are shared by every mutated exchange, so a circuit breaker's fallback still sees it.
     */
    public static final String ROUTE_ATTRIBUTE = EventLoopLocalRoutingFilter.class.getName() + ".route";

    /** By receiving event loop, then by the route's connect-timeout metadata: a handful of entries. */
    private final Map<EventLoop, Map<Object, HttpClient>> clients = new ConcurrentHashMap<>();

    public EventLoopLocalRoutingFilter(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
            HttpClientProperties properties) {
        super(httpClient, headersFilters, properties);
    }

    @Override
    protected HttpClient getHttpClient(Route route, ServerWebExchange exchange) {
        // Called once per request sent to a service (http or https), right before it is sent.
        exchange.getAttributes().put(ROUTE_ATTRIBUTE, route);
        EventLoop loop = RequestEventLoop.of(exchange.getRequest());
        if (loop == null) {
            return super.getHttpClient(route, exchange);
        }
        Object connectTimeout = route.getMetadata().get(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR);
        // The client depends on the route only through its connect timeout; the base class would also build a new
        // HttpClient for every request when a connect timeout is configured.
        return clients.computeIfAbsent(loop, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(connectTimeout != null ? connectTimeout : DEFAULT_CONNECT_TIMEOUT,
                        key -> super.getHttpClient(route, exchange).runOn(new OneEventLoop(loop)));
    }

    /**
     * The route's service as {@code host:port}, the port explicit even where the route's URI leaves it to the
     * scheme (80, 443): what an operator looks for when a service does not answer.
     */
    public static String serviceAddress(Route route) {
        URI uri = route.getUri();
        int port = uri.getPort();
        if (port < 0) {
            port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
        return uri.getHost() + ":" + port;
    }

    /**
     * One event loop of the server's, lent to a client. Its connections are created on that loop, and since the
     * loop resources are part of the client's configuration, Reactor Netty keeps a pool of their own for them.
     * It never shuts the loop down: the server's loop resources own it.
     */
    record OneEventLoop(EventLoop loop) implements LoopResources {

        @Override
        public EventLoopGroup onServer(boolean useNative) {
            return loop;
        }
    }
}
