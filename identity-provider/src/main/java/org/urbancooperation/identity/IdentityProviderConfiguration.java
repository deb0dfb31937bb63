package org.urbancooperation.identity;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.servlet.DispatcherType;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.authentication.PublicClientAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.util.StringUtils;

/**
 * Spring Authorization Server with OIDC, form login for the demo users, and the platform's
 * claims. The clients come from Boot's {@code spring.security.oauth2.authorizationserver.client.*}
 * (application.yml); everything else is here.
 */
@Configuration(proxyBeanMethods = false)
public class IdentityProviderConfiguration {

    private static final Log LOG = LogFactory.getLog(IdentityProviderConfiguration.class);

    private static final List<String> CLAIMS_SUPPORTED = List.of("iss", "sub", "aud", "exp", "iat", "auth_time",
            "nonce", "sid", "preferred_username", "name", UcpClaims.ROLE, UcpClaims.ORGANISATION, UcpClaims.BUSINESS);

    /**
     * The protocol endpoints: authorize, token, JWKS, discovery, userinfo, logout. A browser that
     * is not signed in is sent to the login form; the token endpoint also accepts refresh grants
     * of public clients (see {@link PublicClientRefreshTokens}).
     */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, RegisteredClientRepository clients) {
        http.oauth2AuthorizationServer(authorizationServer -> {
            http.securityMatcher(authorizationServer.getEndpointsMatcher());
            authorizationServer
                    // Advertise what the clients here use: public clients ("none") and the profile scope.
                    .oidc(oidc -> oidc.providerConfigurationEndpoint(discovery -> discovery
                            .providerConfigurationCustomizer(metadata -> metadata
                                    .tokenEndpointAuthenticationMethod(ClientAuthenticationMethod.NONE.getValue())
                                    .scope(OidcScopes.PROFILE)
                                    .claim("claims_supported", CLAIMS_SUPPORTED))))
                    .clientAuthentication(clientAuthentication -> clientAuthentication
                            .authenticationConverter(new PublicClientRefreshTokens.Converter())
                            .authenticationProviders(providers -> providers.replaceAll(provider ->
                                    provider instanceof PublicClientAuthenticationProvider
                                            ? new PublicClientRefreshTokens.Provider(clients, provider)
                                            : provider)));
        });
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated());
        // The userinfo endpoint takes the access token as a bearer token.
        http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        http.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/login"), browserRequests()));
        return http.build();
    }

    /**
     * Requests that ask for HTML: these go to the login form, the rest gets a 401. A request with
     * no Accept header (or {@code *}{@code /*}) is a program's, not a browser's.
     */
    private static MediaTypeRequestMatcher browserRequests() {
        MediaTypeRequestMatcher matcher = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        matcher.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return matcher;
    }

    /**
     * Everything else: the login form (failed sign-ins throttled, {@link LoginThrottle}), the health probes for
     * up.sh and Kubernetes, and the metrics for Prometheus.
     */
    @Bean
    @Order(2)
    SecurityFilterChain loginFilterChain(HttpSecurity http, LoginThrottle.Properties throttleProperties,
            LoginThrottle throttle) {
        http.authorizeHttpRequests(authorize -> authorize
                .requestMatchers(EndpointRequest.to("health", "prometheus")).permitAll()
                // Error pages as they are: an invalid authorization request shows its 400 at once
                // instead of a login form first.
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/error").permitAll()
                .anyRequest().authenticated());
        if (throttleProperties.enabled()) {
            // After the CSRF check, before the password is looked at.
            http.addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class);
            http.formLogin(form -> form.failureHandler(throttle.failureHandler()));
        } else {
            http.formLogin(Customizer.withDefaults());
        }
        return http.build();
    }

    @Bean
    LoginThrottle loginThrottle(LoginThrottle.Properties properties, MeterRegistry meters) {
        return new LoginThrottle(properties, meters);
    }

    /**
     * The issuer: {@code ucp.identity.issuer} ({@code UCP_OIDC_ISSUER}). Blank means "the URL the
     * request came in on", which tests on a random port use.
     */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${ucp.identity.issuer:}") String issuer) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (StringUtils.hasText(issuer)) {
            settings.issuer(issuer);
        }
        return settings.build();
    }

    @Bean
    DemoUserDirectory demoUserDirectory(DemoUserProperties properties) {
        return new DemoUserDirectory(properties);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    InMemoryUserDetailsManager userDetailsService(DemoUserDirectory users, PasswordEncoder passwordEncoder) {
        return users.userDetailsManager(passwordEncoder);
    }

    /** {@code ucp.identity.signing-key-file} ({@code UCP_OIDC_SIGNING_KEY_FILE}), else a key made now. */
    @Bean
    JWKSource<SecurityContext> jwkSource(@Value("${ucp.identity.signing-key-file:}") String signingKeyFile) {
        RSAKey key;
        if (StringUtils.hasText(signingKeyFile)) {
            key = SigningKeys.readPkcs8Pem(Path.of(signingKeyFile));
            LOG.info("Signing tokens with the key in " + signingKeyFile + " (kid " + key.getKeyID() + ")");
        } else {
            key = SigningKeys.generate();
            LOG.info("Signing tokens with a key generated at start (kid " + key.getKeyID()
                    + "): tokens do not survive a restart; set UCP_OIDC_SIGNING_KEY_FILE to keep them");
        }
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> ucpTokenCustomizer(DemoUserDirectory users) {
        return new UcpTokenCustomizer(users);
    }

    /**
     * Spring's default set of token generators, except that refresh tokens come from
     * {@link PublicClientRefreshTokens.Generator}. Declaring this bean replaces the default, so the
     * customizer is applied here.
     */
    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JWKSource<SecurityContext> jwkSource,
            OAuth2TokenCustomizer<JwtEncodingContext> customizer) {
        JwtGenerator jwtGenerator = new JwtGenerator(new NimbusJwtEncoder(jwkSource));
        jwtGenerator.setJwtCustomizer(customizer);
        return new DelegatingOAuth2TokenGenerator(jwtGenerator, new OAuth2AccessTokenGenerator(),
                new PublicClientRefreshTokens.Generator(Clock.systemUTC()));
    }
}
