package org.urbancooperation.gateway.security;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.contracts.InvalidIntegrationEventException;

/**
 * Reads the whole {@code access.api-key} topic from the beginning, then follows it, into the
 * {@link ApiKeyCache}. Every gateway replica reads every record (a consumer group of its own, no
 * committed offsets): the cache is a full copy. A revocation reaches every replica within about a
 * second (the poll interval). The gateway is not ready until it has read what was on the topic when
 * it started, so it never refuses a valid key just after a restart.
 */
public class ApiKeyTopicListener implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyTopicListener.class);

    private final ApiKeyCache cache;
    private final IntegrationEventMapper mapper;
    private final Map<String, Object> consumerConfig;
    private final String topic;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread worker;
    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile Map<TopicPartition, Long> endOffsetsAtStart;

    public ApiKeyTopicListener(ApiKeyCache cache, IntegrationEventMapper mapper, String bootstrapServers, String topic,
            Map<String, String> clientSettings) {
        this.cache = cache;
        this.mapper = mapper;
        this.topic = topic;
        // The cluster's own settings (TLS, SASL) first; what makes this reader a full copy wins.
        this.consumerConfig = new HashMap<>(clientSettings);
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "gateway-api-keys-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumerConfig.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 2000);
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "api-key-topic");
        worker.setDaemon(true);
        worker.start();
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            this.consumer = kafka;
            kafka.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (endOffsetsAtStart == null) {
                        endOffsetsAtStart = kafka.endOffsets(partitions);
                    }
                }
            });
            int emptyPolls = 0;
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
                if (!caughtUp) {
                    emptyPolls++;
                    caughtUp = isCaughtUp(kafka, emptyPolls);
                    if (caughtUp) {
                        cache.markLoaded();
                        log.info("API keys loaded: {} active", cache.size());
                    }
                }
            }
        } catch (WakeupException e) {
            // stop() woke us up
        } catch (RuntimeException e) {
            log.error("API key listener stopped: {}", e.toString());
        }
    }

    private boolean isCaughtUp(KafkaConsumer<String, byte[]> kafka, int emptyPolls) {
        Map<TopicPartition, Long> ends = endOffsetsAtStart;
        if (ends == null) {
            if (emptyPolls < 4) {
                return false;
            }
            // No partitions yet: ready only if the broker answers that the topic does not exist
            // (no keys issued so far), never merely because the broker cannot be reached.
            try {
                return kafka.partitionsFor(topic, Duration.ofSeconds(2)).isEmpty();
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                return false;
            }
        }
        return ends.entrySet().stream().allMatch(e -> kafka.position(e.getKey()) >= e.getValue());
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            cache.apply(mapper.fromBytes(record.value()));
        } catch (InvalidIntegrationEventException | IllegalArgumentException e) {
            // Validated by its producer already; a record we cannot read must not stop the others.
            log.warn("Skipped unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        Thread thread = worker;
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    Map<String, Object> consumerConfig() {
        return Map.copyOf(consumerConfig);
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public Health health() {
        return caughtUp ? Health.up().withDetail("activeKeys", cache.size()).build()
                : Health.outOfService().withDetail("reason", "still reading " + topic).build();
    }
}
