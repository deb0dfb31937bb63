package org.urbancooperation.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.urbancooperation.systemtests.Mutations.Baseline;
import org.urbancooperation.systemtests.Mutations.Field;
import org.urbancooperation.systemtests.Mutations.Mutant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The hostile-input suite's own machinery, without a stack: it must not produce false findings. */
class HostileInputSuiteTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "paths": {
              "/api/v1/partnerships/{id}/agreements": {"post": {
                "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Req"}}}},
                "responses": {"200": {"content": {"*/*": {"schema": {"$ref": "#/components/schemas/Res"}}}}}}}},
             "components": {"schemas": {
              "Req": {"type": "object", "required": ["cities", "on", "partnershipId"], "properties": {
                "partnershipId": {"type": "string", "format": "uuid", "example": "00000000-0000-0000-0000-000000000000"},
                "on": {"type": "string", "format": "date"},
                "cities": {"type": "array", "minItems": 2, "items": {"$ref": "#/components/schemas/City"}},
                "code": {"type": "string", "pattern": "^[A-Z]{2}$"}}},
              "City": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "maxLength": 20}}},
              "Res": {"type": "object", "properties": {"id": {"type": "string"}, "version": {"type": "integer"}}}}}}
            """;

    @Test
    void resolvesReferencesAndBuildsValidDistinctValues() {
        List<ApiModel.Operation> operations = ApiModel.operations("doc", JSON.readTree(DOCUMENT));
        assertThat(operations).hasSize(1);
        ApiModel.Operation operation = operations.get(0);
        assertThat(operation.collectionOf("id")).isEqualTo("/api/v1/partnerships");
        assertThat(operation.requestSchema().at("/properties/cities/items/properties/name/maxLength").asInt()).isEqualTo(20);
        assertThat(operation.responseSchema().at("/properties/version/type").asString()).isEqualTo("integer");

        SchemaValues values = new SchemaValues((name, example) -> name.equals("partnershipId") ? "p-1" : null, true, false);
        JsonNode body = values.value(operation.requestSchema(), null, "");

        assertThat(body.path("partnershipId").asString()).as("a reference wins over the example").isEqualTo("p-1");
        assertThat(body.path("on").asString()).isEqualTo("2021-06-01");
        assertThat(body.has("code")).as("an optional field without an example is not in the example request").isFalse();
        assertThat(body.path("cities")).hasSize(2);
        assertThat(body.path("cities").get(0).path("name").asString())
                .isNotEqualTo(body.path("cities").get(1).path("name").asString());
    }

    @Test
    void namesEveryFieldByItsFullPath() {
        ApiModel.Operation operation = ApiModel.operations("doc", JSON.readTree(DOCUMENT)).get(0);
        JsonNode body = new SchemaValues((name, example) -> null, true, false).value(operation.requestSchema(), null, "");

        List<String> paths = Mutations.fields(operation.requestSchema(), body).stream().map(Field::display).toList();

        assertThat(paths).containsExactly("partnershipId", "on", "cities", "cities[0]", "cities[0].name", "cities[1]",
                "cities[1].name", "code");
    }

    @Test
    void rawVariantsPutTheirBytesInsideTheTargetedField() {
        ApiModel.Operation operation = ApiModel.operations("doc", JSON.readTree(DOCUMENT)).get(0);
        Baseline baseline = new Baseline(operation);
        baseline.path.put("id", "p-1");
        baseline.body = JSON.readTree("{\"on\": \"2021-06-01\", \"cities\": [{\"name\": \"Essen\"}, {\"name\": \"Koriyama\"}]}");
        Field name = Mutations.fields(operation.requestSchema(), baseline.body).stream()
                .filter(f -> f.display().equals("cities[0].name")).findFirst().orElseThrow();

        List<Mutant> mutants = Mutations.fieldMutants(name, false);

        assertThat(body(mutants, "cities[0].name duplicate key"))
                .isEqualTo("{\"on\":\"2021-06-01\",\"cities\":[{\"name\":\"Essen\",\"name\":\"Essen\"},{\"name\":\"Koriyama\"}]}");
        assertThat(body(mutants, "cities[0].name = literal NaN")).contains("[{\"name\":NaN}");
        byte[] overlong = mutants.stream().filter(m -> m.description().endsWith("overlong UTF-8 C0 AF")).findFirst()
                .orElseThrow().build().apply(baseline).body;
        assertThat(new String(overlong, StandardCharsets.ISO_8859_1)).contains("\"ab\u00C0\u00AFcd\"");
        assertThat(mutants).allMatch(m -> m.field().equals("cities[0].name"));
        assertThat(body(mutants, "cities[0].name = 21 characters (maxLength 20)")).contains("x".repeat(21));
        assertThat(body(mutants, "cities[0].name absent (required)")).contains("\"cities\":[{},{\"name\":\"Koriyama\"}]");
    }

    @Test
    void generatesStringsForCommonPatterns() {
        for (String pattern : List.of("[A-Z]{2}", "^[a-z]{2}$", "^[a-z0-9]+(-[a-z0-9]+)*$", "\\d{4}-\\d{2}", "[a-z]{2,8}")) {
            String value = SchemaValues.Regex.generate(pattern, 0, 100);
            assertThat(value).as(pattern).isNotNull();
            assertThat(java.util.regex.Pattern.compile(pattern).matcher(value).find()).as(pattern + " -> " + value).isTrue();
        }
    }

    @Test
    void comparesStoredDataWithoutTheFieldsThatChangeByThemselves() {
        org.bson.Document before = new org.bson.Document("_id", "a").append("name", "x").append("outbox", List.of())
                .append("outboxLease", "relay-1");
        org.bson.Document after = new org.bson.Document("_id", "a").append("name", "x").append("outbox", List.of("e"))
                .append("processedEventIds", List.of("1"));
        StoredData.SELF_CHANGING_FIELDS.forEach(before::remove);
        StoredData.SELF_CHANGING_FIELDS.forEach(after::remove);

        assertThat(StoredData.diff(new StoredData.Snapshot(java.util.Map.of("db.c/a", before), 0),
                new StoredData.Snapshot(java.util.Map.of("db.c/a", after), 1))).isEmpty();
        assertThat(StoredData.diff(new StoredData.Snapshot(java.util.Map.of(), 0),
                new StoredData.Snapshot(java.util.Map.of("db.c/a", after), 0))).singleElement().asString()
                .startsWith("added db.c/a");
        assertThat(Set.copyOf(StoredData.SELF_CHANGING_FIELDS)).contains("outbox", "outboxLease", "outboxSince", "outboxSeq");
    }

    private static String body(List<Mutant> mutants, String description) {
        ApiModel.Operation operation = ApiModel.operations("doc", JSON.readTree(DOCUMENT)).get(0);
        Baseline baseline = new Baseline(operation);
        baseline.path.put("id", "p-1");
        baseline.body = JSON.readTree("{\"on\": \"2021-06-01\", \"cities\": [{\"name\": \"Essen\"}, {\"name\": \"Koriyama\"}]}");
        Mutant mutant = mutants.stream().filter(m -> m.description().equals(description)).findFirst()
                .orElseThrow(() -> new AssertionError("no variant " + description + " in "
                        + mutants.stream().map(Mutant::description).toList()));
        return new String(mutant.build().apply(baseline).body, StandardCharsets.UTF_8);
    }
}
