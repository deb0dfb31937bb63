package org.urbancooperation.support.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.tools.ToolProvider;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * The local stack's embedded Mongo server ({@code deploy/local/MongoServerLauncher.java}, mongo-java-server
 * with its H2 file backend) keeps every acknowledged write through a kill -9: the launcher is compiled as
 * up.sh compiles it and run as its own process, writers insert and update through the production driver,
 * the process is SIGKILLed in mid-stream, started again on the same file, and every insert and update the
 * driver saw acknowledged must be there.
 * <p>
 * {@link #benchmark()} measures what that costs (docs/benchmarks.md); it runs only with
 * {@code -Ducp.mongo.bench=true}.
 */
class EmbeddedMongoDurabilityTest {

    private static final Path LAUNCHER = repositoryRoot().resolve("deploy/local/MongoServerLauncher.java");

    private static Path classes;
    private static String classpath;

    @TempDir
    Path dataDir;

    private Process server;

    @BeforeAll
    static void compileLauncher(@TempDir Path out) {
        // Only what the launcher needs, like $UCP_HOME/lib/mongo: mongo-java-server, H2, Netty, slf4j.
        classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> {
                    String name = Path.of(entry).getFileName().toString();
                    return name.startsWith("mongo-java-server") || name.startsWith("h2-") || name.startsWith("netty-")
                            || name.startsWith("slf4j-");
                })
                .collect(Collectors.joining(File.pathSeparator));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-nowarn", "-d", out.toString(),
                "-cp", classpath, LAUNCHER.toString());
        assertThat(status).as("javac " + LAUNCHER).isZero();
        classes = out;
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void noAcknowledgedWriteIsLostWhenTheServerIsKilled() throws Exception {
        int port = freePort();
        Path file = dataDir.resolve("ucp.mv");
        // -Ducp.mongo.commit=auto shows that this test sees the loss of H2's auto-commit (it fails then).
        Map<String, String> env = Map.of("UCP_MONGO_COMMIT", System.getProperty("ucp.mongo.commit", "per-write"));
        server = start(port, file, env);

        int writers = 4;
        Set<String> inserted = ConcurrentHashMap.newKeySet();
        Map<Integer, Integer> lastUpdate = new ConcurrentHashMap<>();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(writers);
        try (MongoClient client = client(port)) {
            MongoCollection<Document> items = client.getDatabase("durability").getCollection("items");
            MongoCollection<Document> counters = client.getDatabase("durability").getCollection("counters");
            for (int w = 0; w < writers; w++) {
                int writer = w;
                start(() -> {
                    try {
                        for (int n = 1; !stop.get(); n++) {
                            String id = writer + "-" + n;
                            items.insertOne(new Document("_id", id).append("writer", writer).append("n", n));
                            inserted.add(id);
                            acknowledged.incrementAndGet();
                            counters.updateOne(Filters.eq("_id", writer), Updates.set("n", n),
                                    new com.mongodb.client.model.UpdateOptions().upsert(true));
                            lastUpdate.put(writer, n);
                            acknowledged.incrementAndGet();
                        }
                    } catch (RuntimeException expected) {
                        // the server is gone: this write may or may not have happened; it was not acknowledged
                    } finally {
                        done.countDown();
                    }
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (acknowledged.get() < 2_000 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            // SIGKILL in mid-stream: the writers are still writing.
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            stop.set(true);
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged.get()).isGreaterThanOrEqualTo(500);

        server = start(port, file, env);
        try (MongoClient client = client(port)) {
            MongoCollection<Document> items = client.getDatabase("durability").getCollection("items");
            Set<String> stored = new HashSet<>();
            items.find().projection(new Document("_id", 1)).forEach(d -> stored.add(d.getString("_id")));
            Set<String> lost = new HashSet<>(inserted);
            lost.removeAll(stored);
            assertThat(lost).as("acknowledged inserts missing after kill -9 (of %d)", inserted.size()).isEmpty();

            MongoCollection<Document> counters = client.getDatabase("durability").getCollection("counters");
            for (Map.Entry<Integer, Integer> update : lastUpdate.entrySet()) {
                Document counter = counters.find(Filters.eq("_id", update.getKey())).first();
                assertThat(counter).as("counter of writer %d", update.getKey()).isNotNull();
                assertThat(counter.getInteger("n")).as("counter of writer %d: its last acknowledged update",
                        update.getKey()).isGreaterThanOrEqualTo(update.getValue());
            }
            System.out.printf("kill -9 after %d acknowledged writes (%d inserts): 0 lost%n", acknowledged.get(),
                    inserted.size());
            items.insertOne(new Document("_id", "before-term"));
        }

        // A TERM (down.sh) stops it cleanly through its shutdown hook, and the file opens again.
        server.destroy();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        server = start(port, file, env);
        try (MongoClient client = client(port)) {
            assertThat(client.getDatabase("durability").getCollection("items")
                    .countDocuments(Filters.eq("_id", "before-term"))).isEqualTo(1);
        }
    }

    /**
     * Writes/s and latency of acknowledged writes (insertOne, then updateOne of the same document) and of
     * reads by _id, for H2's auto-commit, a commit per write, and a commit with fsync per write; then a
     * kill -9 after 3 s of writing in each mode, to count what it loses.
     * {@code ./mvnw -B -pl service-support -am verify -Dsurefire.failIfNoSpecifiedTests=false
     * -Dtest=EmbeddedMongoDurabilityTest#benchmark -Ducp.mongo.bench=true}
     */
    @Test
    void benchmark() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("ucp.mongo.bench"), "-Ducp.mongo.bench=true runs it");
        int seconds = Integer.getInteger("ucp.mongo.bench.seconds", 15);
        List<String> lines = new ArrayList<>();
        lines.add("| commit | writers | writes/s | write p50 ms | write p99 ms | reads/s | read p50 ms | read p99 ms |");
        lines.add("|---|---|---|---|---|---|---|---|");
        List<String> losses = new ArrayList<>();
        for (String mode : List.of("auto", "per-write", "per-write+fsync")) {
            Map<String, String> env = Map.of("UCP_MONGO_COMMIT", mode.startsWith("per-write") ? "per-write" : "auto",
                    "UCP_MONGO_FSYNC", mode.endsWith("fsync") ? "1" : "0");
            for (int writers : new int[] {1, 8}) {
                int port = freePort();
                Path file = dataDir.resolve(mode + "-" + writers + ".mv");
                server = start(port, file, env);
                try (MongoClient client = client(port)) {
                    MongoCollection<Document> items = client.getDatabase("bench").getCollection("items");
                    run(items, writers, 3, true); // warm-up
                    Result writes = run(items, writers, seconds, true);
                    Result reads = run(items, writers, Math.max(3, seconds / 3), false);
                    lines.add(String.format(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f |", mode,
                            writers, writes.perSecond(), writes.p50(), writes.p99(), reads.perSecond(), reads.p50(),
                            reads.p99()));
                }
                server.destroy();
                server.waitFor(30, TimeUnit.SECONDS);
            }
            losses.add(mode + ": " + killAndCount(env));
        }
        lines.forEach(System.out::println);
        losses.forEach(l -> System.out.println("kill -9 after 3 s of 8 writers, " + l));
    }

    private String killAndCount(Map<String, String> env) throws Exception {
        int port = freePort();
        Path file = dataDir.resolve("kill-" + env.get("UCP_MONGO_COMMIT") + env.get("UCP_MONGO_FSYNC") + ".mv");
        server = start(port, file, env);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        try (MongoClient client = client(port)) {
            MongoCollection<Document> items = client.getDatabase("bench").getCollection("kill");
            for (int w = 0; w < 8; w++) {
                int writer = w;
                threads.add(start(() -> {
                    try {
                        for (int n = 0; !stop.get(); n++) {
                            String id = writer + "-" + n;
                            items.insertOne(new Document("_id", id));
                            acknowledged.add(id);
                        }
                    } catch (RuntimeException expected) {
                        // killed
                    }
                }));
            }
            Thread.sleep(3_000);
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            stop.set(true);
            for (Thread t : threads) {
                t.join(30_000);
            }
        }
        server = start(port, file, env);
        Set<String> stored = new HashSet<>();
        try (MongoClient client = client(port)) {
            client.getDatabase("bench").getCollection("kill").find()
                    .forEach(d -> stored.add(d.getString("_id")));
        }
        server.destroy();
        server.waitFor(30, TimeUnit.SECONDS);
        long lost = acknowledged.stream().filter(id -> !stored.contains(id)).count();
        return acknowledged.size() + " acknowledged, " + lost + " lost";
    }

    private record Result(double perSecond, double p50, double p99) {
    }

    private static Result run(MongoCollection<Document> items, int threads, int seconds, boolean write)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long[][] perThread = new long[threads][];
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            running.add(start(() -> {
                long[] latencies = new long[1 << 20];
                int count = 0;
                String prefix = (write ? "w" : "r") + thread + "-" + System.nanoTime() + "-";
                while (System.nanoTime() < end && count < latencies.length - 1) {
                    long started = System.nanoTime();
                    if (write) {
                        String id = prefix + count;
                        items.insertOne(new Document("_id", id).append("n", count).append("text", "x".repeat(200)));
                        latencies[count++] = System.nanoTime() - started;
                        started = System.nanoTime();
                        items.updateOne(Filters.eq("_id", id), Updates.set("n", count));
                    } else {
                        items.find(Filters.eq("_id", "absent-" + count % 7)).first();
                    }
                    latencies[count++] = System.nanoTime() - started;
                }
                perThread[thread] = Arrays.copyOf(latencies, count);
            }));
        }
        for (Thread worker : running) {
            worker.join();
        }
        long[] all = Arrays.stream(perThread).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all.length / (double) seconds, all[all.length / 2] / 1e6,
                all[(int) (all.length * 0.99)] / 1e6);
    }

    private static Thread start(Runnable body) {
        Thread thread = new Thread(body);
        thread.start();
        return thread;
    }

    private Process start(int port, Path file, Map<String, String> env) throws IOException, InterruptedException {
        Path log = dataDir.resolve("mongo-" + port + "-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseSerialGC", // as up.sh starts it
                "-cp", classes + File.pathSeparator + classpath, "MongoServerLauncher", String.valueOf(port),
                file.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the launcher exited: " + Files.readString(log));
            }
            if (Files.readString(log).contains("listening on")) {
                return process;
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the launcher did not start within 60 s: " + Files.readString(log));
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(1, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS))
                .retryWrites(false)
                .build());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/local/MongoServerLauncher.java"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("deploy/local/MongoServerLauncher.java not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
