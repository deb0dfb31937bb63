package org.urbancooperation.support.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.contracts.IntegrationEventSchemas;
import org.urbancooperation.contracts.IntegrationEventType;
import org.urbancooperation.contracts.InvalidIntegrationEventException;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.support.messaging.EventEnvelopeSerde;
import org.urbancooperation.support.messaging.IntegrationEventDispatcher;
import org.urbancooperation.support.messaging.IntegrationEventHandler;
import org.urbancooperation.support.messaging.IntegrationEventSubscriptions;
import org.urbancooperation.support.messaging.MessagingProperties;
import org.urbancooperation.support.mongo.AggregateStores;
import org.urbancooperation.support.mongo.MongoErrors;
import org.urbancooperation.support.outbox.OutboxEntries;
import org.urbancooperation.support.outbox.OutboxProperties;
import org.urbancooperation.support.outbox.OutboxRelay;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Integration events for every service: the outbox relay (producer side) and the subscriptions of
 * the service's {@link IntegrationEventHandler}s (consumer side) with retries and dead letters.
 * Replaces Boot's Kafka producer and consumer factories so serializers are the contracts' own.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class, after = MongoPlatformAutoConfiguration.class)
@EnableConfigurationProperties({OutboxProperties.class, MessagingProperties.class})
public class MessagingPlatformAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingPlatformAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IntegrationEventMapper integrationEventMapper() {
        return new IntegrationEventMapper();
    }

    @Bean
    IntegrationEventSchemas integrationEventSchemas(IntegrationEventMapper mapper) {
        return new IntegrationEventSchemas(mapper);
    }

    /** Values are the relay's pre-serialized envelopes (byte[]) or envelopes being dead-lettered. */
    @Bean
    ProducerFactory<String, Object> kafkaProducerFactory(KafkaProperties properties, IntegrationEventMapper mapper) {
        Map<Class<?>, Serializer<?>> serializers = Map.of(
                byte[].class, new ByteArraySerializer(),
                EventEnvelope.class, EventEnvelopeSerde.serializer(mapper));
        return new DefaultKafkaProducerFactory<>(properties.buildProducerProperties(), new StringSerializer(),
                new DelegatingByTypeSerializer(serializers));
    }

    @Bean
    KafkaTemplate<String, Object> kafkaTemplate(ProducerFactory<String, Object> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    @Bean
    ConsumerFactory<String, EventEnvelope> kafkaConsumerFactory(KafkaProperties properties,
            IntegrationEventMapper mapper) {
        // A record that is not an envelope fails here, once, and goes straight to the dead-letter topic.
        return new DefaultKafkaConsumerFactory<>(properties.buildConsumerProperties(), new StringDeserializer(),
                new ErrorHandlingDeserializer<>(EventEnvelopeSerde.deserializer(mapper)));
    }

    @Bean
    DefaultErrorHandler integrationEventErrorHandler(KafkaTemplate<String, Object> template,
            MessagingProperties properties, MeterRegistry meters) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (ConsumerRecord<?, ?> record, Exception e) -> new TopicPartition(Topics.deadLetterTopicOf(record.topic()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(properties.initialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.maxBackoff().toMillis());
        backOff.setMaxAttempts(properties.retries());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            deadLetters.accept(record, e);
            Counter.builder("ucp.events.dead.lettered").description("Records sent to the dead-letter topic, by source topic")
                    .tag("topic", record.topic()).register(meters).increment();
            log.warn("Dead-lettered {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
                    Topics.deadLetterTopicOf(record.topic()), rootMessage(e));
        }, backOff);
        // Retrying cannot fix a record that breaks its contract.
        handler.addNotRetryableExceptions(InvalidIntegrationEventException.class);
        // Nor is a record poison because the database is down: it waits (the partition pauses) until the database is
        // back, however long that takes, instead of being dead-lettered and missing from the read model for ever.
        handler.setBackOffFunction((record, e) -> databaseOutageBackOff(e, properties));
        return handler;
    }

    /** While the database is unreachable: retry without end, backing off up to the usual maximum; otherwise the default. */
    static BackOff databaseOutageBackOff(Exception e, MessagingProperties properties) {
        if (!MongoErrors.isUnavailable(e)) {
            return null;
        }
        ExponentialBackOff untilBack = new ExponentialBackOff(properties.initialBackoff().toMillis(), 2.0);
        untilBack.setMaxInterval(properties.maxBackoff().toMillis());
        return untilBack;
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, EventEnvelope> integrationEventContainerFactory(
            ConsumerFactory<String, EventEnvelope> consumerFactory, DefaultErrorHandler errorHandler) {
        ConcurrentKafkaListenerContainerFactory<String, EventEnvelope> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumerFactory);
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }

    @Bean
    IntegrationEventDispatcher integrationEventDispatcher(ObjectProvider<IntegrationEventHandler<?>> handlers,
            IntegrationEventMapper mapper, IntegrationEventSchemas schemas, MeterRegistry meters, Clock clock) {
        return new IntegrationEventDispatcher(handlers.orderedStream().toList(), mapper, schemas, meters, clock);
    }

    @Bean
    IntegrationEventSubscriptions integrationEventSubscriptions(
            ConcurrentKafkaListenerContainerFactory<String, EventEnvelope> factory,
            IntegrationEventDispatcher dispatcher, KafkaProperties kafkaProperties,
            @Value("${spring.application.name}") String serviceName, MessagingProperties properties) {
        String groupId = kafkaProperties.getConsumer().getGroupId() == null ? serviceName
                : kafkaProperties.getConsumer().getGroupId();
        return new IntegrationEventSubscriptions(factory, dispatcher, groupId, properties.concurrency());
    }

    /**
     * Every catalogue topic (creating a topic twice is harmless; the compacted ones with their policy)
     * and the dead-letter topics of what we read.
     */
    @Bean
    KafkaAdmin.NewTopics integrationEventTopics(MessagingProperties properties, IntegrationEventDispatcher dispatcher) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : java.util.Arrays.stream(IntegrationEventType.values()).map(IntegrationEventType::topic)
                .distinct().toList()) {
            NewTopic newTopic = new NewTopic(topic, properties.partitions(), properties.replicationFactor());
            if (Topics.COMPACTED.contains(topic)) {
                newTopic.configs(Map.of("cleanup.policy", "compact"));
            }
            topics.add(newTopic);
        }
        for (String topic : dispatcher.topics()) {
            topics.add(new NewTopic(Topics.deadLetterTopicOf(topic), 1, properties.replicationFactor()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    OutboxEntries outboxEntries(IntegrationEventMapper mapper, @Value("${spring.application.name}") String serviceName,
            Clock clock) {
        return new OutboxEntries(mapper, serviceName, clock);
    }

    @Bean
    OutboxRelay outboxRelay(KafkaTemplate<String, Object> template, OutboxProperties properties, Clock clock,
            MeterRegistry meters) {
        return new OutboxRelay(template, properties, clock, meters);
    }

    @Bean
    AggregateStores aggregateStores(MongoDatabase database, OutboxEntries outboxEntries, OutboxRelay relay) {
        return new AggregateStores(database, outboxEntries, relay);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.toString();
    }
}
