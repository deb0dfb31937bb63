package org.urbancooperation.support.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.urbancooperation.support.testing.TestIdentities;

import com.mongodb.client.MongoClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared plumbing reads input strictly: a refused request writes nothing, every refusal is
 * problem+json naming the field by its full path, and nothing the server or JSON library would
 * otherwise coerce, roll over or guess gets through.
 */
class StrictInputTest extends SupportServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MongoClient mongo;

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/html", "text/csv"})
    void anUnacceptableAcceptHeaderIsRefusedBeforeAnythingIsWritten(String accept) {
        String name = "Essen accept " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = http().postJson("/api/v1/test-partnerships", essenKoriyama(name),
                "Accept", accept);

        problem(response, 406);
        assertThat(stored(name)).isZero();
    }

    @Test
    void jsonOrAnyAcceptableTypeIsServed() {
        for (String accept : List.of("application/json", "*/*", "application/*", "application/json, text/html;q=0.5")) {
            String name = "Essen ok " + UUID.randomUUID().toString().substring(0, 8);
            assertThat(http().postJson("/api/v1/test-partnerships", essenKoriyama(name), "Accept", accept).statusCode())
                    .as(accept).isEqualTo(201);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"multipart/form-data", "application/*", "*/*", "text/plain", "application/x-www-form-urlencoded",
            "application/json; charset=latin1", "application/json; charset=utf-16", "nonsense", "application/json; charset=nope",
            "application/yaml", "application/x-yaml", "application/xml", "application/cbor", "application/problem+json"})
    void bodiesOfAnotherMediaTypeAre415WithoutWriting(String contentType) {
        String name = "Essen type " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/test-partnerships"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(essenKoriyama(name))));

        assertThat(response.statusCode()).as(response.body()).isIn(400, 415);
        problem(response, response.statusCode());
        assertThat(stored(name)).isZero();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "kind            | 0",
            "kind            | \"0\"",
            "kind            | \"twinning\"",
            "kind            | \"\"",
            "meetingsPerYear | 30.5",
            "meetingsPerYear | \"30\"",
            "meetingsPerYear | 1e1",
            "meetingsPerYear | true",
            "meetingsPerYear | 99999999999999999999",
            "reviewAt        | \"\"",
            "reviewAt        | \" \"",
            "reviewAt        | \"\\u0000\"",
            "reviewAt        | 1600000000",
            "reviewAt        | \"1600000000\"",
            "reviewAt        | \"2020-01-01T24:00:00Z\"",
            "reviewAt        | \"2020-01-01T23:59:60Z\"",
            "reviewAt        | \"+999999999-12-31T23:59:59Z\"",
            "reviewAt        | \"2020-01-01T10:00:00\"",
            "reviewAt        | \"2020-01-01\"",
            "establishedOn   | 0",
            "establishedOn   | \"+10000-01-01\"",
            "establishedOn   | \"2019-02-29\"",
            "establishedOn   | [2019, 8, 27]",
            "establishedOn   | \"27.08.2019\"",
            "active          | \"true\"",
            "active          | 1",
            "name            | 5",
            "name            | false",
            "name            | [\"Essen\"]",
            "name            | {\"en\": \"Essen\"}",
            "cities          | {}",
            "kind            | \" TWINNING\"",
            "kind            | \"TWINNING\\u0000\"",
            "programmeId     | \" 3f0b5f43-5d3c-4c1e-9a8e-8a1c0d1e2f3a\"",
            "programmeId     | \"3f0b5f43-5d3c-4c1e-9a8e-8a1c0d1e2f3a\\u0000\"",
            "programmeId     | \"3f0b5f435d3c4c1e9a8e8a1c0d1e2f3a\"",
            "programmeId     | 5",
            "cities          | \"Essen\""})
    void aValueOfTheWrongKindIsRefusedNamingItsField(String field, String value) {
        String body = body(field, value);
        HttpResponse<String> response = postJson("/api/v1/test-partnerships", body);

        JsonNode problem = problem(response, 400);
        assertThat(fields(problem)).as(body + " -> " + response.body()).containsExactly(field);
        assertThat(response.body()).doesNotContain("java.", "tools.jackson", "Exception", "CoercionConfig", "`");
    }

    @Test
    void nestedFieldsAreNamedByTheirFullPath() {
        String body = essenKoriyama("Essen nested").replace("\"countryCode\": \"JP\"", "\"countryCode\": 81");
        assertThat(fields(problem(postJson("/api/v1/test-partnerships", body), 400)))
                .containsExactly("cities[1].countryCode");

        String nan = essenKoriyama("Essen nested").replace("\"countryCode\": \"JP\"", "\"countryCode\": NaN");
        assertThat(fields(problem(postJson("/api/v1/test-partnerships", nan), 400)))
                .containsExactly("cities[1].countryCode");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[[\"x\"]] | themes[0]", "[\"a\", {}] | themes[1]", "[\"a\", 5] | themes[1]",
            "[\"a\", null] | ''"})
    void listEntriesOfTheWrongKindAreNamedByIndex(String themes, String field) {
        HttpResponse<String> response = postJson("/api/v1/test-partnerships", body("themes", themes));
        if (field.isEmpty()) {
            assertThat(response.statusCode()).as(response.body()).isIn(201, 400);
            return;
        }
        assertThat(fields(problem(response, 400))).as(response.body()).containsExactly(field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"limit=%ff | limit", "name=%zz | name", "name=%C0%AF | name", "limit=0x10 | limit",
            "limit=+1 | limit", "limit=%201 | limit", "limit=1.5 | limit", "limit=99999999999999999999 | limit",
            "minMeetings=99999999999999999999 | minMeetings", "minMeetings=+1 | minMeetings", "cursor=%ff | cursor",
            "cursor=abc | cursor",
            "kind=%20TWINNING | kind", "kind=twinning | kind", "programmeId=%203f0b5f43-5d3c-4c1e-9a8e-8a1c0d1e2f3a | programmeId",
            "active=yes | active", "active=1 | active", "%ff=1 | query"})
    void queryValuesAreReadStrictly(String query, String field) throws IOException {
        RawResponse response = raw("GET /api/v1/test-partnerships?" + query + " HTTP/1.1\r\nHost: localhost\r\n"
                + TestIdentities.as(TestIdentities.OPERATOR)[0] + ": " + TestIdentities.as(TestIdentities.OPERATOR)[1]
                + "\r\nConnection: close\r\n\r\n");
        assertThat(response.status).as(response.text).isEqualTo(400);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(fields(JSON.readTree(response.body))).as(response.body).containsExactly(field);
    }

    @Test
    void canonicalQueryValuesAreRead() {
        assertThat(get("/api/v1/test-partnerships?minMeetings=-1&limit=10&kind=TWINNING&active=true"
                + "&programmeId=3f0b5f43-5d3c-4c1e-9a8e-8a1c0d1e2f3a&name=Essen+%E9%83%A1%E5%B1%B1").statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "0x10", "010", "+1", "'x'", "undefined"})
    void nonStandardLiteralsAreRefusedNamingTheField(String literal) {
        String body = essenKoriyama("Essen literal").replaceFirst("\\{", "{\"meetingsPerYear\": " + literal + ", ");
        assertThat(fields(problem(postJson("/api/v1/test-partnerships", body), 400))).containsExactly("meetingsPerYear");
    }

    @Test
    void duplicateKeysAreRefusedNamingTheField() {
        String body = essenKoriyama("Essen dup").replaceFirst("\\{", "{\"name\": \"Other\", ");
        JsonNode problem = problem(postJson("/api/v1/test-partnerships", body), 400);
        assertThat(fields(problem)).containsExactly("name");
        assertThat(stored("Other")).isZero();

        String nested = essenKoriyama("Essen dup").replace("\"countryCode\": \"DE\"",
                "\"countryCode\": \"DE\", \"countryCode\": \"FR\"");
        assertThat(fields(problem(postJson("/api/v1/test-partnerships", nested), 400)))
                .containsExactly("cities[0].countryCode");
    }

    @Test
    void trailingContentAfterTheBodyIsRefused() {
        problem(postJson("/api/v1/test-partnerships", essenKoriyama("Essen trailing") + " {}"), 400);
    }

    @Test
    void deeplyNestedBodiesAre400() {
        String deep = "[".repeat(2000) + "]".repeat(2000);
        problem(postJson("/api/v1/test-partnerships", "{\"name\": " + deep + "}"), 400);
        problem(postJson("/api/v1/test-partnerships", deep), 400);
    }

    @Test
    void malformedUtf8IsRefusedNamingTheFieldItIsIn() throws IOException {
        String name = "Essen utf8";
        byte[] before = essenKoriyama("PLACEHOLDER").getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82})) {
            byte[] body = replace(before, "PLACEHOLDER", name, bad);
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/test-partnerships"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
            assertThat(fields(problem(response, 400))).containsExactly("name");
        }
        assertThat(stored(name + "/")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/test-partnerships/%00", "/api/v1/test-partnerships/%ff", "/api/v1/test-partnerships/%",
            "/api/v1/test-partnerships/%zz", "/api/v1/test-partnerships?limit[]=1", "/api/v1/test-partnerships?name[$ne]=1",
            "/api/v1/test-partnerships/%2e%2e/x", "/api/v1/test-partnerships/a%2fb", "/api/v1/test-partnerships/%5c",
            "/api/v1/test-partnerships/..;/x", "/api/v1/test-partnerships/%C0%AF"})
    void requestsTheServerRefusesBeforeTheApplicationAreProblemJson(String target) throws IOException {
        RawResponse response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response.status).as(target + " -> " + response.text).isBetween(400, 499);
        assertThat(response.header("content-type")).as(response.text).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body);
        assertThat(problem.path("status").asInt()).isEqualTo(response.status);
        assertThat(response.body).doesNotContain("Tomcat", "<html", "Exception");
    }

    @Test
    void aServiceAsksForCredentialsWhenThereAreNone() {
        HttpResponse<String> response = http().anonymous().get("/api/v1/test-partnerships/" + UUID.randomUUID());
        problem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).contains("Bearer").contains("ApiKey"));
    }

    // --- helpers ---

    private long stored(String name) {
        return mongo.getDatabase("support_test").getCollection("test_partnerships").countDocuments(new Document("name", name));
    }

    /** A valid request body with {@code field} set to the raw JSON {@code value}. */
    private static String body(String field, String value) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("name", "\"Essen strict\"");
        fields.put("establishedOn", "\"2019-08-27\"");
        fields.put("cities", "[{\"name\": \"Essen\", \"countryCode\": \"DE\", \"timeZone\": \"Europe/Berlin\"},"
                + " {\"name\": \"Koriyama\", \"countryCode\": \"JP\", \"timeZone\": \"Asia/Tokyo\"}]");
        fields.put(field, value);
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        return json.append('}').toString();
    }

    private static byte[] replace(byte[] template, String placeholder, String text, byte[] bad) {
        String s = new String(template, StandardCharsets.UTF_8);
        int at = s.indexOf(placeholder);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(s.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes(s.substring(at + placeholder.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    record RawResponse(int status, String text, String body) {
        String header(String name) {
            for (String line : text.split("\r\n")) {
                if (line.toLowerCase().startsWith(name + ":")) {
                    return line.substring(name.length() + 1).strip();
                }
                if (line.isEmpty()) {
                    break;
                }
            }
            return "";
        }
    }

    private RawResponse raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            String body = split < 0 ? "" : text.substring(split + 4);
            if (text.toLowerCase().contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new RawResponse(status, text, body);
        }
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < chunked.length()) {
            int eol = chunked.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(i, eol).strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }


}
