package org.urbancooperation.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * The demo users, from {@code ucp.identity.*}. DEMO ONLY: the passwords are in configuration and
 * the defaults are public knowledge ({@code demo}).
 *
 * @param defaultPassword the password of every demo user that sets none of its own
 * @param demoUsers username -> user
 */
@ConfigurationProperties("ucp.identity")
public record DemoUserProperties(String defaultPassword, Map<String, DemoUser> demoUsers) {

    public DemoUserProperties {
        demoUsers = demoUsers == null ? Map.of() : new LinkedHashMap<>(demoUsers);
    }

    /**
     * One demo user.
     *
     * @param role operator, partner or business
     * @param organisation the organisation id; partners only, required for them
     * @param businessId the business id; businesses only, required for them
     * @param password this user's password; empty for the default password
     * @param name a display name for the ID token's {@code name} claim; optional
     */
    public record DemoUser(UcpRole role, String organisation, String businessId, String password, String name) {

        /** Fails with a message that names the user and the property to fix. */
        void validate(String username) {
            String prefix = "ucp.identity.demo-users." + username;
            if (role == null) {
                throw new IllegalStateException(prefix + ".role is missing (operator, partner or business)");
            }
            if (role == UcpRole.PARTNER && !StringUtils.hasText(organisation)) {
                throw new IllegalStateException(prefix + ".organisation is required for a partner");
            }
            if (role != UcpRole.PARTNER && StringUtils.hasText(organisation)) {
                throw new IllegalStateException(prefix + ".organisation is only for partners, not for a " + role.claimValue());
            }
            if (role == UcpRole.BUSINESS && !StringUtils.hasText(businessId)) {
                throw new IllegalStateException(prefix + ".business-id is required for a business");
            }
            if (role != UcpRole.BUSINESS && StringUtils.hasText(businessId)) {
                throw new IllegalStateException(prefix + ".business-id is only for businesses, not for a " + role.claimValue());
            }
        }
    }
}
