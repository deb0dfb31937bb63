package org.urbancooperation.support.messaging;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.urbancooperation.contracts.EventEnvelope;

/** One listener container per topic that this service's handlers read, in the service's consumer group. */
public final class IntegrationEventSubscriptions implements SmartLifecycle {

    private final List<ConcurrentMessageListenerContainer<String, EventEnvelope>> containers = new ArrayList<>();
    private volatile boolean running;

    public IntegrationEventSubscriptions(ConcurrentKafkaListenerContainerFactory<String, EventEnvelope> factory,
            IntegrationEventDispatcher dispatcher, String groupId, int concurrency) {
        for (String topic : dispatcher.topics()) {
            ConcurrentMessageListenerContainer<String, EventEnvelope> container = factory.createContainer(topic);
            container.getContainerProperties().setGroupId(groupId);
            container.getContainerProperties().setMessageListener(
                    (MessageListener<String, EventEnvelope>) dispatcher::dispatch);
            container.setConcurrency(concurrency);
            container.setBeanName(groupId + "-" + topic);
            containers.add(container);
        }
    }

    @Override
    public void start() {
        containers.forEach(ConcurrentMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    public List<ConcurrentMessageListenerContainer<String, EventEnvelope>> containers() {
        return List.copyOf(containers);
    }
}
