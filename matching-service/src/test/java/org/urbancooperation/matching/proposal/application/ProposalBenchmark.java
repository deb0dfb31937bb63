package org.urbancooperation.matching.proposal.application;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.matching.opportunity.domain.Opportunity;
import org.urbancooperation.matching.opportunity.persistence.MongoOpportunityRepository;
import org.urbancooperation.matching.profile.persistence.MongoBusinessProfileRepository;
import org.urbancooperation.matching.proposal.persistence.RepositoryBusinessDirectory;
import org.urbancooperation.matching.proposal.persistence.RepositoryOpportunityDirectory;
import org.urbancooperation.matching.proposal.persistence.index.LuceneCandidateIndex;
import org.urbancooperation.matching.synthetic.persistence.SyntheticDataLoader;
import org.urbancooperation.matching.synthetic.application.SyntheticMatchingData;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.outbox.OutboxEntries;
import org.urbancooperation.support.outbox.OutboxProperties;
import org.urbancooperation.support.outbox.OutboxRelay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The matching engine's benchmark (not a test; {@code benchmarks/matching/proposal-benchmark.sh} runs it): for each
 * size, that many synthetic published opportunities stored in mongo-java-server's memory backend, then the time to
 * build the index from the database, the index's heap per opportunity, the latency of the top 10 proposals for new
 * opportunities (not in the index: as the moment one is published), single-threaded, and proposals per second from
 * several threads at once. The proposals are the endpoint's work without HTTP: candidates, rules, and the database
 * reads of the 10 shown (their opportunity and profile).
 * <p>
 * Arguments: sizes (comma-separated, default 10000,100000), queries per measurement (default 2000), threads
 * (default 4).
 */
public final class ProposalBenchmark {

    private static final long SEED = 13;

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        System.out.printf("machine: %d cores, %s, JDK %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                cpuModel(), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        for (int size : sizes) {
            run(size, queries, threads);
        }
    }

    private static void run(int size, int queries, int threads) throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            Clock clock = Clock.systemUTC();
            var database = client.getDatabase("benchmark");
            // The relay is never started: the outboxes stay in the documents, as on a service whose broker is away.
            OutboxRelay relay = new OutboxRelay(null, new OutboxProperties(null, null, 0, null, false, null), clock,
                    new SimpleMeterRegistry());
            AggregateStores stores = new AggregateStores(database,
                    new OutboxEntries(new IntegrationEventMapper(), "matching-service", clock), relay);
            var opportunities = new MongoOpportunityRepository(stores);
            var profiles = new MongoBusinessProfileRepository(stores);
            long seeding = System.nanoTime();
            new SyntheticDataLoader(profiles, opportunities, clock).load(SEED, size);
            System.out.printf("%n== %,d published opportunities (stored in %.1f s)%n", size,
                    (System.nanoTime() - seeding) / 1e9);

            // Rebuild from the database, as at every start; the best of three.
            long best = Long.MAX_VALUE;
            LuceneCandidateIndex index = null;
            KnownMatchableBusinesses businesses = null;
            for (int round = 0; round < 3; round++) {
                if (index != null) {
                    index.close();
                }
                index = new LuceneCandidateIndex();
                businesses = new KnownMatchableBusinesses();
                ProposalService service = service(opportunities, profiles, index, businesses, clock);
                long started = System.nanoTime();
                service.rebuild(index);
                index.candidatesFor(opportunities.find(firstId(opportunities)).orElseThrow().aggregate(), 1);
                best = Math.min(best, System.nanoTime() - started);
            }
            System.out.printf("index rebuilt from the database: %.2f s (best of 3; %,d opportunities, %,d businesses)%n",
                    best / 1e9, index.size(), businesses.size());

            long reading = System.nanoTime();
            List<Opportunity> stored = new ArrayList<>(size);
            opportunities.forEachPublished(v -> stored.add(v.aggregate()));
            int[] profileCount = {0};
            profiles.forEach(v -> profileCount[0]++);
            long indexing = System.nanoTime();
            try (LuceneCandidateIndex alone = new LuceneCandidateIndex()) {
                stored.forEach(o -> alone.apply(o, 2));
                alone.candidatesFor(stored.get(0), 1);
            }
            System.out.printf("  of which reading %,d opportunities and %,d profiles from the database: %.2f s, "
                    + "indexing them: %.2f s%n", stored.size(), profileCount[0], (indexing - reading) / 1e9,
                    (System.nanoTime() - indexing) / 1e9);
            stored.clear();

            heapPerOpportunity(opportunities, profiles, clock);

            ProposalService service = service(opportunities, profiles, index, businesses, clock);
            // New opportunities, as just published: drafted from another seed, not in the index.
            List<Opportunity> fresh = new ArrayList<>();
            SyntheticMatchingData.Dataset other = new SyntheticMatchingData(SEED + 1).generate(Math.min(size, 1000),
                    clock.instant());
            Instant now = clock.instant();
            for (var o : other.opportunities()) {
                fresh.add(Opportunity.draft(o.id(), o.businessId(), o.input(), now).aggregate().publish(now).aggregate());
            }
            for (int i = 0; i < Math.max(500, queries / 2); i++) {
                service.propose(fresh.get(i % fresh.size()), 10);
            }
            long[] nanos = new long[queries];
            int shown = 0;
            for (int i = 0; i < queries; i++) {
                long started = System.nanoTime();
                shown += service.propose(fresh.get(i % fresh.size()), 10).size();
                nanos[i] = System.nanoTime() - started;
            }
            Arrays.sort(nanos);
            System.out.printf("top 10 for a new opportunity, 1 thread, %,d requests: p50 %.2f ms, p99 %.2f ms, max %.2f ms"
                    + " (%.1f proposals per request)%n", queries, nanos[queries / 2] / 1e6,
                    nanos[(int) Math.ceil(queries * 0.99) - 1] / 1e6, nanos[queries - 1] / 1e6,
                    (double) shown / queries);

            long[] indexNanos = new long[queries];
            for (int i = 0; i < queries; i++) {
                long begun = System.nanoTime();
                index.candidatesFor(fresh.get(i % fresh.size()), ProposalService.CANDIDATE_POOL);
                indexNanos[i] = System.nanoTime() - begun;
            }
            Arrays.sort(indexNanos);
            System.out.printf("  of which the index's %d candidates with their text similarity: p50 %.2f ms, p99 %.2f ms%n",
                    ProposalService.CANDIDATE_POOL, indexNanos[queries / 2] / 1e6,
                    indexNanos[(int) Math.ceil(queries * 0.99) - 1] / 1e6);

            ExecutorService pool = Executors.newFixedThreadPool(threads);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger requests = new AtomicInteger();
            long started = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < queries * 2; i = next.getAndIncrement()) {
                        service.propose(fresh.get(i % fresh.size()), 10);
                        requests.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            pool.shutdown();
            System.out.printf("%d threads: %,d requests in %.1f s: %.0f requests (top 10) per second%n", threads,
                    requests.get(), seconds, requests.get() / seconds);
            index.close();
        } finally {
            server.shutdownNow();
        }
    }

    /** The heap an index and the memory of businesses built from the database keep, nothing else held. */
    private static void heapPerOpportunity(MongoOpportunityRepository opportunities,
            MongoBusinessProfileRepository profiles, Clock clock) throws Exception {
        long before = usedAfterGc();
        LuceneCandidateIndex index = new LuceneCandidateIndex();
        KnownMatchableBusinesses businesses = new KnownMatchableBusinesses();
        service(opportunities, profiles, index, businesses, clock).rebuild(index);
        index.candidatesFor(opportunities.find(firstId(opportunities)).orElseThrow().aggregate(), 1);
        long after = usedAfterGc();
        System.out.printf("heap of the index and its facts: %.1f MB, %.0f bytes per opportunity (%,d held, and "
                + "%,d businesses)%n", (after - before) / 1048576.0, (double) (after - before) / index.size(),
                index.size(), businesses.size());
        index.close();
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static java.util.UUID firstId(MongoOpportunityRepository opportunities) {
        java.util.UUID[] first = {null};
        opportunities.forEachPublished(v -> {
            if (first[0] == null) {
                first[0] = v.aggregate().id();
            }
        });
        return first[0];
    }

    private static ProposalService service(MongoOpportunityRepository opportunities,
            MongoBusinessProfileRepository profiles, LuceneCandidateIndex index, KnownMatchableBusinesses businesses,
            Clock clock) {
        return new ProposalService(new RepositoryOpportunityDirectory(opportunities),
                new RepositoryBusinessDirectory(profiles), index, businesses, (a, b) -> false,
                new ProposalMetrics(new SimpleMeterRegistry(), index, businesses), clock);
    }

    private static String cpuModel() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 2))
                    .orElse("unknown CPU");
        } catch (java.io.IOException e) {
            return "unknown CPU";
        }
    }
}
