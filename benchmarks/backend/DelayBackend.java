import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The benchmark's stand-in for a domain service: an HTTP/1.1 server on 127.0.0.1 that answers any GET
 * (or HEAD) with a small partnership-like JSON document (about 200 bytes) after a fixed delay, and
 * anything else with 405. JDK only.
 *
 * <p>The delay never holds a thread: the handler hands the exchange to a scheduler and returns, and the
 * scheduler sends the answer when the delay is over. With a 20 ms delay, N connections therefore get close
 * to N / 0.020 answers per second (64 connections: about 3 200/s) however few threads there are. With
 * delay 0 the handler answers at once.
 *
 * <p>Usage: {@code java benchmarks/backend/DelayBackend.java <port> <delayMs> [threads]} (threads: the
 * HTTP handler and scheduler pool size each, default 2). Stops on SIGTERM/Ctrl-C.
 */
public class DelayBackend {

    private static final byte[] BODY = ("{\"id\":\"6f1c2a4e-8b3d-4c5e-9f70-a1b2c3d4e5f6\",\"title\":\"Hydrogen buses "
            + "for Essen and Koriyama\",\"partnerOrganisations\":[\"city-of-essen\",\"city-of-koriyama\"],"
            + "\"status\":\"ACTIVE\",\"startsOn\":\"2026-04-01\",\"version\":3}").getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("Usage: java DelayBackend.java <port> <delayMs> [threads]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        long delayMs = Long.parseLong(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        // Without TCP_NODELAY, a response written as headers + body can wait for the client's delayed ACK
        // (Nagle): tens of milliseconds that would be the backend's, not the gateway's.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // Keep every benchmark connection open between requests (default: 200 idle connections).
        System.setProperty("sun.net.httpserver.maxIdleConnections", "1000");

        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(threads, daemon("delay"));
        ExecutorService handlers = Executors.newFixedThreadPool(threads, daemon("http"));
        AtomicLong answered = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.createContext("/", exchange -> {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(405, -1);
                exchange.close();
                return;
            }
            if (delayMs <= 0) {
                answer(exchange, answered);
            } else {
                // Returns at once; the exchange stays open until the scheduler answers it.
                scheduler.schedule(() -> answer(exchange, answered), delayMs, TimeUnit.MILLISECONDS);
            }
        });
        server.setExecutor(handlers);
        server.start();
        System.out.printf("DelayBackend listening on http://127.0.0.1:%d (delay %d ms, %d threads)%n", port, delayMs,
                threads);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            System.out.printf("DelayBackend on port %d stopped after %d answers%n", port, answered.get());
        }));
    }

    private static void answer(HttpExchange exchange, AtomicLong answered) {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : BODY.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(BODY);
                }
            }
            answered.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            // The client went away: nothing to answer.
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
