import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load side of issue 10's measuring commands (JDK only: {@code java PipelineProbe.java ...}); the stack is
 * started and killed by {@code latency.sh} and {@code fault-check.sh} beside it. Every call goes through the gateway
 * on loopback with the operator's API key.
 *
 * <pre>
 * java PipelineProbe.java seed     &lt;gateway&gt; &lt;keyFile&gt; &lt;count&gt;
 * java PipelineProbe.java latency  &lt;gateway&gt; &lt;keyFile&gt; &lt;rate/s&gt; &lt;seconds&gt;
 * java PipelineProbe.java fault    &lt;gateway&gt; &lt;keyFile&gt; &lt;rate/s&gt; &lt;maxSeconds&gt; &lt;stopFile&gt; &lt;convergeSeconds&gt;
 * </pre>
 *
 * Command: {@code POST /api/v1/partnerships} (a new partnership). Read-model probe: {@code POST /api/v1/events} for
 * that partnership, sent as soon as the command answered 201 and repeated on 422 (unknown partnership). event-service
 * waits up to {@code ucp.read-models.reference-wait} (3 s) for a fresh id and answers the moment its consumer applies
 * the PartnershipEstablished, so the probe's 201 proves the read model has it. "Command → read model" is the time
 * from the command's scheduled send to that 201: an upper bound, as it includes the probe's own round trip.
 * The schedule is open loop: command i is due at start + i/rate whether or not earlier ones answered, and latencies
 * count from when it was due (no coordinated omission).
 */
public class PipelineProbe {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
    static String gateway;
    static String key;
    static final AtomicInteger SEQ = new AtomicInteger();
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    public static void main(String[] args) throws Exception {
        if (args[0].equals("ports")) { // n free loopback ports, held until all are picked (as LocalStack does)
            List<java.net.ServerSocket> held = new ArrayList<>();
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < Integer.parseInt(args[1]); i++) {
                java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                held.add(socket);
                out.append(socket.getLocalPort()).append(' ');
            }
            for (java.net.ServerSocket socket : held) {
                socket.close();
            }
            System.out.println(out.toString().strip());
            return;
        }
        gateway = args[1];
        key = Files.readString(Path.of(args[2])).strip();
        switch (args[0]) {
            case "seed" -> seed(Integer.parseInt(args[3]));
            case "latency" -> latency(Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "fault" -> fault(Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]),
                    Integer.parseInt(args[6]));
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(0);
    }

    // --- HTTP -------------------------------------------------------------------------------------------------------

    static HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("X-Api-Key", key).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static int get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                    .header("X-Api-Key", key).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static String partnershipJson() {
        return "{\"name\":\"Bench " + RUN + "-" + SEQ.incrementAndGet() + "\",\"establishedOn\":\"2019-08-27\","
                + "\"cities\":[{\"name\":\"Essen\",\"countryCode\":\"DE\",\"timeZone\":\"Europe/Berlin\"},"
                + "{\"name\":\"Koriyama\",\"countryCode\":\"JP\",\"timeZone\":\"Asia/Tokyo\"}]}";
    }

    static String eventJson(String partnership) {
        return "{\"partnershipIds\":[\"" + partnership + "\"],\"title\":\"Probe "
                + SEQ.incrementAndGet() + "\",\"kind\":\"STUDY_TOUR\",\"startsAt\":\"2019-08-26T07:00:00Z\","
                + "\"endsAt\":\"2019-08-30T15:00:00Z\",\"timeZone\":\"Europe/Berlin\",\"timeZones\":[\"Asia/Tokyo\"],"
                + "\"languages\":[\"de\",\"ja\"]}";
    }

    static String matchingJson(String partnership) {
        return "{\"partnershipId\":\"" + partnership + "\",\"title\":\"Probe " + SEQ.incrementAndGet() + "\","
                + "\"startsAt\":\"2020-11-18T08:00:00Z\",\"endsAt\":\"2020-11-18T11:00:00Z\",\"slotMinutes\":30}";
    }

    /** The new partnership's id, or null when the command was not acknowledged (any status but 201, or no answer). */
    static String create(Map<Integer, AtomicInteger> statuses) {
        int status;
        String id = null;
        try {
            HttpResponse<String> response = post("/api/v1/partnerships", partnershipJson());
            status = response.statusCode();
            if (status == 201) {
                Matcher m = ID.matcher(response.body());
                if (m.find()) {
                    id = m.group(1);
                } else {
                    status = -201; // acknowledged but no id in the body: count as a failure to read
                }
            }
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
        }
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        return id;
    }

    /** Posts to path until 201 (true) or until the deadline (false); 422 and errors are retried after a pause. */
    static boolean untilCreated(String path, String json, long deadlineNanos) {
        while (System.nanoTime() < deadlineNanos) {
            try {
                int status = post(path, json).statusCode();
                if (status == 201) {
                    return true;
                }
            } catch (IOException e) {
                // stack part down: try again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            sleep(200);
        }
        return false;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- seed -------------------------------------------------------------------------------------------------------

    /** count partnerships through the API, 16 at a time, then waits until event-service knows the last one. */
    static void seed(int target) throws Exception {
        int count = Math.max(0, target - stored());
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < count; i++) {
            pool.execute(() -> {
                String id = create(statuses);
                if (id != null) {
                    ids.add(id);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - started) / 1e9;
        // the pipeline has caught up with the seeding when a command made now reaches the read model fast
        String last = create(statuses);
        boolean known = last != null && untilCreated("/api/v1/events", eventJson(last), System.nanoTime() + 300_000_000_000L);
        addStored(ids.size() + (last != null ? 1 : 0));
        if (known) {
            System.out.println("TEMPLATE|" + last); // applied everywhere: DirectSeed may copy it
        }
        System.out.printf("seeded %d partnerships in %.1f s (%.0f/s), statuses %s; pipeline caught up in %.1f s more: %s%n",
                ids.size(), seconds, ids.size() / seconds, statuses, (System.nanoTime() - started) / 1e9 - seconds, known);
    }

    /** How many partnerships this stack holds (made by this program), kept in $PIPELINE_COUNT_FILE across runs. */
    static int stored() throws IOException {
        String file = System.getenv("PIPELINE_COUNT_FILE");
        return file == null || !Files.exists(Path.of(file)) ? 0 : Integer.parseInt(Files.readString(Path.of(file)).strip());
    }

    static void addStored(int more) throws IOException {
        String file = System.getenv("PIPELINE_COUNT_FILE");
        if (file != null) {
            Files.writeString(Path.of(file), Integer.toString(stored() + more));
        }
    }

    // --- latency ----------------------------------------------------------------------------------------------------

    /**
     * PROBE=metrics (latency.sh's default): no probe requests. Each consumer's own histogram
     * ucp_events_applied_age_seconds{type="partnership.PartnershipEstablished"} (event occurredAt -> applied) is
     * scraped from event-service and matching-service (EVENT_PORT, MATCHING_PORT, on loopback) before and after the
     * rate's commands; the quantiles of the difference are the read models' lag for exactly these commands, without
     * adding load. PROBE=event: the probe request per command described above (twice the writes).
     */
    static final boolean PROBE_EVENTS = "event".equals(System.getenv().getOrDefault("PROBE", "metrics"));
    static final String APPLIED_AGE = "ucp_events_applied_age_seconds_bucket";
    static final String ESTABLISHED = "partnership.PartnershipEstablished";

    /** Cumulative bucket counts by upper bound (seconds) of the consumer's applied-age histogram for the type. */
    static java.util.TreeMap<Double, Double> appliedAgeBuckets(String portVariable) throws Exception {
        String port = System.getenv(portVariable);
        HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        java.util.TreeMap<Double, Double> buckets = new java.util.TreeMap<>();
        Pattern line = Pattern.compile("(?m)^" + APPLIED_AGE + "\\{([^}]*)} (\\S+)$");
        Matcher matcher = line.matcher(scrape.body());
        while (matcher.find()) {
            String labels = matcher.group(1);
            if (!labels.contains("type=\"" + ESTABLISHED + "\"")) {
                continue;
            }
            Matcher le = Pattern.compile("le=\"([^\"]+)\"").matcher(labels);
            if (le.find()) {
                double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                buckets.merge(bound, Double.parseDouble(matcher.group(2)), Double::sum);
            }
        }
        return buckets;
    }

    static double count(java.util.TreeMap<Double, Double> buckets) {
        return buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
    }

    /** As Prometheus' histogram_quantile: linear within the bucket that holds the quantile; in ms. */
    static double quantileMillis(java.util.TreeMap<Double, Double> before, java.util.TreeMap<Double, Double> after, double q) {
        double total = count(after) - count(before);
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            double cumulative = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (cumulative >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lowerBound * 1000; // beyond the last finite bucket: its bound, a lower bound
                }
                double inBucket = cumulative - lowerCount;
                double fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
                return (lowerBound + (bucket.getKey() - lowerBound) * fraction) * 1000;
            }
            lowerBound = bucket.getKey();
            lowerCount = cumulative;
        }
        return Double.NaN;
    }

    static void latency(int rate, int seconds) throws Exception {
        java.util.TreeMap<Double, Double> eventsBefore = PROBE_EVENTS ? null : appliedAgeBuckets("EVENT_PORT");
        java.util.TreeMap<Double, Double> matchingBefore = PROBE_EVENTS ? null : appliedAgeBuckets("MATCHING_PORT");
        int total = rate * seconds;
        long[] http = new long[total];
        long[] readModel = new long[total];
        java.util.Arrays.fill(http, -1);
        java.util.Arrays.fill(readModel, -1);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        // at most 2,000 commands in flight: beyond that the stack is hopelessly behind and the run says so
        Semaphore inFlight = new Semaphore(2000);
        AtomicInteger dropped = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (!inFlight.tryAcquire()) {
                dropped.incrementAndGet();
                continue;
            }
            int n = i;
            pool.execute(() -> {
                try {
                    String id = create(statuses);
                    http[n] = System.nanoTime() - due;
                    if (PROBE_EVENTS && id != null
                            && untilCreated("/api/v1/events", eventJson(id), System.nanoTime() + 60_000_000_000L)) {
                        readModel[n] = System.nanoTime() - due;
                    }
                } finally {
                    inFlight.release();
                }
            });
        }
        long sentFor = System.nanoTime() - start;
        pool.shutdown();
        boolean finished = pool.awaitTermination(120, TimeUnit.SECONDS);
        int acknowledged = statuses.getOrDefault(201, new AtomicInteger()).get();
        int failed = total - dropped.get() - acknowledged;
        addStored(acknowledged);
        System.out.printf("rate %d/s for %d s (sent in %.1f s): sent %d, acknowledged %d, failed %d, not sent (2,000 in flight) %d,"
                + " statuses %s%s%n", rate, seconds, sentFor / 1e9, total - dropped.get(), acknowledged, failed, dropped.get(),
                statuses, finished ? "" : " (some still running after 120 s)");
        System.out.println("  HTTP (command)        " + summary(http));
        if (PROBE_EVENTS) {
            System.out.println("  command -> read model " + summary(readModel));
            System.out.printf("RESULT|%d|%d|%d|%d|%s|%s%n", rate, total - dropped.get(), acknowledged, failed,
                    summaryCells(http), summaryCells(readModel));
            return;
        }
        // Until both consumers have applied every acknowledged command (or 300 s), then the difference of the scrapes.
        long deadline = System.nanoTime() + 300_000_000_000L;
        java.util.TreeMap<Double, Double> eventsAfter;
        java.util.TreeMap<Double, Double> matchingAfter;
        do {
            Thread.sleep(500);
            eventsAfter = appliedAgeBuckets("EVENT_PORT");
            matchingAfter = appliedAgeBuckets("MATCHING_PORT");
        } while ((count(eventsAfter) - count(eventsBefore) < acknowledged || count(matchingAfter) - count(matchingBefore) < acknowledged)
                && System.nanoTime() < deadline);
        String events = ageCells(eventsBefore, eventsAfter);
        String matching = ageCells(matchingBefore, matchingAfter);
        System.out.println("  occurred -> applied, event-service     n|p50|p95|p99 ms: " + events);
        System.out.println("  occurred -> applied, matching-service  n|p50|p95|p99 ms: " + matching);
        System.out.printf("RESULT|%d|%d|%d|%d|%s|%s|%s%n", rate, total - dropped.get(), acknowledged, failed,
                summaryCells(http), events, matching);
    }

    static String ageCells(java.util.TreeMap<Double, Double> before, java.util.TreeMap<Double, Double> after) {
        return String.format("%.0f|%.1f|%.1f|%.1f", count(after) - count(before), quantileMillis(before, after, 0.50),
                quantileMillis(before, after, 0.95), quantileMillis(before, after, 0.99));
    }

    static long[] done(long[] nanos) {
        return java.util.Arrays.stream(nanos).filter(v -> v >= 0).sorted().toArray();
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static String summary(long[] nanos) {
        long[] s = done(nanos);
        return String.format("n %d  p50 %.1f  p95 %.1f  p99 %.1f  max %.1f ms", s.length, pct(s, 50), pct(s, 95),
                pct(s, 99), pct(s, 100));
    }

    static String summaryCells(long[] nanos) {
        long[] s = done(nanos);
        return String.format("%d|%.0f|%.0f|%.0f|%.0f", s.length, pct(s, 50), pct(s, 95), pct(s, 99), pct(s, 100));
    }

    // --- fault ------------------------------------------------------------------------------------------------------

    static void fault(int rate, int maxSeconds, Path stopFile, int convergeSeconds) throws Exception {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, String> answeredAt = new ConcurrentHashMap<>(); // id -> when the 201 came, s after the load began
        AtomicInteger sent = new AtomicInteger();
        Semaphore inFlight = new Semaphore(2000);
        ExecutorService pool = Executors.newCachedThreadPool();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long end = start + maxSeconds * 1_000_000_000L;
        for (long i = 0; ; i++) {
            long due = start + i * periodNanos;
            if (due >= end || Files.exists(stopFile)) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (!inFlight.tryAcquire()) {
                continue;
            }
            sent.incrementAndGet();
            pool.execute(() -> {
                try {
                    String id = create(statuses);
                    if (id != null) {
                        acknowledged.add(id);
                        answeredAt.put(id, String.format("%.1f s (clock %s)", (System.nanoTime() - start) / 1e9,
                                java.time.Instant.now()));
                    }
                } finally {
                    inFlight.release();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("load: %d/s for %.1f s: sent %d, acknowledged (201) %d, statuses %s%n", rate, loadSeconds,
                sent.get(), acknowledged.size(), statuses);

        long loadEnded = System.nanoTime();
        long deadline = loadEnded + convergeSeconds * 1_000_000_000L;
        ExecutorService checks = Executors.newFixedThreadPool(8);
        AtomicInteger stored = new AtomicInteger();
        AtomicInteger inEvents = new AtomicInteger();
        AtomicInteger inMatching = new AtomicInteger();
        Set<String> missing = ConcurrentHashMap.newKeySet();
        long[] lastApplied = {loadEnded};
        for (String id : acknowledged) {
            checks.execute(() -> {
                boolean found = false;
                while (!found && System.nanoTime() < deadline) {
                    int status = get("/api/v1/partnerships/" + id);
                    found = status == 200;
                    if (!found) {
                        if (status == 404) {
                            break; // stored nowhere: lost
                        }
                        sleep(500);
                    }
                }
                if (!found) {
                    missing.add(id);
                    return;
                }
                stored.incrementAndGet();
                boolean event = untilCreated("/api/v1/events", eventJson(id), deadline);
                boolean matching = untilCreated("/api/v1/matching/events", matchingJson(id), deadline);
                if (event) {
                    inEvents.incrementAndGet();
                }
                if (matching) {
                    inMatching.incrementAndGet();
                }
                synchronized (lastApplied) {
                    lastApplied[0] = Math.max(lastApplied[0], System.nanoTime());
                }
            });
        }
        checks.shutdown();
        checks.awaitTermination(convergeSeconds + 120L, TimeUnit.SECONDS);
        int lost = acknowledged.size() - stored.get();
        int notApplied = Math.max(stored.get() - inEvents.get(), stored.get() - inMatching.get());
        System.out.printf("sent %d, acknowledged %d, stored %d, applied in event-service %d, applied in matching-service %d,"
                        + " lost %d, not applied %d; converged %.1f s after the load ended (checks take part of that)%n",
                sent.get(), acknowledged.size(), stored.get(), inEvents.get(), inMatching.get(), lost, notApplied,
                (lastApplied[0] - loadEnded) / 1e9);
        if (!missing.isEmpty()) {
            missing.forEach(id -> System.out.println("lost: " + id + ", acknowledged " + answeredAt.get(id)
                    + " after the load began"));
        }
        System.out.printf("RESULT|%d|%d|%d|%d|%d|%d|%.1f%n", sent.get(), acknowledged.size(), stored.get(), inEvents.get(),
                inMatching.get(), lost, (lastApplied[0] - loadEnded) / 1e9);
        System.exit(lost == 0 && notApplied == 0 ? 0 : 1);
    }
}
