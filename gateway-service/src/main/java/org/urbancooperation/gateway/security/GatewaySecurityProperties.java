package org.urbancooperation.gateway.security;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Authentication settings ({@code ucp.gateway.security.*}).
 *
 * @param identityPrivateKey the EC P-256 key (base64 PKCS#8 or PEM) that signs the identity forwarded to the
 *        services, from {@code UCP_IDENTITY_PRIVATE_KEY}; the services hold its public half
 * @param identityTokenLifetime how long a forwarded identity is valid; one request needs seconds
 * @param apiKeyTopic the topic of issued and revoked API keys
 * @param kafkaBootstrapServers where that topic lives
 * @param kafka further Kafka client settings for reading it (e.g. {@code security.protocol},
 *        {@code sasl.mechanism}, {@code sasl.jaas.config}, {@code ssl.truststore.location}), as the
 *        cluster requires
 * @param oidcIssuerUri the people's identity provider ({@code UCP_OIDC_ISSUER_URI}); blank: no bearer tokens
 * @param oidcJwksUri its signing keys; default {@code <issuer>/oauth2/jwks}
 * @param oidcAudience the audience an access token must be for
 */
@ConfigurationProperties("ucp.gateway.security")
public record GatewaySecurityProperties(
        String identityPrivateKey,
        Duration identityTokenLifetime,
        String apiKeyTopic,
        String kafkaBootstrapServers,
        Map<String, String> kafka,
        String oidcIssuerUri,
        String oidcJwksUri,
        String oidcAudience,
        Duration oidcTimeout) {

    public GatewaySecurityProperties {
        identityTokenLifetime = identityTokenLifetime == null ? Duration.ofSeconds(60) : identityTokenLifetime;
        apiKeyTopic = apiKeyTopic == null ? "access.api-key" : apiKeyTopic;
        kafka = kafka == null ? Map.of() : Map.copyOf(kafka);
        oidcAudience = oidcAudience == null ? "ucp-api" : oidcAudience;
        oidcTimeout = oidcTimeout == null ? Duration.ofSeconds(3) : oidcTimeout;
    }

    public String jwksUri() {
        if (oidcJwksUri != null && !oidcJwksUri.isBlank()) {
            return oidcJwksUri;
        }
        return oidcIssuerUri.replaceAll("/+$", "") + "/oauth2/jwks";
    }
}
