package org.urbancooperation.gateway.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;

/**
 * Serves the AsyncAPI document of the integration events from the event-contracts jar, with the files
 * its relative {@code $ref}s and example names point to:
 * <ul>
 * <li>{@code GET /asyncapi.yaml} and {@code GET /asyncapi/asyncapi.yaml}: classpath
 * {@code integration-events/asyncapi.yaml}, {@code application/yaml}. The document's references are
 * relative ({@code schemas/envelope.v1.json}): they resolve against the second URL, the one to give a tool
 * (and the one the Swagger UI page links); the first is the short name to remember;</li>
 * <li>{@code GET /asyncapi/schemas/<file>.json}: {@code integration-events/schemas/*.json};</li>
 * <li>{@code GET /asyncapi/samples/<file>.json}: {@code integration-events/samples/*.json}.</li>
 * </ul>
 * The files are read once at start-up into an allow-list keyed by file name; a request is answered only
 * for an exact name in it, so there is no directory listing and no path is ever resolved from the
 * request (dot segments and encoded slashes are refused even earlier, by {@code web.PathTraversalGuardFilter}).
 * Anything else under {@code /asyncapi/} is a 404 problem. Public, like the Swagger UI page.
 */
@Configuration(proxyBeanMethods = false)
public class IntegrationEventsDocumentation {

    public static final String DOCUMENT_PATH = "/asyncapi.yaml";
    /** The same document beside its schemas and samples, so that its relative references resolve. */
    public static final String RESOLVABLE_DOCUMENT_PATH = "/asyncapi/asyncapi.yaml";
    static final String LOCATION = "integration-events/";

    private final byte[] document;
    private final Map<String, byte[]> schemas;
    private final Map<String, byte[]> samples;

    public IntegrationEventsDocumentation() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
        this.document = read(resolver.getResource("classpath:" + LOCATION + "asyncapi.yaml"));
        this.schemas = readAll(resolver, "schemas");
        this.samples = readAll(resolver, "samples");
    }

    @Bean
    RouterFunction<ServerResponse> integrationEventsDocumentationRoutes() {
        return RouterFunctions.route()
                .route(getOrHead(DOCUMENT_PATH), request -> ok(MediaType.APPLICATION_YAML, document))
                .route(getOrHead(RESOLVABLE_DOCUMENT_PATH), request -> ok(MediaType.APPLICATION_YAML, document))
                .route(getOrHead("/asyncapi/schemas/{file}"), request -> file(schemas, request))
                .route(getOrHead("/asyncapi/samples/{file}"), request -> file(samples, request))
                .build();
    }

    /** HEAD too (WebFlux drops the body): e.g. a link checker. */
    private static RequestPredicate getOrHead(String pattern) {
        return RequestPredicates.GET(pattern).or(RequestPredicates.HEAD(pattern));
    }

    private static Mono<ServerResponse> file(Map<String, byte[]> files, ServerRequest request) {
        byte[] content = files.get(request.pathVariable("file"));
        if (content == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return ok(MediaType.APPLICATION_JSON, content);
    }

    private static Mono<ServerResponse> ok(MediaType contentType, byte[] content) {
        return ServerResponse.ok().contentType(contentType).bodyValue(content);
    }

    private static Map<String, byte[]> readAll(PathMatchingResourcePatternResolver resolver, String folder) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            for (Resource resource : resolver.getResources("classpath*:" + LOCATION + folder + "/*.json")) {
                files.putIfAbsent(resource.getFilename(), read(resource));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + LOCATION + folder, e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("No " + LOCATION + folder + "/*.json on the classpath (event-contracts jar)");
        }
        return Map.copyOf(files);
    }

    private static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource.getDescription(), e);
        }
    }
}
