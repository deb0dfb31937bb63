package org.urbancooperation.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.contracts.IntegrationEventSchemas;
import org.urbancooperation.contracts.events.CooperationEventCancelled;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Several features of one service reading the same event type into read models of their own. */
class IntegrationEventDispatcherTest {

    private final IntegrationEventMapper mapper = new IntegrationEventMapper();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> calls = new ArrayList<>();

    @Test
    void everyHandlerOfTheTypeSeesTheEventAndAnyApplicationCountsAsApplied() {
        IntegrationEventDispatcher dispatcher = dispatcher(
                handler("indicators", HandlingOutcome.STALE), handler("report", HandlingOutcome.APPLIED));

        dispatcher.dispatch(record(cancelled()));

        assertThat(calls).containsExactly("indicators", "report");
        assertThat(meters.get("ucp.events.consumed").tag("outcome", "applied").counter().count()).isEqualTo(1);
        assertThat(dispatcher.topics()).containsExactly("events.cooperation-event");
    }

    @Test
    void aRecordNoHandlerAppliedCountsWithTheFirstHandlersOutcome() {
        IntegrationEventDispatcher dispatcher = dispatcher(
                handler("indicators", HandlingOutcome.DUPLICATE), handler("report", HandlingOutcome.STALE));

        dispatcher.dispatch(record(cancelled()));

        assertThat(meters.get("ucp.events.consumed").tag("outcome", "duplicate").counter().count()).isEqualTo(1);
    }

    @Test
    void theSameHandlerTwiceIsAMistake() {
        IntegrationEventHandler<CooperationEventCancelled> once = handler("once", HandlingOutcome.APPLIED);

        assertThatThrownBy(() -> dispatcher(once, once)).isInstanceOf(IllegalStateException.class);
    }

    private IntegrationEventHandler<CooperationEventCancelled> handler(String name, HandlingOutcome outcome) {
        return IntegrationEventHandler.of(CooperationEventCancelled.class, (event, envelope) -> {
            calls.add(name);
            return outcome;
        });
    }

    @SafeVarargs
    private IntegrationEventDispatcher dispatcher(IntegrationEventHandler<CooperationEventCancelled>... handlers) {
        return new IntegrationEventDispatcher(List.of(handlers), mapper, new IntegrationEventSchemas(mapper), meters,
                Clock.systemUTC());
    }

    private EventEnvelope cancelled() {
        UUID id = UUID.randomUUID();
        return mapper.envelope(new CooperationEventCancelled(id, List.of(UUID.randomUUID()), null), 2,
                "event-service", null, Clock.systemUTC());
    }

    private static ConsumerRecord<String, EventEnvelope> record(EventEnvelope envelope) {
        return new ConsumerRecord<>("events.cooperation-event", 0, 0L, envelope.aggregateId(), envelope);
    }
}
