package org.urbancooperation.systemtests;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hostile variants of a valid baseline request, derived from the operation's schema alone: per body
 * field (at every depth), per parameter, and per request.
 */
final class Mutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MARKER = "@@hostile-raw-value@@";
    static final String UNKNOWN_FIELD = "hostileUnknownField";
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What a correct service does with a variant. */
    enum Expect {
        /** 4xx; a 2xx is a finding. */
        REFUSE,
        /** either is right (e.g. an unknown query parameter may be ignored); only the answer's shape is checked. */
        EITHER,
        /** a baseline: 2xx. */
        SUCCEED
    }

    /** A valid request of one operation: what the variants start from. Path values may be replaced by fresh ids. */
    static final class Baseline {
        final ApiModel.Operation operation;
        final Map<String, String> path = new LinkedHashMap<>();
        final Map<String, String> query = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        JsonNode body;

        Baseline(ApiModel.Operation operation) {
            this.operation = operation;
        }

        Draft draft() {
            Draft draft = new Draft(operation.method());
            String target = operation.path();
            for (Map.Entry<String, String> p : path.entrySet()) {
                draft.pathValues.put(p.getKey(), encode(p.getValue()));
            }
            draft.pathTemplate = target;
            query.forEach((name, value) -> draft.query.add(new String[] {encode(name), encode(value)}));
            // What the operation documents it answers: JSON, or e.g. text/calendar for a calendar feed.
            String answers = operation.responseMediaType();
            draft.headers.put("Accept", answers == null || answers.contains("json") || answers.equals("*/*")
                    ? "application/json, application/problem+json" : answers + ", application/problem+json");
            headers.forEach(draft.headers::put);
            if (body != null) {
                draft.headers.put("Content-Type", "application/json");
                draft.body = bytes(body);
            }
            return draft;
        }
    }

    /** A request being built: raw (already encoded) path values and query pairs, headers, body bytes. */
    static final class Draft {
        String method;
        String pathTemplate;
        final Map<String, String> pathValues = new LinkedHashMap<>();
        final List<String[]> query = new ArrayList<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
        boolean chunked;
        Duration timeout = TIMEOUT;

        Draft(String method) {
            this.method = method;
        }

        String target() {
            String target = pathTemplate;
            for (Map.Entry<String, String> p : pathValues.entrySet()) {
                target = target.replace("{" + p.getKey() + "}", p.getValue());
            }
            if (!query.isEmpty()) {
                List<String> pairs = new ArrayList<>();
                for (String[] pair : query) {
                    pairs.add(pair[1] == null ? pair[0] : pair[0] + "=" + pair[1]);
                }
                target += "?" + String.join("&", pairs);
            }
            return target;
        }

        RawHttp.Request request() {
            List<String[]> list = new ArrayList<>();
            headers.forEach((name, value) -> {
                if (value != null) {
                    list.add(new String[] {name, value});
                }
            });
            return new RawHttp.Request(method, target(), list, body, chunked, timeout);
        }
    }

    /**
     * One hostile variant. {@code field} is the full path of the field (or the parameter) it targets, which
     * a field-level refusal must name; {@code pathKept}: the path still names the baseline's resource.
     */
    record Mutant(String description, String field, Expect expect, boolean pathKept, Function<Baseline, Draft> build) {
    }

    /**
     * A body field: its full path as the API names it ({@code cities[0].timeZone}) and as steps into the tree.
     * {@code sample}: a field inside the last item of a list, which gets a few variants only, to check that a
     * refusal names the right index ({@code cities[1].timeZone}).
     */
    record Field(String display, List<Object> steps, JsonNode schema, boolean required, boolean inArray,
            boolean sample) {
    }

    private Mutations() {
    }

    // ---------------------------------------------------------------- body fields

    static List<Field> fields(JsonNode schema, JsonNode body) {
        List<Field> fields = new ArrayList<>();
        walk(schema, body, "", new ArrayList<>(), fields, false);
        return fields;
    }

    private static void walk(JsonNode schema, JsonNode node, String display, List<Object> steps, List<Field> fields,
            boolean sample) {
        String type = ApiModel.typeOf(schema);
        if (type.equals("object") && node != null && node.isObject()) {
            Set<String> required = SchemaValues.required(schema);
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                if (property.getValue().path("readOnly").asBoolean(false)) {
                    continue;
                }
                String childDisplay = display.isEmpty() ? property.getKey() : display + "." + property.getKey();
                List<Object> childSteps = append(steps, property.getKey());
                fields.add(new Field(childDisplay, childSteps, property.getValue(), required.contains(property.getKey()),
                        false, sample));
                walk(property.getValue(), node.get(property.getKey()), childDisplay, childSteps, fields, sample);
            }
        } else if (type.equals("array") && node != null && node.isArray() && !node.isEmpty()) {
            List<Integer> items = node.size() > 1 ? List.of(0, node.size() - 1) : List.of(0);
            for (int index : items) {
                String childDisplay = display + "[" + index + "]";
                List<Object> childSteps = append(steps, index);
                boolean last = sample || index > 0;
                fields.add(new Field(childDisplay, childSteps, schema.path("items"), true, true, last));
                walk(schema.path("items"), node.get(index), childDisplay, childSteps, fields, last);
            }
        }
    }

    private static List<Object> append(List<Object> steps, Object step) {
        List<Object> copy = new ArrayList<>(steps);
        copy.add(step);
        return copy;
    }

    /** Every variant of one field: wrong types, bad values of its type and format, broken JSON and bytes. */
    static List<Mutant> fieldMutants(Field field, boolean reference) {
        List<Mutant> mutants = new ArrayList<>();
        JsonNode schema = field.schema();
        String type = ApiModel.typeOf(schema);
        if (field.sample()) {
            value(mutants, field, type.equals("boolean") ? "string \"hostile\"" : "boolean true",
                    type.equals("boolean") ? NODES.stringNode("hostile") : NODES.booleanNode(true), Expect.REFUSE);
            if (type.equals("string")) {
                mutants.add(new Mutant(field.display() + " with NUL (U+0000)", field.display(), Expect.REFUSE, true,
                        b -> bodyDraft(b, edit(b.body, field.steps(), NODES.stringNode(text(b, field) + "\u0000"), false))));
            }
            raw(mutants, field, "literal NaN", "NaN");
            return mutants;
        }
        String format = schema.path("format").asString("");
        boolean enumerated = schema.has("enum");
        boolean constrained = field.required() || !format.isEmpty() || enumerated || schema.has("pattern")
                || schema.path("minLength").asInt(0) > 0;

        // wrong JSON types
        if (!type.equals("integer") && !type.equals("number")) {
            value(mutants, field, "number " + (enumerated ? "0 (enum as number)" : "12345"),
                    NODES.numberNode(enumerated ? 0 : 12345), Expect.REFUSE);
        }
        if (!type.equals("boolean")) {
            value(mutants, field, "boolean true", NODES.booleanNode(true), Expect.REFUSE);
        }
        if (!type.equals("object")) {
            value(mutants, field, "object {}", NODES.objectNode(), Expect.REFUSE);
        }
        if (!type.equals("array")) {
            value(mutants, field, "array [\"x\"]", NODES.arrayNode().add("x"), Expect.REFUSE);
        }
        if (!type.equals("string")) {
            value(mutants, field, "string \"hostile\"", NODES.stringNode("hostile"), Expect.REFUSE);
        }
        value(mutants, field, "null", NODES.nullNode(), field.required() ? Expect.REFUSE : Expect.EITHER);
        if (field.required() && !field.inArray()) {
            mutants.add(new Mutant(field.display() + " absent (required)", field.display(), Expect.REFUSE, true,
                    b -> bodyDraft(b, edit(b.body, field.steps(), null, true))));
        }
        // literals JSON does not have
        raw(mutants, field, "literal NaN", "NaN");
        raw(mutants, field, "literal Infinity", "Infinity");
        raw(mutants, field, "literal 0x10", "0x10");
        if (!field.inArray()) {
            mutants.add(new Mutant(field.display() + " duplicate key", field.display(), Expect.REFUSE, true,
                    b -> duplicateKey(b, field)));
        }

        switch (type) {
            case "string" -> stringMutants(mutants, field, format, enumerated, constrained, reference);
            case "integer", "number" -> numberMutants(mutants, field, type);
            case "boolean" -> {
                value(mutants, field, "string \"true\"", NODES.stringNode("true"), Expect.REFUSE);
                value(mutants, field, "number 1", NODES.numberNode(1), Expect.REFUSE);
            }
            case "array" -> {
                int min = schema.path("minItems").asInt(0);
                value(mutants, field, "empty array", NODES.arrayNode(), min > 0 ? Expect.REFUSE : Expect.EITHER);
                if (schema.has("maxItems")) {
                    int max = schema.get("maxItems").asInt();
                    mutants.add(new Mutant(field.display() + " = " + (max + 1) + " items (maxItems " + max + ")",
                            field.display(), Expect.REFUSE, true, b -> {
                                JsonNode current = at(b.body, field.steps());
                                ArrayNode longer = NODES.arrayNode();
                                // Items that are valid one by one, so that only their number is wrong.
                                boolean uuids = schema.path("items").path("format").asString("").equals("uuid");
                                for (int i = 0; i <= max; i++) {
                                    longer.add(current != null && current.isArray() && !current.isEmpty()
                                            ? current.get(i % current.size()).deepCopy()
                                            : NODES.stringNode(uuids ? java.util.UUID.randomUUID().toString() : "x"));
                                }
                                return bodyDraft(b, edit(b.body, field.steps(), longer, false));
                            }));
                }
            }
            case "object" -> {
                String unknown = field.display() + "." + UNKNOWN_FIELD;
                mutants.add(new Mutant(unknown + " (unknown field)", unknown, Expect.REFUSE, true, b -> {
                    JsonNode copy = b.body.deepCopy();
                    JsonNode target = at(copy, field.steps());
                    if (target instanceof ObjectNode object) {
                        object.put(UNKNOWN_FIELD, "x");
                        return bodyDraft(b, copy);
                    }
                    // An optional object the baseline leaves out: the unknown field alone in it (else the baseline
                    // itself would be sent, and accepted, as if it were the variant).
                    return bodyDraft(b, edit(b.body, field.steps(), NODES.objectNode().put(UNKNOWN_FIELD, "x"), false));
                }));
            }
            default -> {
            }
        }
        return mutants;
    }

    private static void stringMutants(List<Mutant> mutants, Field field, String format, boolean enumerated,
            boolean constrained, boolean reference) {
        JsonNode schema = field.schema();
        Expect blank = constrained ? Expect.REFUSE : Expect.EITHER;
        value(mutants, field, "empty string", NODES.stringNode(""), blank);
        value(mutants, field, "blank string", NODES.stringNode("   "), blank);
        if (schema.has("maxLength")) {
            int max = schema.get("maxLength").asInt();
            value(mutants, field, (max + 1) + " characters (maxLength " + max + ")",
                    NODES.stringNode("x".repeat(max + 1)), Expect.REFUSE);
        } else {
            value(mutants, field, "10,000 characters (the schema has no maxLength)",
                    NODES.stringNode("x".repeat(10_000)), Expect.REFUSE);
        }
        mutants.add(new Mutant(field.display() + " with NUL (U+0000)", field.display(), Expect.REFUSE, true,
                b -> bodyDraft(b, edit(b.body, field.steps(), NODES.stringNode(text(b, field) + "\u0000"), false))));
        mutants.add(new Mutant(field.display() + " with RIGHT-TO-LEFT OVERRIDE (U+202E)", field.display(),
                Expect.REFUSE, true,
                b -> bodyDraft(b, edit(b.body, field.steps(), NODES.stringNode("\u202E" + text(b, field)), false))));
        mutants.add(new Mutant(field.display() + " with ESC (U+001B)", field.display(), Expect.REFUSE, true,
                b -> bodyDraft(b, edit(b.body, field.steps(), NODES.stringNode(text(b, field) + "\u001B[2J"), false))));
        // broken bytes inside the string value
        rawBytes(mutants, field, "overlong UTF-8 C0 AF", new byte[] {(byte) 0xC0, (byte) 0xAF});
        rawBytes(mutants, field, "invalid UTF-8 FF", new byte[] {(byte) 0xFF});
        rawBytes(mutants, field, "lone UTF-8 continuation byte 80", new byte[] {(byte) 0x80});
        rawBytes(mutants, field, "UTF-8 encoded surrogate ED A0 80", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        rawBytes(mutants, field, "unescaped control byte 01", new byte[] {0x01});
        if (!format.isEmpty() || enumerated || schema.has("pattern")) {
            // A uuid, date, enum name or code with spaces around it is not one: no silent trimming.
            mutants.add(new Mutant(field.display() + " with spaces around its value", field.display(), Expect.REFUSE,
                    true, b -> bodyDraft(b, edit(b.body, field.steps(), NODES.stringNode(" " + text(b, field) + " "), false))));
        }
        if (schema.has("pattern")) {
            Pattern pattern = Pattern.compile(schema.get("pattern").asString());
            for (String candidate : List.of("!", "!!", "0", "!!!!!!!!")) {
                if (!pattern.matcher(candidate).find()) {
                    value(mutants, field, "\"" + candidate + "\" (does not match pattern " + pattern + ")",
                            NODES.stringNode(candidate), Expect.REFUSE);
                    break;
                }
            }
        }
        if (enumerated) {
            value(mutants, field, "unknown enum name", NODES.stringNode("NOT_A_VALUE"), Expect.REFUSE);
            String first = schema.get("enum").get(0).asString();
            String swapped = first.equals(first.toUpperCase(Locale.ROOT)) ? first.toLowerCase(Locale.ROOT)
                    : first.toUpperCase(Locale.ROOT);
            if (!swapped.equals(first)) {
                value(mutants, field, "enum in other case \"" + swapped + "\"", NODES.stringNode(swapped), Expect.REFUSE);
            }
        }
        switch (format) {
            case "uuid" -> {
                value(mutants, field, "malformed uuid", NODES.stringNode("not-a-uuid"), Expect.REFUSE);
                value(mutants, field, "uuid one digit short", NODES.stringNode("123e4567-e89b-12d3-a456-42661417400"),
                        Expect.REFUSE);
                value(mutants, field, "uuid in braces", NODES.stringNode("{" + UUID.randomUUID() + "}"), Expect.REFUSE);
                if (reference) {
                    value(mutants, field, "uuid of nothing (unknown reference)", NODES.stringNode(UUID.randomUUID().toString()),
                            Expect.REFUSE);
                }
            }
            case "date" -> {
                for (String bad : List.of("0000-01-01", "-0001-01-01", "10000-01-01", "+10000-01-01", "+999999999-12-31",
                        "2019-02-30", "2019-13-01", "2019-8-27", "27.08.2019", "2019-08-27T00:00:00Z", "\u0000")) {
                    value(mutants, field, "date \"" + printable(bad) + "\"", NODES.stringNode(bad), Expect.REFUSE);
                }
                value(mutants, field, "date as epoch number 0", NODES.numberNode(0), Expect.REFUSE);
                value(mutants, field, "date as epoch millis", NODES.numberNode(1_566_864_000_000L), Expect.REFUSE);
            }
            case "date-time" -> {
                for (String bad : List.of("0000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "10000-01-01T00:00:00Z",
                        "+10000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "2023-01-25T24:00:00Z",
                        "2023-01-25T23:59:60Z", "2023-02-30T08:00:00Z", "2023-01-25T08:00:00", "2023-01-25T08:00:00+25:00",
                        "2023-01-25", "\u0000")) {
                    value(mutants, field, "instant \"" + printable(bad) + "\"", NODES.stringNode(bad), Expect.REFUSE);
                }
                value(mutants, field, "instant as epoch seconds", NODES.numberNode(1_674_633_600L), Expect.REFUSE);
                value(mutants, field, "instant as epoch millis", NODES.numberNode(1_674_633_600_000L), Expect.REFUSE);
            }
            default -> {
            }
        }
    }

    private static void numberMutants(List<Mutant> mutants, Field field, String type) {
        JsonNode schema = field.schema();
        if (type.equals("integer")) {
            value(mutants, field, "30.5 (fraction for an integer)", NODES.numberNode(30.5), Expect.REFUSE);
            raw(mutants, field, "literal 1e1 (exponent for an integer)", "1e1");
        }
        mutants.add(new Mutant(field.display() + " = its value as a string", field.display(), Expect.REFUSE, true,
                b -> {
                    JsonNode current = at(b.body, field.steps());
                    return bodyDraft(b, edit(b.body, field.steps(),
                            NODES.stringNode(current == null ? "30" : current.asString()), false));
                }));
        raw(mutants, field, "literal 010 (leading zero)", "010");
        raw(mutants, field, "literal +1", "+1");
        if (schema.has("minimum")) {
            long below = (long) Math.ceil(schema.get("minimum").asDouble()) - 1;
            value(mutants, field, below + " (minimum " + schema.get("minimum") + ")", NODES.numberNode(below), Expect.REFUSE);
        } else {
            value(mutants, field, "-1 (no minimum in the schema)", NODES.numberNode(-1), Expect.EITHER);
        }
        if (schema.has("maximum")) {
            long above = (long) Math.floor(schema.get("maximum").asDouble()) + 1;
            value(mutants, field, above + " (maximum " + schema.get("maximum") + ")", NODES.numberNode(above), Expect.REFUSE);
        }
        if (schema.path("format").asString("").equals("int32")) {
            value(mutants, field, "2147483648 (beyond int32)", NODES.numberNode(2_147_483_648L), Expect.REFUSE);
        }
        raw(mutants, field, "literal 1 followed by 30 zeros", "1" + "0".repeat(30));
    }

    // ---------------------------------------------------------------- whole requests

    static List<Mutant> requestMutants(ApiModel.Operation operation, JsonNode responseFields) {
        List<Mutant> mutants = new ArrayList<>();
        boolean body = operation.requestSchema() != null;
        if (body) {
            String pad = " ".repeat(300 * 1024);
            mutants.add(new Mutant("body over 256 KB (valid JSON padded with spaces)", null, Expect.REFUSE, true,
                    b -> withBody(b, concat(bytes(b.body), pad.getBytes(StandardCharsets.US_ASCII)))));
            mutants.add(new Mutant("body over 256 KB, chunked (no Content-Length)", null, Expect.REFUSE, true, b -> {
                Draft d = withBody(b, concat(bytes(b.body), pad.getBytes(StandardCharsets.US_ASCII)));
                d.chunked = true;
                return d;
            }));
            mutants.add(new Mutant("arrays nested 2,000 deep", null, Expect.REFUSE, true,
                    b -> withBody(b, ("[".repeat(2000) + "]".repeat(2000)).getBytes(StandardCharsets.US_ASCII))));
            mutants.add(new Mutant("objects nested 2,000 deep", null, Expect.REFUSE, true,
                    b -> withBody(b, ("{\"a\":".repeat(2000) + "1" + "}".repeat(2000)).getBytes(StandardCharsets.US_ASCII))));
            mutants.add(new Mutant("first field's value nested 2,000 arrays deep", null, Expect.REFUSE, true, b -> {
                ObjectNode copy = (ObjectNode) b.body.deepCopy();
                // A body whose baseline is {} (a merge patch that changes nothing) gets a field of its own.
                String first = copy.isEmpty() ? "nested" : copy.propertyNames().iterator().next();
                copy.put(first, MARKER);
                return withBody(b, replaceMarker(bytes(copy),
                        ("[".repeat(2000) + "]".repeat(2000)).getBytes(StandardCharsets.US_ASCII)));
            }));
            for (String text : List.of("", "null", "[]", "\"text\"", "1")) {
                mutants.add(new Mutant("body " + (text.isEmpty() ? "empty" : text), null, Expect.REFUSE, true,
                        b -> withBody(b, text.getBytes(StandardCharsets.US_ASCII))));
            }
            mutants.add(new Mutant("body truncated", null, Expect.REFUSE, true, b -> {
                byte[] full = bytes(b.body);
                return withBody(b, java.util.Arrays.copyOf(full, full.length / 2));
            }));
            mutants.add(new Mutant("garbage after the JSON", null, Expect.REFUSE, true,
                    b -> withBody(b, concat(bytes(b.body), " x".getBytes(StandardCharsets.US_ASCII)))));
            mutants.add(new Mutant("two JSON documents", null, Expect.REFUSE, true,
                    b -> withBody(b, concat(bytes(b.body), bytes(b.body)))));
            mutants.add(new Mutant("unknown field at the root", UNKNOWN_FIELD, Expect.REFUSE, true, b -> {
                ObjectNode copy = (ObjectNode) b.body.deepCopy();
                copy.put(UNKNOWN_FIELD, "x");
                return bodyDraft(b, copy);
            }));
            // mass assignment: what the answer holds but the request does not (id, version, status, ...)
            if (responseFields != null) {
                for (Map.Entry<String, JsonNode> property : responseFields.path("properties").properties()) {
                    if (operation.requestSchema().path("properties").has(property.getKey())) {
                        continue;
                    }
                    String name = property.getKey();
                    JsonNode value = new SchemaValues((n, example) -> null, true, false).value(property.getValue(), null, name);
                    mutants.add(new Mutant(name + " (a field of the answer, not of the request)", name, Expect.REFUSE,
                            true, b -> {
                                ObjectNode copy = (ObjectNode) b.body.deepCopy();
                                copy.set(name, value);
                                return bodyDraft(b, copy);
                            }));
                }
            }
            Map<String, String> contentTypes = new LinkedHashMap<>();
            contentTypes.put("absent", null);
            contentTypes.put("text/plain", "text/plain");
            contentTypes.put("application/xml", "application/xml");
            // YAML is a superset of JSON: a reader for it on the classpath would take the body past the strict JSON rules.
            contentTypes.put("application/yaml", "application/yaml");
            contentTypes.put("application/x-yaml", "application/x-yaml");
            contentTypes.put("application/cbor", "application/cbor");
            contentTypes.put("multipart/form-data without boundary", "multipart/form-data");
            contentTypes.put("application/*", "application/*");
            contentTypes.put("application/x-www-form-urlencoded", "application/x-www-form-urlencoded");
            contentTypes.put("application/json; charset=latin1", "application/json; charset=latin1");
            contentTypes.put("garbage", "garbage");
            contentTypes.forEach((name, value) -> mutants.add(new Mutant("Content-Type " + name, null, Expect.REFUSE,
                    true, b -> header(b.draft(), "Content-Type", value))));
            mutants.add(new Mutant("UTF-8 byte order mark before the JSON", null, Expect.EITHER, true,
                    b -> withBody(b, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(b.body)))));
        }
        // An answer without content (204) has nothing to negotiate.
        Expect negotiated = operation.responseSchema() != null ? Expect.REFUSE : Expect.EITHER;
        for (String accept : List.of("application/xml", "text/html")) {
            mutants.add(new Mutant("Accept: " + accept + " (with a valid request)", null, negotiated, true,
                    b -> header(b.draft(), "Accept", accept)));
        }
        mutants.add(new Mutant("header of 10 KB", null, Expect.EITHER, true,
                b -> header(b.draft(), "X-Hostile-Padding", "x".repeat(10 * 1024))));
        String other = operation.method().equals("PATCH") ? "PUT" : "PATCH";
        mutants.add(new Mutant("method " + other + " (not an operation of this path)", null, Expect.REFUSE, true, b -> {
            Draft d = b.draft();
            d.method = other;
            return d;
        }));
        for (ApiModel.Param header : operation.params("header")) {
            if (header.name().equalsIgnoreCase("If-Match")) {
                for (String value : List.of("garbage", "\"999999\"", "\"1")) {
                    mutants.add(new Mutant("If-Match: " + value, null, Expect.REFUSE, true,
                            b -> header(b.draft(), "If-Match", value)));
                }
                // an empty list of entity tags: as good as none
                mutants.add(new Mutant("If-Match: (empty)", null, Expect.EITHER, true, b -> header(b.draft(), "If-Match", "")));
            }
        }
        return mutants;
    }

    /** A GET whose Transfer-Encoding promises a body that never comes: must be refused at once, not hang. */
    static Mutant transferEncodingMutant() {
        return new Mutant("Transfer-Encoding: gzip, chunked on a request without a body", null, Expect.REFUSE, true,
                b -> {
                    Draft d = header(b.draft(), "Transfer-Encoding", "gzip, chunked");
                    d.timeout = Duration.ofSeconds(10);
                    return d;
                });
    }

    // ---------------------------------------------------------------- parameters

    static List<Mutant> pathMutants(ApiModel.Param param) {
        List<Mutant> mutants = new ArrayList<>();
        boolean uuid = param.schema().path("format").asString("").equals("uuid");
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("%00", "%00");
        raw.put("%ff", "%ff");
        raw.put("%", "%");
        raw.put("%zz", "%zz");
        raw.put("%E2%80%AE (U+202E)", "%E2%80%AE");
        raw.forEach((name, value) -> mutants.add(new Mutant("path " + param.name() + " = " + name, null, Expect.REFUSE,
                false, b -> path(b, param.name(), value))));
        Map<String, String> wrong = new LinkedHashMap<>();
        if (uuid) {
            wrong.put("not-a-uuid", "not-a-uuid");
        }
        wrong.put("unknown id", uuid ? UUID.randomUUID().toString() : "hostile-unknown-id");
        wrong.put("2 KB long", "a".repeat(2048));
        wrong.put("10 KB long", "a".repeat(10 * 1024));
        wrong.forEach((name, value) -> mutants.add(new Mutant("path " + param.name() + " = " + name, param.name(),
                Expect.REFUSE, false, b -> path(b, param.name(), value))));
        return mutants;
    }

    static List<Mutant> queryMutants(ApiModel.Param param) {
        List<Mutant> mutants = new ArrayList<>();
        String name = param.name();
        String type = ApiModel.typeOf(param.schema());
        JsonNode schema = param.schema();
        Expect missing = param.required() ? Expect.REFUSE : Expect.EITHER;
        if (param.required()) {
            mutants.add(new Mutant("query " + name + " absent (required)", name, Expect.REFUSE, true,
                    b -> query(b, name, null, null)));
        }
        if (name.equals(HostileInputIT.PAGE_CURSOR)) {
            // Only a list's own next value, unchanged, is a cursor.
            for (String madeUp : List.of("1", "c1.bWFkZQ.dXA", "c1.MDAwMA.AAAAAAAAAAAA")) {
                mutants.add(new Mutant("query " + name + " = " + madeUp + " (made up)", name, Expect.REFUSE, true,
                        b -> query(b, name, name, madeUp)));
            }
        }
        // Spring Framework 7 reads "name[]=1" as "name=1" (the array spelling of some clients): it may be either the
        // parameter or none, never a crash or a write of something invalid.
        mutants.add(new Mutant("query " + name + "[]=1", null, Expect.EITHER, true,
                b -> query(b, name, name + "%5B%5D", "1")));
        mutants.add(new Mutant("query " + name + "[]=1 (raw brackets)", null, Expect.EITHER, true,
                b -> query(b, name, name + "[]", "1")));
        mutants.add(new Mutant("query " + name + "[$ne]=1", null, missing, true, b -> query(b, name, name + "[$ne]", "1")));
        boolean plainText = type.equals("string") && schema.path("format").asString("").isEmpty() && !schema.has("enum")
                && !schema.has("pattern");
        // A filter with odd characters may simply find nothing; a number, id or date must be valid.
        mutants.add(new Mutant("query " + name + " = %00", name, plainText ? Expect.EITHER : Expect.REFUSE, true,
                b -> query(b, name, name, "%00")));
        mutants.add(new Mutant("query " + name + " = %ff", name, Expect.REFUSE, true, b -> query(b, name, name, "%ff")));
        mutants.add(new Mutant("query " + name + " = %zz", null, Expect.REFUSE, true, b -> query(b, name, name, "%zz")));
        // "limit=" may mean "not given" for an optional parameter.
        mutants.add(new Mutant("query " + name + " = (empty)", name, param.required() ? Expect.REFUSE : Expect.EITHER,
                true, b -> query(b, name, name, "")));
        if (type.equals("integer") || type.equals("number")) {
            mutants.add(new Mutant("query " + name + " = abc", name, Expect.REFUSE, true, b -> query(b, name, name, "abc")));
            mutants.add(new Mutant("query " + name + " = 1.5", name, Expect.REFUSE, true, b -> query(b, name, name, "1.5")));
            mutants.add(new Mutant("query " + name + " = 0x10", name, Expect.REFUSE, true, b -> query(b, name, name, "0x10")));
            mutants.add(new Mutant("query " + name + " = 99999999999999999999", name, Expect.REFUSE, true,
                    b -> query(b, name, name, "99999999999999999999")));
            if (schema.has("minimum")) {
                long below = (long) Math.ceil(schema.get("minimum").asDouble()) - 1;
                mutants.add(new Mutant("query " + name + " = " + below + " (minimum " + schema.get("minimum") + ")", name,
                        Expect.REFUSE, true, b -> query(b, name, name, String.valueOf(below))));
            } else {
                mutants.add(new Mutant("query " + name + " = -1", name, Expect.EITHER, true, b -> query(b, name, name, "-1")));
            }
            if (schema.has("maximum")) {
                long above = (long) Math.floor(schema.get("maximum").asDouble()) + 1;
                mutants.add(new Mutant("query " + name + " = " + above + " (maximum " + schema.get("maximum") + ")", name,
                        Expect.REFUSE, true, b -> query(b, name, name, String.valueOf(above))));
            }
        } else if (type.equals("string")) {
            if (schema.path("format").asString("").equals("uuid")) {
                mutants.add(new Mutant("query " + name + " = not-a-uuid", name, Expect.REFUSE, true,
                        b -> query(b, name, name, "not-a-uuid")));
            }
            if (schema.has("maxLength")) {
                int max = schema.get("maxLength").asInt();
                mutants.add(new Mutant("query " + name + " = " + (max + 1) + " characters (maxLength " + max + ")", name,
                        Expect.REFUSE, true, b -> query(b, name, name, "x".repeat(max + 1))));
            }
            mutants.add(new Mutant("query " + name + " = U+202E", name,
                    schema.path("format").asString("").isEmpty() ? Expect.EITHER : Expect.REFUSE, true,
                    b -> query(b, name, name, "%E2%80%AE")));
        }
        return mutants;
    }

    // ---------------------------------------------------------------- building blocks

    private static void value(List<Mutant> mutants, Field field, String description, JsonNode value, Expect expect) {
        mutants.add(new Mutant(field.display() + " = " + description, field.display(), expect, true,
                b -> bodyDraft(b, edit(b.body, field.steps(), value, false))));
    }

    /** The field's value replaced by text that is not JSON (a literal). */
    private static void raw(List<Mutant> mutants, Field field, String description, String literal) {
        mutants.add(new Mutant(field.display() + " = " + description, field.display(), Expect.REFUSE, true,
                b -> withBody(b, replaceMarker(bytes(edit(b.body, field.steps(), NODES.stringNode(MARKER), false)),
                        literal.getBytes(StandardCharsets.US_ASCII)))));
    }

    /** Bytes that are not valid UTF-8 (or not valid JSON) inside the field's string value. */
    private static void rawBytes(List<Mutant> mutants, Field field, String description, byte[] inside) {
        mutants.add(new Mutant(field.display() + " with " + description, field.display(), Expect.REFUSE, true, b -> {
            byte[] value = concat(concat("\"ab".getBytes(StandardCharsets.US_ASCII), inside),
                    "cd\"".getBytes(StandardCharsets.US_ASCII));
            return withBody(b, replaceMarker(bytes(edit(b.body, field.steps(), NODES.stringNode(MARKER), false)), value));
        }));
    }

    private static Draft duplicateKey(Baseline b, Field field) {
        JsonNode current = at(b.body, field.steps());
        String key = (String) field.steps().get(field.steps().size() - 1);
        String valueJson = current == null ? "\"x\"" : current.toString();
        byte[] raw = (valueJson + ",\"" + key + "\":" + valueJson).getBytes(StandardCharsets.UTF_8);
        return withBody(b, replaceMarker(bytes(edit(b.body, field.steps(), NODES.stringNode(MARKER), false)), raw));
    }

    private static String text(Baseline b, Field field) {
        JsonNode current = at(b.body, field.steps());
        return current != null && current.isString() ? current.asString() : "x";
    }

    static JsonNode at(JsonNode root, List<Object> steps) {
        JsonNode node = root;
        for (Object step : steps) {
            if (node == null) {
                return null;
            }
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    /** A copy of {@code root} with the value at {@code steps} set (or removed). */
    static JsonNode edit(JsonNode root, List<Object> steps, JsonNode value, boolean remove) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = at(copy, steps.subList(0, steps.size() - 1));
        Object last = steps.get(steps.size() - 1);
        if (parent instanceof ObjectNode object) {
            if (remove) {
                object.remove((String) last);
            } else {
                object.set((String) last, value);
            }
        } else if (parent instanceof ArrayNode array) {
            if (remove) {
                array.remove((Integer) last);
            } else {
                array.set((Integer) last, value);
            }
        }
        return copy;
    }

    private static Draft bodyDraft(Baseline b, JsonNode body) {
        return withBody(b, bytes(body));
    }

    private static Draft withBody(Baseline b, byte[] body) {
        Draft d = b.draft();
        d.body = body;
        return d;
    }

    private static Draft header(Draft d, String name, String value) {
        d.headers.put(name, value);
        return d;
    }

    private static Draft path(Baseline b, String name, String rawValue) {
        Draft d = b.draft();
        d.pathValues.put(name, rawValue);
        return d;
    }

    /** The baseline's query with parameter {@code name} replaced by {@code rawName=rawValue} (or left out). */
    private static Draft query(Baseline b, String name, String rawName, String rawValue) {
        Draft d = b.draft();
        String encodedName = encode(name);
        d.query.removeIf(pair -> pair[0].equals(encodedName));
        if (rawName != null) {
            d.query.add(new String[] {rawName, rawValue});
        }
        return d;
    }

    static byte[] bytes(JsonNode body) {
        return JSON.writeValueAsBytes(body);
    }

    private static byte[] replaceMarker(byte[] json, byte[] replacement) {
        byte[] marker = ("\"" + MARKER + "\"").getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + marker.length <= json.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (json[i + j] != marker[j]) {
                    continue outer;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(json, 0, i);
            out.writeBytes(replacement);
            out.write(json, i + marker.length, json.length - i - marker.length);
            return out.toByteArray();
        }
        throw new IllegalStateException("marker not found in " + new String(json, StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> out.append(c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x202E
                ? String.format("\\u%04X", c) : new String(Character.toChars(c))));
        return out.toString();
    }
}
