/*
 * Runs mongo-java-server with its H2 MVStore file backend as a standalone process, so the local
 * stack has a MongoDB-compatible server without installing MongoDB, and its data survives a restart.
 *
 * Single-file program (Java's source-file mode, no build step):
 *   java -cp "$UCP_HOME/lib/mongo/*" deploy/local/MongoServerLauncher.java <port> <h2-file> [bind-address]
 *
 * It binds to 127.0.0.1 only: the local stack must never be reachable from the network.
 */

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

public class MongoServerLauncher {

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: MongoServerLauncher <port> <h2-file> [bind-address, default 127.0.0.1]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]).toAbsolutePath();
        String host = args.length == 3 ? args[2] : "127.0.0.1";

        Files.createDirectories(file.getParent());
        long started = System.nanoTime();
        // The file-backed store opens with H2's auto-commit (about once a second), so even a
        // KILL loses at most the last second; a TERM goes through the hook below and loses nothing.
        H2Backend backend = new H2Backend(file.toString());
        MongoServer server = new MongoServer(backend);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping (signal received)");
            try {
                // Stops accepting, closes client connections, then closes the backend.
                server.shutdown();
            } catch (RuntimeException e) {
                log("error while stopping the server: " + e);
            } finally {
                // shutdown() already closes the backend; this is the guarantee that the last
                // changes reach the file even if the netty shutdown failed half-way.
                if (!backend.getMvStore().isClosed()) {
                    backend.close();
                }
                log("stopped; data flushed to " + file);
                stopped.countDown();
            }
        }, "mongo-shutdown"));

        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            log("cannot listen on " + host + ":" + port + ": " + e);
            System.exit(1);
        }
        log(String.format("mongo-java-server listening on %s:%d, H2 file %s (ready in %d ms)",
                host, port, file, (System.nanoTime() - started) / 1_000_000));

        // Netty's threads keep the JVM alive; wait here so main ends only after a clean stop.
        stopped.await();
    }

    private static void log(String message) {
        System.out.println(java.time.Instant.now() + " [MongoServerLauncher] " + message);
        System.out.flush();
    }
}
