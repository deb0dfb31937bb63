package org.urbancooperation.gateway.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import org.urbancooperation.contracts.IntegrationEventMapper;
import org.urbancooperation.contracts.identity.IdentityTokens;
import org.urbancooperation.gateway.resilience.GatewayProblems;
import org.urbancooperation.gateway.web.ActuatorRequests;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySecurityProperties.class)
class GatewaySecurityConfiguration {

    @Bean
    Clock gatewayClock() {
        return Clock.systemUTC();
    }

    @Bean
    IdentityTokens.Signer identityTokenSigner(GatewaySecurityProperties properties, Clock clock) {
        if (properties.identityPrivateKey() == null || properties.identityPrivateKey().isBlank()) {
            throw new IllegalStateException("UCP_IDENTITY_PRIVATE_KEY (ucp.gateway.security.identity-private-key) is "
                    + "not set: the gateway signs the identity it forwards to the services with it");
        }
        return new IdentityTokens.Signer(IdentityTokens.decodePrivateKey(properties.identityPrivateKey()), clock,
                properties.identityTokenLifetime());
    }

    @Bean
    ApiKeyCache apiKeyCache(Clock clock) {
        return new ApiKeyCache(clock);
    }

    /** Also the "apiKeys" readiness contributor: not ready before the keys are loaded. */
    @Bean
    ApiKeyTopicListener apiKeysHealthIndicator(ApiKeyCache cache, GatewaySecurityProperties properties,
            @Value("${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}") String defaultBootstrap) {
        String bootstrap = properties.kafkaBootstrapServers() == null ? defaultBootstrap
                : properties.kafkaBootstrapServers();
        return new ApiKeyTopicListener(cache, new IntegrationEventMapper(), bootstrap, properties.apiKeyTopic(),
                properties.kafka());
    }

    /** Keeps credentials and client identity headers from the services, adds the signed identity. */
    @Bean
    ForwardedRequestHeaders forwardedRequestHeaders() {
        return new ForwardedRequestHeaders();
    }

    /** Bearer tokens of the organisations' identity provider: signature, expiry, issuer and audience. */
    @Bean
    @ConditionalOnExpression("'${ucp.gateway.security.oidc-issuer-uri:}' != ''")
    ReactiveJwtDecoder bearerTokenDecoder(GatewaySecurityProperties properties) {
        // The key set is fetched when a token names a key the gateway has not seen (at start, after a rotation):
        // bounded, so that a provider that does not answer costs a bearer request a 503 after oidc-timeout
        // instead of holding it (and the client's connection) for as long as the provider stays silent.
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, properties.oidcTimeout().toMillis());
        WebClient jwksClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
                .responseTimeout(properties.oidcTimeout()))).build();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUri())
                .webClient(jwksClient).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.oidcIssuerUri()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(properties.oidcAudience()))));
        return decoder;
    }

    @Bean
    AuthenticationFilter authenticationFilter(ApiKeyCache apiKeys, ObjectProvider<ReactiveJwtDecoder> bearerTokenDecoder,
            IdentityTokens.Signer signer, GatewaySecurityProperties properties, GatewayProblems problems,
            MeterRegistry meters, ObjectProvider<AuthenticationThrottle> throttle, ActuatorRequests actuatorRequests) {
        return new AuthenticationFilter(apiKeys, Optional.ofNullable(bearerTokenDecoder.getIfAvailable()), signer,
                properties.identityTokenLifetime(), problems, meters, throttle.getIfAvailable(() -> AuthenticationThrottle.NONE), actuatorRequests);
    }
}
