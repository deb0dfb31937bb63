package org.urbancooperation.support.config;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * What every service's OpenAPI document says about the platform: its title, and the two ways in
 * through the gateway (an API key, or a person's bearer token), so Swagger UI offers "Authorize".
 */
final class ApiDocumentation {

    static final String API_KEY = "apiKey";
    static final String BEARER = "bearerToken";

    private ApiDocumentation() {
    }

    static OpenApiCustomizer customizer(String title, String description, String version) {
        return openApi -> {
            openApi.info(new Info().title(title).description(description).version(version));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER).name("X-Api-Key")
                    .description("A partner organisation's or operator's API key, ucp_<keyId>_<secret>"));
            components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .bearerFormat("JWT").description("A person's access token from the organisation's identity provider"));
            openApi.components(components);
            openApi.addSecurityItem(new SecurityRequirement().addList(API_KEY));
            openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
        };
    }
}
