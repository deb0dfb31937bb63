package org.urbancooperation.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.urbancooperation.contracts.identity.CallerIdentity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client (the JDK's) against a service on a loopback port, for API tests. */
public final class ServiceHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String[] defaultHeaders;

    public ServiceHttp(int port) {
        this("http://127.0.0.1:" + port);
    }

    public ServiceHttp(String base) {
        this(base, new String[0]);
    }

    private ServiceHttp(String base, String[] defaultHeaders) {
        this.base = base;
        this.defaultHeaders = defaultHeaders;
    }

    /** The same client calling as {@code identity}, as if through the gateway. */
    public ServiceHttp as(CallerIdentity identity) {
        return new ServiceHttp(base, TestIdentities.as(identity));
    }

    /** The same client without any identity: an anonymous caller. */
    public ServiceHttp anonymous() {
        return new ServiceHttp(base, new String[0]);
    }

    public URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        if (defaultHeaders.length > 0) {
            request.headers(defaultHeaders);
        }
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
