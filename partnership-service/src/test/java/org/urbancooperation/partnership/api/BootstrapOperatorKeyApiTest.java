package org.urbancooperation.partnership.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.urbancooperation.contracts.EventEnvelope;
import org.urbancooperation.contracts.KafkaHeaders;
import org.urbancooperation.contracts.Topics;
import org.urbancooperation.partnership.access.domain.PlainApiKey;
import org.urbancooperation.support.testing.KafkaTestClients;
import org.urbancooperation.support.testing.ServiceApiTest;
import org.urbancooperation.support.testing.ServiceHttp;
import org.urbancooperation.support.testing.TestIdentities;

import tools.jackson.databind.JsonNode;

/** A new stack's first operator key: configured as UCP_BOOTSTRAP_OPERATOR_KEY, there after startup. */
class BootstrapOperatorKeyApiTest extends ServiceApiTest {

    static final PlainApiKey BOOTSTRAP = PlainApiKey.generate(new SecureRandom());

    @DynamicPropertySource
    static void bootstrapKey(DynamicPropertyRegistry registry) {
        registry.add("ucp.access.bootstrap-operator-key", BOOTSTRAP::reveal);
    }
    @Autowired
    @Qualifier("bootstrapOperatorKey")
    ApplicationRunner bootstrap;

    @Test
    void theConfiguredOperatorKeyExistsAfterStartupAndWasPublishedOnce() throws Exception {
        ServiceHttp operator = new ServiceHttp(port).as(TestIdentities.OPERATOR);

        HttpResponse<String> read = operator.get("/api/v1/api-keys/" + BOOTSTRAP.keyId());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode key = ServiceHttp.json(read);
        assertThat(key.path("role").asString()).isEqualTo("operator");
        assertThat(key.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(key.path("label").asString()).isEqualTo("Bootstrap operator key");

        // A restart finds it there and publishes nothing new.
        bootstrap.run(new DefaultApplicationArguments());

        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readWithKey(brokers, Topics.API_KEYS,
                BOOTSTRAP.keyId(), 1);
        assertThat(records).hasSize(1);
        assertThat(KafkaTestClients.header(records.get(0), KafkaHeaders.TYPE)).isEqualTo("access.ApiKeyIssued");
        EventEnvelope issued = mapper.fromBytes(records.get(0).value());
        assertThat(issued.payload().path("secretHash").asString()).isEqualTo(BOOTSTRAP.secretHash());
        assertThat(issued.payload().path("role").asString()).isEqualTo("operator");
        assertThat(new String(records.get(0).value())).doesNotContain(BOOTSTRAP.reveal().substring(21));
        assertThat(KafkaTestClients.readAll(brokers, Topics.API_KEYS, 2, Duration.ofSeconds(2)).stream()
                .filter(r -> BOOTSTRAP.keyId().equals(r.key()))).hasSize(1);
    }
}
