package org.urbancooperation.support.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity settings of a service ({@code ucp.security.*}).
 *
 * @param identityPublicKey the gateway's EC public key (base64 X.509 or PEM), from {@code UCP_IDENTITY_PUBLIC_KEY}
 * @param publicReads path patterns that anonymous callers may GET (published events, agendas, calendar feeds)
 */
@ConfigurationProperties("ucp.security")
public record SecurityProperties(String identityPublicKey, List<String> publicReads) {

    public SecurityProperties {
        publicReads = publicReads == null ? List.of() : List.copyOf(publicReads);
    }
}
