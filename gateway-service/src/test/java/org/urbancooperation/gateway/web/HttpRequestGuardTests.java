package org.urbancooperation.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.urbancooperation.gateway.RecordingBackend;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Reactor Netty's HTTP decoder refuses before WebFlux, sent as raw bytes over a socket to a running
 * gateway (an HTTP client would refuse to send most of it): every refusal is a problem document, at once,
 * with the connection closed, nothing forwarded, and no ERROR in the log.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "ucp.rate-limit.limits.anonymous.burst=10000")
@ExtendWith(OutputCaptureExtension.class)
class HttpRequestGuardTests {

    static final RecordingBackend BACKEND = RecordingBackend.start();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("PARTNERSHIP_SERVICE_URL", BACKEND::url);
        registry.add("MATCHING_SERVICE_URL", BACKEND::url);
        registry.add("EVENT_SERVICE_URL", BACKEND::url);
    }

    @AfterAll
    static void stop() {
        BACKEND.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aTenKilobytePathIs414Problem(CapturedOutput output) throws IOException {
        String path = "/api/v1/partnerships/" + "a".repeat(10_240);
        Response response = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertProblem(response, 414, "uri-too-long");
        assertThat(BACKEND.requestsContaining("aaaaaaaaaa")).isEmpty();
        assertThat(output.getAll()).doesNotContain(" ERROR ");
    }

    @Test
    void aTenKilobyteHeaderIs431Problem() throws IOException {
        Response response = send("GET /api/v1/partnerships/h431 HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "b".repeat(10_240) + "\r\n\r\n");

        assertProblem(response, 431, "request-header-fields-too-large");
        assertThat(BACKEND.requestsContaining("h431")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "%", "%zz", "%4", "a%g1" })
    void aTargetWithABrokenPercentEncodingIs400Problem(String segment) throws IOException {
        String marker = "pct-" + UUID.randomUUID();
        Response response = send("GET /api/v1/partnerships/" + marker + "/" + segment
                + " HTTP/1.1\r\nHost: localhost\r\nX-Correlation-Id: broken-percent\r\n\r\n");

        assertProblem(response, 400, "bad-request");
        assertThat(response.json().path("correlationId").asString()).isEqualTo("broken-percent");
        assertThat(response.header("x-correlation-id")).isEqualTo("broken-percent");
        assertThat(BACKEND.requestsContaining(marker)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "gzip, chunked", "chunked, chunked", "gzip", "identity", "chunked;q=1", "x" })
    void anyTransferCodingButPlainChunkedIs400ProblemAtOnce(String codings, CapturedOutput output) throws IOException {
        String marker = "te-" + UUID.randomUUID();
        long start = System.nanoTime();
        Response response = send("GET /api/v1/partnerships/" + marker + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Transfer-Encoding: " + codings + "\r\n\r\n");

        assertThat((System.nanoTime() - start) / 1_000_000).as("answered at once, not after a timeout").isLessThan(3000);
        assertProblem(response, 400, "bad-request");
        assertThat(BACKEND.requestsContaining(marker)).isEmpty();
        assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("at io.netty");
    }

    @Test
    void transferEncodingTogetherWithContentLengthIs400Problem() throws IOException {
        String marker = "te-cl-" + UUID.randomUUID();
        Response response = send("POST /api/v1/partnerships/" + marker + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "2\r\n{}\r\n0\r\n\r\n");

        assertProblem(response, 400, "bad-request");
        assertThat(BACKEND.requestsContaining(marker)).isEmpty();
    }

    @Test
    void twoTransferEncodingHeadersAre400Problem() throws IOException {
        String marker = "te-twice-" + UUID.randomUUID();
        Response response = send("POST /api/v1/partnerships/" + marker + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");

        assertProblem(response, 400, "bad-request");
        assertThat(BACKEND.requestsContaining(marker)).isEmpty();
    }

    @Test
    void aPlainChunkedBodyAndAValidPercentEncodingStillGetThrough() throws IOException {
        String marker = "chunked-" + UUID.randomUUID();
        Response response = send("POST /api/v1/partnerships/" + marker + "/%41%2d HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "2\r\n{}\r\n0\r\n\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(BACKEND.requestsContaining(marker)).hasSize(1);
    }

    private static void assertProblem(Response response, int status, String type) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("content-type")).isEqualTo("application/problem+json");
        assertThat(response.header("connection")).isEqualTo("close");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString()).isEqualTo("https://urban-cooperation.example/problems/" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("correlationId").asString()).isNotBlank().isEqualTo(response.header("x-correlation-id"));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.netty");
    }

    /** Sends the bytes and reads until the gateway closes the connection (it must, after a refusal). */
    private Response send(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no complete answer within 10 s; got: " + received, e);
            } catch (IOException reset) {
                // A reset after the answer: what was read is the answer.
            }
            return Response.parse(received.toString(StandardCharsets.UTF_8));
        }
    }

    record Response(int status, Map<String, String> headers, String body) {

        static Response parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            assertThat(end).as("a complete response head in: %s", raw).isPositive();
            String[] lines = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
        }

        String header(String name) {
            return headers.get(name);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
