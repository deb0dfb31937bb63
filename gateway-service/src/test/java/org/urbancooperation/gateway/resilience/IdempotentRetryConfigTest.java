package org.urbancooperation.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class IdempotentRetryConfigTest {

    @Test
    void backoffGrowsByTheFactorUpToTheMaximum() {
        IdempotentRetryGatewayFilterFactory.Config config = new IdempotentRetryGatewayFilterFactory.Config();
        config.setRetries(5);
        config.setFirstBackoff(Duration.ofMillis(100));
        config.setMaxBackoff(Duration.ofMillis(500));
        config.setFactor(2);

        assertThat(config.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(config.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(config.backoff(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(config.backoff(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(config.backoff(60)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void impossibleSettingsAreRefusedWhenTheRouteIsBuilt() {
        IdempotentRetryGatewayFilterFactory factory = new IdempotentRetryGatewayFilterFactory();
        IdempotentRetryGatewayFilterFactory.Config config = new IdempotentRetryGatewayFilterFactory.Config();
        config.setMaxBackoff(Duration.ofMillis(10));

        assertThatIllegalArgumentException().isThrownBy(() -> factory.apply(config)).withMessageContaining("maxBackoff");
    }
}
