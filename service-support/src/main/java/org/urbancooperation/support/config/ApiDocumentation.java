package org.urbancooperation.support.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * What every service's OpenAPI document says about the platform: its title and licence, the two ways in
 * through the gateway (an API key, or a person's bearer token), so Swagger UI offers "Authorize", and the
 * errors every operation can answer with, as one {@value #PROBLEM} schema (RFC 9457, see
 * {@code web.Problems}) under {@code application/problem+json}.
 * <p>
 * The error responses are added here, for every operation, rather than by annotations on each controller:
 * the filters, the gateway and Spring MVC answer them for any operation, including one added later without
 * any annotation, and partners' generated clients need them to read the problem. What a controller
 * declares itself (409, 412, 422, ...) keeps its description and gets the same schema.
 */
final class ApiDocumentation {

    static final String API_KEY = "apiKey";
    static final String BEARER = "bearerToken";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    /** The schema springdoc generates for {@code ProblemDetail}; replaced by {@value #PROBLEM}. */
    static final String SPRING_PROBLEM_DETAIL = "ProblemDetail";

    /** Answered for any operation, by the service's filters and Spring MVC or by the gateway in front. */
    static final Map<String, String> EVERY_OPERATION = ordered(
            "400", "The request is malformed or a field is invalid; the problem's errors name each field",
            "401", "No caller identity, or one that could not be verified: send an API key or a bearer token",
            "403", "The caller may not do this (e.g. another organisation's partnership, or not an operator)",
            "404", "Not found, or not visible to the caller",
            "406", "None of the media types in Accept can be produced",
            "429", "Too many requests from this caller (the gateway's rate limit); retry after Retry-After seconds");
    /** Answered only where the operation reads a request body. */
    static final Map<String, String> WITH_REQUEST_BODY = ordered(
            "413", "The request body is larger than the service accepts",
            "415", "The request body's Content-Type is not supported: send application/json");

    static final String LICENSE_NAME = "Proprietary: for the partner organisations of the Urban Cooperation Platform";
    static final String LICENSE_URL = "https://urban-cooperation.example/terms";

    private ApiDocumentation() {
    }

    static OpenApiCustomizer customizer(String title, String description, String version) {
        OpenApiCustomizer problems = problemResponses();
        return openApi -> {
            openApi.info(new Info().title(title).description(description).version(version)
                    .license(new License().name(LICENSE_NAME).url(LICENSE_URL)));
            Components components = components(openApi);
            components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.HEADER).name("X-Api-Key")
                    .description("A partner organisation's or operator's API key, ucp_<keyId>_<secret>"));
            components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .bearerFormat("JWT").description("A person's access token from the organisation's identity provider"));
            openApi.addSecurityItem(new SecurityRequirement().addList(API_KEY));
            openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
            problems.customise(openApi);
        };
    }

    /** Every operation's 4xx responses, as {@value #PROBLEM} under {@value #PROBLEM_JSON}. */
    static OpenApiCustomizer problemResponses() {
        return openApi -> {
            Components components = components(openApi);
            components.addSchemas(PROBLEM, problemSchema());
            EVERY_OPERATION.forEach((code, text) -> components.addResponses(responseName(code), problemResponse(text)));
            WITH_REQUEST_BODY.forEach((code, text) -> components.addResponses(responseName(code), problemResponse(text)));
            if (openApi.getPaths() != null) {
                for (PathItem path : openApi.getPaths().values()) {
                    for (Operation operation : path.readOperations()) {
                        document(operation);
                    }
                }
            }
            if (components.getSchemas() != null && !references(openApi, SPRING_PROBLEM_DETAIL)) {
                components.getSchemas().remove(SPRING_PROBLEM_DETAIL);
            }
        };
    }

    private static void document(Operation operation) {
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        for (Map.Entry<String, ApiResponse> declared : responses.entrySet()) {
            ApiResponse response = declared.getValue();
            if (declared.getKey().startsWith("4") && response.get$ref() == null) {
                // The controller's own words, the platform's one shape.
                response.setContent(problemContent());
            }
        }
        addMissing(responses, EVERY_OPERATION);
        if (operation.getRequestBody() != null) {
            addMissing(responses, WITH_REQUEST_BODY);
        }
        // By status code, as readers and generated clients expect them.
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        sorted.setExtensions(responses.getExtensions());
        operation.setResponses(sorted);
    }

    private static void addMissing(ApiResponses responses, Map<String, String> codes) {
        for (String code : codes.keySet()) {
            if (!responses.containsKey(code)) {
                responses.addApiResponse(code, new ApiResponse().$ref("#/components/responses/" + responseName(code)));
            }
        }
    }

    private static String responseName(String code) {
        return "Problem" + code;
    }

    private static ApiResponse problemResponse(String description) {
        ApiResponse response = new ApiResponse().description(description).content(problemContent());
        if (description.contains("Retry-After")) {
            response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again")
                    .schema(typed("integer").format("int64")));
        }
        return response;
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)));
    }

    /** The shape {@code web.Problems} builds: RFC 9457 members and the platform's two extensions. */
    static Schema<?> problemSchema() {
        Schema<?> fieldError = typed("object")
                .description("One invalid field of the request")
                .addProperty("field", typed("string").description("The request field or parameter it is about"))
                .addProperty("message", typed("string").description("What is wrong with it"));
        fieldError.setRequired(List.of("field", "message"));
        Schema<?> errors = typed("array").description("Each invalid field of the request (400 and 422 only)");
        errors.setItems(fieldError);
        return typed("object")
                .description("An error, as RFC 9457 problem details, the same shape in every service")
                .addProperty("type", typed("string").format("uri")
                        .description("Identifies the kind of problem; stable, safe to branch on"))
                .addProperty("title", typed("string").description("A short summary of the kind of problem"))
                .addProperty("status", typed("integer").format("int32").description("The HTTP status code"))
                .addProperty("detail", typed("string").description("What went wrong with this request"))
                .addProperty("instance", typed("string").format("uri-reference")
                        .description("The request path the problem is about"))
                .addProperty("correlationId", typed("string")
                        .description("The request's X-Correlation-Id: quote it when asking about the problem"))
                .addProperty("errors", errors);
    }

    /** {@code type} for OpenAPI 3.0 and {@code types} for 3.1: which one is written depends on the version. */
    private static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.addType(type);
        return schema;
    }

    private static boolean references(OpenAPI openApi, String schemaName) {
        String ref = "#/components/schemas/" + schemaName;
        if (openApi.getPaths() == null) {
            return false;
        }
        for (PathItem path : openApi.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                if (operation.getResponses() != null && operation.getResponses().values().stream()
                        .filter(r -> r.getContent() != null)
                        .flatMap(r -> r.getContent().values().stream())
                        .anyMatch(m -> m.getSchema() != null && ref.equals(m.getSchema().get$ref()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Components components(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.components(new Components());
        }
        return openApi.getComponents();
    }

    private static Map<String, String> ordered(String... codesAndTexts) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codesAndTexts.length; i += 2) {
            map.put(codesAndTexts[i], codesAndTexts[i + 1]);
        }
        return map;
    }
}
