package org.urbancooperation.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;
import org.urbancooperation.support.messaging.MessagingProperties;

import com.mongodb.MongoTimeoutException;

/** A record whose handler failed because the database is down is retried until it is back, never dead-lettered. */
class DatabaseOutageBackOffTest {

    private final MessagingProperties properties = new MessagingProperties(3, Duration.ofMillis(100),
            Duration.ofSeconds(5), 1, 1, (short) 1);

    @Test
    void anUnreachableDatabaseIsRetriedWithoutEnd() {
        Exception outage = new ListenerExecutionFailedException("handler failed",
                new MongoTimeoutException("Timed out while waiting for a server"));

        BackOffExecution execution = MessagingPlatformAutoConfiguration.databaseOutageBackOff(outage, properties).start();
        long last = 0;
        for (int attempt = 0; attempt < 10_000; attempt++) {
            last = execution.nextBackOff();
            assertThat(last).isNotEqualTo(BackOffExecution.STOP);
        }
        assertThat(last).isEqualTo(5_000);
    }

    @Test
    void otherFailuresKeepTheUsualRetriesAndDeadLetter() {
        assertThat(MessagingPlatformAutoConfiguration.databaseOutageBackOff(
                new ListenerExecutionFailedException("handler failed", new IllegalStateException("bug")), properties))
                .isNull();
    }
}
