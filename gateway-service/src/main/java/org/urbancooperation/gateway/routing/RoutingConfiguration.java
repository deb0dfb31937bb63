package org.urbancooperation.gateway.routing;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import reactor.netty.http.client.HttpClient;

/**
 * The routing filter that keeps a request on its event loop ({@link EventLoopLocalRoutingFilter}) in place of
 * Spring Cloud Gateway's own, which application.yml switches off
 * ({@code spring.cloud.gateway.server.webflux.global-filter.netty-routing.enabled: false}). That switch also
 * drops the filter that writes the service's response back, so it is declared here as Spring Cloud Gateway
 * declares it. The bean names are Spring Cloud Gateway's: should the switch be lost, the application fails
 * at start (bean definitions are not overridden) instead of routing every request through two filters.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    NettyRoutingFilter routingFilter(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
            HttpClientProperties properties) {
        return new EventLoopLocalRoutingFilter(httpClient, headersFilters, properties);
    }

    @Bean
    NettyWriteResponseFilter nettyWriteResponseFilter(GatewayProperties properties,
            ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
        return new NettyWriteResponseFilter(properties.getStreamingMediaTypes(), headersFilters);
    }
}
