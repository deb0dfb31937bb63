package org.urbancooperation.matching.opportunity.web;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.media.Schema;

/**
 * The validUntil examples, 180 days from when the document is served: an opportunity is valid for at most a year from
 * now, so a fixed date would become a request the API refuses (clients and HostileInputIT build requests from them).
 */
@Component
class ValidityExamples implements OpenApiCustomizer {

    private static final List<String> SCHEMAS = List.of("DraftRequest", "ContentBody", "RenewRequest");

    private final Clock clock;

    ValidityExamples(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        String example = clock.instant().plus(Duration.ofDays(180)).truncatedTo(ChronoUnit.DAYS).toString();
        for (String name : SCHEMAS) {
            Schema<?> schema = openApi.getComponents().getSchemas().get(name);
            if (schema != null && schema.getProperties() != null && schema.getProperties().get("validUntil") != null) {
                schema.getProperties().get("validUntil").setExample(example);
            }
        }
    }
}
