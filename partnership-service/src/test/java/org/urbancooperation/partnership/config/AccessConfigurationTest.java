package org.urbancooperation.partnership.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccessConfigurationTest {

    private static final String SECRET = "E0O-FtLwCEpw71epJyjag7dyKb9T9tmg324o3ShV0_Y";

    @Test
    void noBootstrapKeyWhenNoneIsConfigured() {
        assertThat(AccessConfiguration.bootstrapKey(null)).isNull();
        assertThat(AccessConfiguration.bootstrapKey("  ")).isNull();
    }

    @Test
    void aWellFormedKeyIsRead() {
        assertThat(AccessConfiguration.bootstrapKey(" ucp_3f9c2a7b1d4e8f60_" + SECRET + "\n").keyId())
                .isEqualTo("3f9c2a7b1d4e8f60");
    }

    @Test
    void aMalformedKeyStopsTheStartWithAClearMessageThatDoesNotRepeatIt() {
        assertThatThrownBy(() -> AccessConfiguration.bootstrapKey("ucp_not-a-key_" + SECRET))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("UCP_BOOTSTRAP_OPERATOR_KEY")
                .hasMessageContaining("ucp_<16 lower-case hex characters>_")
                .hasMessageNotContaining(SECRET);
    }
}
