package org.urbancooperation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.urbancooperation.identity.DemoUserProperties.DemoUser;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A wrong demo user entry stops the start, with a message that names the property to fix. */
class DemoUserDirectoryTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void eachRoleNeedsItsOwnAttributeAndNoOther() {
        assertThatThrownBy(() -> directory(Map.of("a", new DemoUser(UcpRole.PARTNER, null, null, null, null))))
                .hasMessage("ucp.identity.demo-users.a.organisation is required for a partner");
        assertThatThrownBy(() -> directory(Map.of("b", new DemoUser(UcpRole.BUSINESS, null, " ", null, null))))
                .hasMessage("ucp.identity.demo-users.b.business-id is required for a business");
        assertThatThrownBy(() -> directory(Map.of("c", new DemoUser(UcpRole.OPERATOR, "city-of-essen", null, null, null))))
                .hasMessage("ucp.identity.demo-users.c.organisation is only for partners, not for a operator");
        assertThatThrownBy(() -> directory(Map.of("d", new DemoUser(UcpRole.PARTNER, "city-of-essen", "x", null, null))))
                .hasMessage("ucp.identity.demo-users.d.business-id is only for businesses, not for a partner");
        assertThatThrownBy(() -> directory(Map.of("e", new DemoUser(null, null, null, null, null))))
                .hasMessageContaining("ucp.identity.demo-users.e.role is missing");
        assertThatThrownBy(() -> directory(Map.of())).hasMessageContaining("is empty");
    }

    @Test
    void aUserWithoutPasswordNeedsTheDefaultOne() {
        var noDefault = new DemoUserProperties(null, Map.of("f", new DemoUser(UcpRole.OPERATOR, null, null, null, null)));
        assertThatThrownBy(() -> new DemoUserDirectory(noDefault)).hasMessageContaining("ucp.identity.default-password");
    }

    @Test
    void passwordsAreEncodedUnlessTheyAreAlready() {
        String preEncoded = encoder.encode("s3cret");
        var users = directory(Map.of(
                "plain", new DemoUser(UcpRole.OPERATOR, null, null, null, null),
                "own", new DemoUser(UcpRole.BUSINESS, null, "robots-essen", "other", null),
                "encoded", new DemoUser(UcpRole.PARTNER, "city-of-essen", null, preEncoded, null)))
                .userDetailsManager(encoder);

        assertThat(users.loadUserByUsername("plain").getPassword()).startsWith("{bcrypt}");
        assertThat(encoder.matches("demo", users.loadUserByUsername("plain").getPassword())).isTrue();
        assertThat(encoder.matches("other", users.loadUserByUsername("own").getPassword())).isTrue();
        assertThat(encoder.matches("s3cret", users.loadUserByUsername("encoded").getPassword())).isTrue();
        assertThat(users.loadUserByUsername("own").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_BUSINESS");
    }

    private static DemoUserDirectory directory(Map<String, DemoUser> users) {
        return new DemoUserDirectory(new DemoUserProperties("demo", users));
    }
}
