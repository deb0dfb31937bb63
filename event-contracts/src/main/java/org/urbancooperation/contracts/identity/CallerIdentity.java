package org.urbancooperation.contracts.identity;

import java.util.Objects;

/**
 * Who is calling, as the gateway authenticated it and forwards it to the services.
 *
 * @param subject the API key id, or the person's subject at the identity provider
 * @param organisationId the partner's organisation (partners only), e.g. {@code city-of-essen}
 * @param businessId the company (businesses only), e.g. {@code hydrogen-koriyama}
 * @param authentication how the gateway established it: {@code api-key} or {@code jwt}
 */
public record CallerIdentity(String subject, Role role, String organisationId, String businessId,
        String authentication) {

    public CallerIdentity {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(authentication, "authentication");
        if (role == Role.PARTNER && (organisationId == null || organisationId.isBlank())) {
            throw new IllegalArgumentException("a partner belongs to an organisation");
        }
        if (role == Role.BUSINESS && (businessId == null || businessId.isBlank())) {
            throw new IllegalArgumentException("a business caller names its business");
        }
    }

    public static CallerIdentity operator(String subject, String authentication) {
        return new CallerIdentity(subject, Role.OPERATOR, null, null, authentication);
    }

    public static CallerIdentity partner(String subject, String organisationId, String authentication) {
        return new CallerIdentity(subject, Role.PARTNER, organisationId, null, authentication);
    }

    public static CallerIdentity business(String subject, String businessId, String authentication) {
        return new CallerIdentity(subject, Role.BUSINESS, null, businessId, authentication);
    }
}
