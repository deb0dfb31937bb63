package org.urbancooperation.support.config;

import java.time.Clock;
import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.urbancooperation.contracts.identity.IdentityTokens;
import org.urbancooperation.support.security.Caller;
import org.urbancooperation.support.security.CallerArgumentResolver;
import org.urbancooperation.support.security.CallerIdentityFilter;
import org.urbancooperation.support.security.SecurityProperties;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.urbancooperation.support.web.CorrelationIdFilter;
import org.urbancooperation.support.web.ProblemDetailsAdvice;
import org.urbancooperation.support.web.ProblemErrorController;
import org.urbancooperation.support.web.JsonByDefaultHandlerMapping;
import org.urbancooperation.support.web.ProblemJsonErrorReportValve;
import org.urbancooperation.support.web.QueryParametersFilter;
import org.urbancooperation.support.web.RequestBodyFilter;
import org.urbancooperation.support.web.StrictParameterBinding;
import org.urbancooperation.support.json.StrictJson;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Correlation ids, strict request bodies (size, UTF-8, JSON without coercion), JSON by default, the caller's
 * identity and problem+json errors for every service's HTTP API.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemDetailsAdvice.class, ProblemErrorController.class, StrictParameterBinding.class})
@EnableConfigurationProperties(SecurityProperties.class)
public class WebPlatformAutoConfiguration implements WebMvcConfigurer {

    static {
        // The caller comes from the gateway's identity header, not from a request parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

    @Bean
    OpenApiCustomizer platformApiDocumentation(@Value("${ucp.api.title:${spring.application.name}}") String title,
            @Value("${ucp.api.description:}") String description, @Value("${ucp.api.version:v1}") String version) {
        return ApiDocumentation.customizer(title, description, version);
    }

    @Bean
    IdentityTokens.Verifier identityTokenVerifier(SecurityProperties properties, Clock clock) {
        if (properties.identityPublicKey() == null || properties.identityPublicKey().isBlank()) {
            throw new IllegalStateException("UCP_IDENTITY_PUBLIC_KEY (ucp.security.identity-public-key) is not set: "
                    + "the service needs the gateway's public key to know who is calling");
        }
        return new IdentityTokens.Verifier(IdentityTokens.decodePublicKey(properties.identityPublicKey()), clock);
    }

    @Bean
    FilterRegistrationBean<CallerIdentityFilter> callerIdentityFilter(IdentityTokens.Verifier verifier,
            SecurityProperties properties, MeterRegistry meters) {
        FilterRegistrationBean<CallerIdentityFilter> registration = new FilterRegistrationBean<>(
                new CallerIdentityFilter(verifier, properties.publicReads(), meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(
            @Value("${ucp.http.max-request-body:256KB}") DataSize limit) {
        FilterRegistrationBean<RequestBodyFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyFilter(limit.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<QueryParametersFilter> queryParametersFilter() {
        FilterRegistrationBean<QueryParametersFilter> registration = new FilterRegistrationBean<>(new QueryParametersFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Request bodies are read strictly: no coercion, no guessing (StrictJson). */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return StrictJson::configure;
    }

    /**
     * Every API operation answers JSON unless it says otherwise: so content negotiation fails (406) when the
     * request is mapped, before the operation runs, instead of after its effect when the answer is written.
     */
    @Bean
    WebMvcRegistrations jsonByDefault() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new JsonByDefaultHandlerMapping();
            }
        };
    }

    /** What Tomcat refuses before the application (a path with %00, a query with [) is problem+json too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
            }
        });
    }
}
