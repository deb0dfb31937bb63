package org.urbancooperation.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for the domain services: records each request it receives and
 * answers 200 with the request path as body and each received header echoed as {@code X-Echo-<name>}.
 *
 * <p>Paths ending in {@code /slow} are answered only when {@link #close()} is called, to provoke the
 * gateway's response timeout; paths ending in {@code /crash} close the connection without a response;
 * paths ending in {@code /fail} are answered 500; paths ending in {@code /flaky} are answered 503 the
 * first time and normally after that; paths ending in {@code /unavailable} are answered 503 with
 * {@code Retry-After: 5}, as a service whose database is down. Public: the ratelimit and resilience tests use it too.
 */
public final class RecordingBackend implements AutoCloseable {

    public record RecordedRequest(String method, String rawPathAndQuery, Map<String, List<String>> headers) {

        public List<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .toList();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();
    private final Set<String> flakyAnswered = ConcurrentHashMap.newKeySet();
    private final CountDownLatch releaseSlowResponses = new CountDownLatch(1);

    private RecordingBackend() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static RecordingBackend start() {
        try {
            return new RecordingBackend();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the test backend", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests that reached this backend with exactly this path and query. */
    public List<RecordedRequest> requestsTo(String rawPathAndQuery) {
        return received.stream().filter(request -> request.rawPathAndQuery().equals(rawPathAndQuery)).toList();
    }

    /** The requests whose path or query contains the fragment. */
    public List<RecordedRequest> requestsContaining(String fragment) {
        return received.stream().filter(request -> request.rawPathAndQuery().contains(fragment)).toList();
    }

    /** A loopback URL on which nothing listens: the port was free a moment ago and is closed again. */
    public static String closedPortUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot find a free port", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            String rawPathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            received.add(new RecordedRequest(exchange.getRequestMethod(), rawPathAndQuery,
                    Map.copyOf(exchange.getRequestHeaders())));

            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/crash")) {
                // Closing before sending headers makes the JDK server drop the connection.
                return;
            }
            if (path.endsWith("/slow")) {
                awaitRelease();
            }
            if (path.endsWith("/flaky") && flakyAnswered.add(path)) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            if (path.endsWith("/fail")) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            if (path.endsWith("/unavailable")) {
                exchange.getResponseHeaders().set("Retry-After", "5");
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            Headers responseHeaders = exchange.getResponseHeaders();
            exchange.getRequestHeaders().forEach((name, values) -> responseHeaders.put("X-Echo-" + name, values));
            responseHeaders.set("Content-Type", "text/plain");
            byte[] responseBody = rawPathAndQuery.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, responseBody.length);
            exchange.getResponseBody().write(responseBody);
        }
    }

    private void awaitRelease() {
        try {
            releaseSlowResponses.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        releaseSlowResponses.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
