package org.urbancooperation.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.urbancooperation.contracts.IntegrationEventMapper;

class ApiKeyTopicListenerTest {

    @Test
    void theClustersClientSettingsApplyButCannotTurnTheReaderIntoAGroupMember() {
        ApiKeyTopicListener listener = new ApiKeyTopicListener(new ApiKeyCache(Clock.systemUTC()),
                new IntegrationEventMapper(), "kafka-0:9093", "access.api-key",
                Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                        "group.id", "shared-group", "enable.auto.commit", "true"));

        Map<String, Object> config = listener.consumerConfig();

        assertThat(config).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("bootstrap.servers", "kafka-0:9093").containsEntry("enable.auto.commit", false);
        assertThat((String) config.get("group.id")).startsWith("gateway-api-keys-");
    }
}
