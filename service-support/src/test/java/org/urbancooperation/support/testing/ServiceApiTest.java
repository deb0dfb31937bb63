package org.urbancooperation.support.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.contracts.identity.CallerIdentity;

/**
 * A service's API test: the whole service on a real port, its own database on the in-memory Mongo
 * server, an embedded KRaft broker, and {@link TestIdentities} playing the gateway. The service is
 * found from the test's package (its {@code @SpringBootApplication}); retries are short so that
 * dead-letter tests stay quick.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "ucp.messaging.initial-backoff=100ms", "ucp.messaging.max-backoff=200ms"})
@EmbeddedKafka(partitions = 1)
public abstract class ServiceApiTest {

    @LocalServerPort
    protected int port;
    /**
     * This context's broker. Not {@code ${spring.embedded.kafka.brokers}}: that is a system property which names
     * the broker started last, another test class's once a second context exists beside this cached one.
     */
    protected String brokers;
    @Autowired
    private EmbeddedKafkaBroker embeddedKafka;
    @Autowired
    protected IntegrationEventMapper mapper;

    @BeforeEach
    void brokerOfThisContext() {
        brokers = embeddedKafka.getBrokersAsString();
    }

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", InMemoryMongo::uri);
        registry.add("spring.mongodb.database", InMemoryMongo::freshDatabaseName);
        TestIdentities.register(registry);
    }

    /** As the programme secretariat, through the gateway. */
    protected ServiceHttp http() {
        return as(TestIdentities.OPERATOR);
    }

    protected ServiceHttp as(CallerIdentity identity) {
        return new ServiceHttp(port).as(identity);
    }

    /** Without any identity, as an anonymous caller reaches the service. */
    protected ServiceHttp anonymous() {
        return new ServiceHttp(port);
    }
}
