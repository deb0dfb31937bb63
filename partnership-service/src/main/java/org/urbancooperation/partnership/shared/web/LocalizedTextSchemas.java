package org.urbancooperation.partnership.shared.web;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.urbancooperation.support.domain.LocalizedText;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * What the OpenAPI document says about the keys of a multi-language text: every object of strings in this service's
 * API is a {@link LocalizedText} (names, titles, descriptions), whose keys are BCP 47 language tags in their canonical
 * form. Said in one place, for every such field (requests and answers, also ones added later): each gets
 * {@code propertyNames} naming the {@value #LANGUAGE_TAG} schema, so a generated client or a validator knows that
 * {@code {"hostile": "x"}} is refused before sending it. The service checks the tag itself ({@link LocalizedText#of}).
 */
public final class LocalizedTextSchemas {

    public static final String LANGUAGE_TAG = "LanguageTag";
    /** The shape of a canonical tag: a language of 2 or 3 letters, then subtags (script, region, variants). */
    static final String PATTERN = "^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$";

    private LocalizedTextSchemas() {
    }

    public static OpenApiCustomizer customizer() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            boolean used = false;
            for (Schema<?> schema : schemas.values()) {
                if (schema.getProperties() == null) {
                    continue;
                }
                for (Schema<?> property : schema.getProperties().values()) {
                    if (isTextByKey(property)) {
                        property.setPropertyNames(new Schema<>().$ref("#/components/schemas/" + LANGUAGE_TAG));
                        used = true;
                    }
                }
            }
            if (used) {
                openApi.getComponents().addSchemas(LANGUAGE_TAG, new StringSchema().pattern(PATTERN)
                        .maxLength(35).example("ja")
                        .description("A BCP 47 language tag in its canonical form, such as en, de, ja or pt-BR"));
            }
        };
    }

    /** An object whose values are strings: {"en": "...", "ja": "..."}. */
    static boolean isTextByKey(Schema<?> property) {
        return property.getAdditionalProperties() instanceof Schema<?> values && isString(values);
    }

    private static boolean isString(Schema<?> schema) {
        return "string".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains("string"));
    }
}
