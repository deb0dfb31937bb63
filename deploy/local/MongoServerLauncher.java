/*
 * Runs mongo-java-server with its H2 MVStore file backend as a standalone process, so the local
 * stack has a MongoDB-compatible server without installing MongoDB, and its data survives a restart.
 *
 * Single-file program (Java's source-file mode, no build step):
 *   java -cp "$UCP_HOME/lib/mongo/*" deploy/local/MongoServerLauncher.java <port> <h2-file> [bind-address]
 *
 * It binds to 127.0.0.1 only: the local stack must never be reachable from the network.
 *
 * Durability: a write is acknowledged only after the MVStore has written it to the file (see
 * DurableH2Backend), so a kill -9 of this process loses no acknowledged write. Environment:
 *   UCP_MONGO_COMMIT=per-write (default) | auto   auto: H2's own auto-commit about once a second, as
 *                                                  before; a kill -9 then loses up to the last second
 *   UCP_MONGO_FSYNC=0 (default) | 1               1: also fsync the file before acknowledging, which
 *                                                  survives a crash of the operating system too
 *   UCP_MONGO_CACHE_MB=256 (default)              the MVStore's page cache, on the heap (H2's own default
 *                                                  is 16 MB): with it every unique-index lookup and update
 *                                                  of a store beyond a few thousand documents read pages
 *                                                  from the file again (measured: inserts into 10,000
 *                                                  partnerships 80 ms each with 16 MB, 14 ms with 512 MB)
 */

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.bson.Document;

import io.netty.channel.Channel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
        String commitMode = env("UCP_MONGO_COMMIT", "per-write");
        boolean fsync = "1".equals(env("UCP_MONGO_FSYNC", "0"));
        if (!commitMode.equals("per-write") && !commitMode.equals("auto")) {
            System.err.println("UCP_MONGO_COMMIT must be per-write or auto, not " + commitMode);
            System.exit(2);
        }
        // H2's background thread stays on in both modes: besides its auto-commit (about once a
        // second) it compacts the file. per-write adds a commit before every acknowledgement; a TERM
        // goes through the hook below and loses nothing in either mode.
        int cacheMb;
        try {
            cacheMb = Integer.parseInt(env("UCP_MONGO_CACHE_MB", "256"));
        } catch (NumberFormatException e) {
            cacheMb = -1;
        }
        if (cacheMb < 1) {
            System.err.println("UCP_MONGO_CACHE_MB must be a whole number of megabytes of at least 1");
            System.exit(2);
        }
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb).open();
        H2Backend backend = commitMode.equals("auto") ? new H2Backend(store)
                : new DurableH2Backend(store, fsync);
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
        log(String.format("mongo-java-server listening on %s:%d, H2 file %s, commit %s%s, cache %d MB (ready in %d ms)",
                host, port, file, commitMode, fsync && commitMode.equals("per-write") ? " with fsync" : "", cacheMb,
                (System.nanoTime() - started) / 1_000_000));

        // Netty's threads keep the JVM alive; wait here so main ends only after a clean stop.
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The H2 backend with a commit of the MVStore after every command that may have written, before
     * the server sends the answer: mongo-java-server's handler writes the reply only after
     * {@code handleCommand} returns, so an acknowledged write is in the file (the operating system's
     * page cache; with fsync on the disk). Commands known to only read commit nothing, so reads stay
     * as fast as before; an unknown command counts as a write.
     * <p>
     * Concurrent writers group-commit: {@code MVStore.commit()} takes the store lock and stores every
     * change made before it got the lock, so a writer that waited behind another's commit usually
     * finds nothing left to store. H2's background thread stores asynchronously (through its
     * serialization and save executors) and may have taken this writer's change into a chunk that is
     * not written yet; {@code executeFilestoreOperation} drains both executors before it returns.
     */
    static final class DurableH2Backend extends H2Backend {

        private static final Set<String> READ_ONLY = Set.of("find", "getmore", "count", "distinct",
                "listcollections", "listindexes", "listdatabases", "ping", "ismaster", "hello", "buildinfo",
                "whatsmyuri", "serverstatus", "dbstats", "collstats", "killcursors", "endsessions",
                "getparameter", "getlog", "hostinfo", "getcmdlineopts", "connectionstatus", "getlasterror",
                "getfreemonitoringstatus", "explain", "saslstart", "saslcontinue");

        private final boolean fsync;

        DurableH2Backend(MVStore store, boolean fsync) {
            super(store);
            this.fsync = fsync;
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                // Also after a failed command: an ordered insertMany that stops at a duplicate key has
                // stored, and reports, the documents before it.
                if (mayWrite(command, query)) {
                    commitDurably();
                }
            }
        }

        private static boolean mayWrite(String command, Document query) {
            String name = command.toLowerCase(Locale.ROOT);
            if (name.equals("aggregate")) {
                // $out and $merge write; every other stage only reads.
                return query.get("pipeline") instanceof List<?> stages && stages.stream()
                        .anyMatch(stage -> stage instanceof Document d
                                && (d.containsKey("$out") || d.containsKey("$merge")));
            }
            return !READ_ONLY.contains(name);
        }

        private void commitDurably() {
            // On a closed store (stopping, or H2 gave up after an I/O error) commit() does nothing, but
            // executeFilestoreOperation throws: the client gets an error, never an acknowledgement.
            var store = getMvStore();
            store.commit();
            store.executeFilestoreOperation(() -> {
                if (fsync) {
                    store.sync();
                }
            });
        }
    }

    private static void log(String message) {
        System.out.println(java.time.Instant.now() + " [MongoServerLauncher] " + message);
        System.out.flush();
    }
}
