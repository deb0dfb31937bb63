package org.urbancooperation.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.codec.ByteArrayCodec;
import reactor.core.publisher.Mono;

/**
 * Buckets in Redis (bucket4j's compare-and-swap proxy manager over lettuce), so that every gateway replica
 * counts against the same buckets. Keys are {@code ucp:gateway:rate-limit:<role>:<settings>:<caller>} and
 * expire once their bucket would be full again (+10 s).
 *
 * <p>Never blocks and never hangs a request: the connection is opened asynchronously (at start and, while
 * Redis is unreachable, again at most once per {@link #RECONNECT_INTERVAL}); commands are rejected at once
 * while disconnected and time out after the store timeout. The filter turns each failure into its
 * open/closed decision. Once connected, lettuce reconnects by itself after an outage.
 */
final class RedisBucketStore implements BucketStore {

    static final Duration RECONNECT_INTERVAL = Duration.ofSeconds(1);
    private static final String KEY_PREFIX = "ucp:gateway:rate-limit:";
    private static final Logger log = LoggerFactory.getLogger(RedisBucketStore.class);

    private final RedisURI uri;
    private final RedisClient client;
    private final Duration timeout;
    /** Bucket proxies by name: concurrent requests of one caller are batched into one Redis exchange. */
    private final Cache<String, AsyncBucketProxy> proxies;

    private final Object connectLock = new Object();
    private volatile CompletableFuture<AsyncProxyManager<byte[]>> proxyManager;
    private volatile long lastConnectAttempt;
    private volatile boolean connectFailureLogged;

    RedisBucketStore(String redisUrl, Duration timeout, int maxBuckets) {
        this.uri = RedisURI.create(redisUrl);
        // Bounds the connection handshake too: a server that accepts but never answers is given up on.
        this.uri.setTimeout(Duration.ofSeconds(2));
        this.timeout = timeout;
        this.client = RedisClient.create();
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // Fail at once while disconnected instead of queueing commands until the reconnect.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
                .build());
        this.proxies = Caffeine.newBuilder().maximumSize(maxBuckets).expireAfterAccess(Duration.ofMinutes(1)).build();
        proxyManager();
    }

    @Override
    public Mono<ConsumptionProbe> tryConsume(RateLimitSubject subject) {
        return Mono.fromFuture(() -> proxyManager().thenCompose(manager -> proxies
                .get(subject.bucketName(), name -> newProxy(manager, name, subject.limit()))
                .tryConsumeAndReturnRemaining(1)));
    }

    @Override
    public Mono<EstimationProbe> estimate(RateLimitSubject subject) {
        return Mono.fromFuture(() -> proxyManager().thenCompose(manager -> proxies
                .get(subject.bucketName(), name -> newProxy(manager, name, subject.limit()))
                .estimateAbilityToConsume(1)));
    }

    private static AsyncBucketProxy newProxy(AsyncProxyManager<byte[]> manager, String name,
            RateLimitProperties.Limit limit) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst()).refillGreedy(limit.requests(), limit.per()))
                .build();
        return manager.builder()
                .withOptimization(Optimizations.batching())
                .build((KEY_PREFIX + name).getBytes(StandardCharsets.UTF_8),
                        () -> CompletableFuture.completedFuture(configuration));
    }

    /** The proxy manager, connecting (again) if there is none and the last attempt is long enough ago. */
    private CompletableFuture<AsyncProxyManager<byte[]>> proxyManager() {
        CompletableFuture<AsyncProxyManager<byte[]>> current = proxyManager;
        if (current != null && !current.isCompletedExceptionally()) {
            return current;
        }
        synchronized (connectLock) {
            current = proxyManager;
            boolean failed = current == null || current.isCompletedExceptionally();
            if (failed && System.nanoTime() - lastConnectAttempt >= RECONNECT_INTERVAL.toNanos()) {
                lastConnectAttempt = System.nanoTime();
                current = connect();
                proxyManager = current;
            }
            return current;
        }
    }

    private CompletableFuture<AsyncProxyManager<byte[]>> connect() {
        return client.connectAsync(ByteArrayCodec.INSTANCE, uri).toCompletableFuture()
                .<AsyncProxyManager<byte[]>>thenApply(connected -> Bucket4jLettuce.casBasedBuilder(connected)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy
                                .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                        .requestTimeout(timeout)
                        .build()
                        .asAsync())
                .whenComplete((manager, failure) -> {
                    if (failure == null) {
                        connectFailureLogged = false;
                        log.info("Rate limits are kept in Redis at {}:{}", uri.getHost(), uri.getPort());
                    } else if (!connectFailureLogged) {
                        connectFailureLogged = true;
                        log.warn("Cannot connect to Redis at {}:{} for the rate limits, retrying every {}: {}",
                                uri.getHost(), uri.getPort(), RECONNECT_INTERVAL, failure.toString());
                    }
                });
    }

    @Override
    public String kind() {
        return "redis";
    }

    @Override
    public void close() {
        // Closes the connection too.
        client.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
