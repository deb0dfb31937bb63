package org.urbancooperation.support.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Plain Kafka clients for tests: read a topic from the start, write raw records. */
public final class KafkaTestClients {

    private KafkaTestClients() {
    }

    /** Reads records from the beginning of {@code topic} until {@code expected} arrived or the time is up. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic, int expected,
            Duration timeout) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (records.size() < expected && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // A little longer, so that an unexpected extra record (a duplicate) would be seen too.
            Instant settle = Instant.now().plus(Duration.ofMillis(500));
            while (Instant.now().isBefore(settle)) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }

    /** The records of one aggregate (by key) on a topic that other tests share, waiting up to 20 s for them. */
    public static List<ConsumerRecord<String, byte[]>> readWithKey(String bootstrapServers, String topic, String key,
            int expected) {
        List<ConsumerRecord<String, byte[]>> mine = List.of();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (mine.size() < expected && Instant.now().isBefore(deadline)) {
            mine = readAll(bootstrapServers, topic, Integer.MAX_VALUE, Duration.ofSeconds(1)).stream()
                    .filter(r -> key.equals(r.key())).toList();
        }
        return mine;
    }

    public static KafkaTemplate<String, byte[]> rawTemplate(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new ByteArraySerializer()));
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
