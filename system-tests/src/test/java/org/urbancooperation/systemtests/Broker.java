package org.urbancooperation.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The stack's Kafka broker as an outside client sees it: consumer lag, topics, and every record of a topic. */
final class Broker implements AutoCloseable {

    private final String bootstrap;
    private final Admin admin;

    Broker(String bootstrap) {
        this.bootstrap = bootstrap;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    /**
     * Records not yet consumed by the consumer groups that commit offsets, over every partition assigned to a
     * member of such a group and every partition it committed an offset for (one never committed counts from 0:
     * the services read from the earliest offset).
     */
    @SuppressWarnings("deprecation")
    long lag() {
        try {
            Set<String> groups = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).collect(Collectors.toSet());
            if (groups.isEmpty()) {
                return 0;
            }
            // Per group: the partitions its members are assigned and those it committed offsets for.
            Map<String, Map<TopicPartition, Long>> positions = new HashMap<>();
            for (Map.Entry<String, ConsumerGroupDescription> group : admin.describeConsumerGroups(groups).all()
                    .get(10, TimeUnit.SECONDS).entrySet()) {
                Map<TopicPartition, Long> of = positions.computeIfAbsent(group.getKey(), g -> new HashMap<>());
                for (MemberDescription member : group.getValue().members()) {
                    member.assignment().topicPartitions().forEach(p -> of.putIfAbsent(p, 0L));
                }
            }
            Set<String> committers = new HashSet<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, Long> of = positions.computeIfAbsent(group, g -> new HashMap<>());
                offsets.forEach((partition, offset) -> {
                    if (offset != null) {
                        committers.add(group);
                        of.put(partition, offset.offset());
                    }
                });
            }
            // A group that never commits (the gateway's key cache reads the whole topic with a group of its own
            // and commits nothing) has no lag to wait for.
            positions.keySet().removeIf(group -> !committers.contains(group));
            Set<TopicPartition> partitions = new HashSet<>();
            positions.values().forEach(of -> partitions.addAll(of.keySet()));
            if (partitions.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (Map<TopicPartition, Long> of : positions.values()) {
                for (Map.Entry<TopicPartition, Long> position : of.entrySet()) {
                    lag += Math.max(0, ends.get(position.getKey()).offset() - position.getValue());
                }
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not read the consumer groups' offsets: " + e, e);
        }
    }

    Set<String> topics() {
        try {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not list the topics: " + e, e);
        }
    }

    /** Every record of {@code topic}, from the beginning to its end as of now. */
    List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "hostile-input-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
