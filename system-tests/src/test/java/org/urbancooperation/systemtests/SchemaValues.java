package org.urbancooperation.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A valid value for a schema, the way a client generator would make one: for a reference ({@code partnershipId})
 * the id of a resource the suite created, else the property's {@code example}, then its {@code default}, the
 * first {@code enum} value, a value of its {@code format} (uuid, date, date-time), one matching its
 * {@code pattern}, then a plain value of its type within its bounds.
 *
 * <p>When the services refuse what the schema alone gives, a second try may use {@link #HINTS}: values by
 * field name for things a schema without an example cannot say (a real IANA time zone). Every field that
 * needed one is reported: its schema should carry an example.
 */
final class SchemaValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Values by field name, only used on the second try, for fields whose schema has no example. */
    static final Map<String, String> HINTS = Map.of(
            "timeZone", "Europe/Berlin",
            "countryCode", "DE",
            "language", "en",
            "currency", "EUR",
            "locale", "en");

    private final BiFunction<String, String, String> references;
    private final boolean optionalFields;
    private final boolean useHints;
    private final Set<String> omitted;
    /** Fields (full path) whose value came from a hint. */
    final Set<String> hinted = new LinkedHashSet<>();
    /** Appended to plain text inside the second, third ... item of an array. */
    private String suffix = "";
    private LocalDate nextDate = LocalDate.of(2021, 6, 1);
    private Instant nextInstant = Instant.parse("2021-06-01T08:00:00Z");

    /**
     * @param references the id of a resource for a field or parameter name ({@code partnershipId}) and the document's
     *        example of it (null when there is none): the example where it names a resource that exists, else one
     *        the suite created; null for a name that refers to nothing
     * @param optionalFields whether optional properties that are documented (see {@link #documented}) get a value
     *        too (or are left out)
     */
    SchemaValues(BiFunction<String, String, String> references, boolean optionalFields, boolean useHints) {
        this(references, optionalFields, useHints, Set.of());
    }

    /** @param omitted optional fields (full paths) left out even when optional fields get values */
    SchemaValues(BiFunction<String, String, String> references, boolean optionalFields, boolean useHints,
            Set<String> omitted) {
        this.references = references;
        this.optionalFields = optionalFields;
        this.useHints = useHints;
        this.omitted = Set.copyOf(omitted);
    }

    JsonNode value(JsonNode schema, String name, String path) {
        String type = ApiModel.typeOf(schema);
        if (type.equals("string") || type.isEmpty()) {
            // A reference must name something that exists here, whatever the document's example says.
            String reference = name == null ? null : references.apply(name,
                    schema.path("example").isString() ? schema.get("example").asString() : null);
            if (reference != null) {
                return NODES.stringNode(reference);
            }
        }
        if (schema.has("example") && !schema.get("example").isNull()) {
            return fitted(schema, schema.get("example").deepCopy(), path);
        }
        if (schema.path("examples").isArray() && !schema.get("examples").isEmpty()) {
            return fitted(schema, schema.get("examples").get(0).deepCopy(), path);
        }
        if (schema.has("default") && !schema.get("default").isNull()) {
            return schema.get("default").deepCopy();
        }
        if (type.equals("string") || type.isEmpty()) {
            String hint = name == null ? null : hint(name);
            if (useHints && hint != null) {
                hinted.add(path);
                return NODES.stringNode(hint);
            }
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0).deepCopy();
        }
        switch (type) {
            case "object":
                return object(schema, path);
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int min = schema.path("minItems").asInt(0);
                int max = schema.path("maxItems").asInt(Integer.MAX_VALUE);
                int count = Math.min(Math.max(min, 1), max);
                String itemName = name == null ? null : singular(name);
                String outer = suffix;
                for (int i = 0; i < count; i++) {
                    // Items differ from each other (a list may refuse the same city twice).
                    suffix = outer + (i == 0 ? "" : " " + (i + 1));
                    array.add(value(schema.path("items"), itemName, path + "[" + i + "]"));
                }
                suffix = outer;
                return array;
            }
            case "integer":
            case "number": {
                long value = 1;
                if (schema.has("minimum")) {
                    value = Math.max(value, (long) Math.ceil(schema.get("minimum").asDouble()
                            + (schema.path("exclusiveMinimum").asBoolean(false) ? 1 : 0)));
                }
                if (schema.has("maximum")) {
                    value = Math.min(value, (long) Math.floor(schema.get("maximum").asDouble()));
                }
                return NODES.numberNode(value);
            }
            case "boolean":
                return NODES.booleanNode(true);
            default:
                return NODES.stringNode(string(schema, name));
        }
    }

    /**
     * An example of an object (or of a list of objects) as the rest of the suite needs it: references replaced
     * by ids of resources that exist, omitted optional fields left out.
     */
    private JsonNode fitted(JsonNode schema, JsonNode example, String path) {
        if (example instanceof ObjectNode object && schema.has("properties")) {
            Set<String> required = required(schema);
            for (String property : Set.copyOf(object.propertyNames())) {
                String propertyPath = (path.isEmpty() ? "" : path + ".") + property;
                JsonNode propertySchema = schema.path("properties").path(property);
                if (!required.contains(property) && (!optionalFields || omitted.contains(propertyPath))) {
                    object.remove(property);
                    continue;
                }
                String reference = object.get(property).isString()
                        ? references.apply(property, object.get(property).asString()) : null;
                if (reference != null) {
                    object.put(property, reference);
                } else {
                    object.set(property, fitted(propertySchema, object.get(property), propertyPath));
                }
            }
        } else if (example instanceof ArrayNode array && schema.has("items")) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, fitted(schema.get("items"), array.get(i), path + "[" + i + "]"));
            }
        }
        return example;
    }

    ObjectNode object(JsonNode schema, String path) {
        ObjectNode object = NODES.objectNode();
        Set<String> required = required(schema);
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            if (property.getValue().path("readOnly").asBoolean(false)) {
                continue;
            }
            String propertyPath = (path.isEmpty() ? "" : path + ".") + property.getKey();
            if (required.contains(property.getKey())
                    || (optionalFields && !omitted.contains(propertyPath) && documented(property.getValue(), property.getKey()))) {
                object.set(property.getKey(), value(property.getValue(), property.getKey(), propertyPath));
            }
        }
        return object;
    }

    /**
     * Whether an optional field belongs in the documented example request: it has an example, a default or an
     * enum, refers to a resource, or holds (at some depth) fields that do, and is not deprecated. A plain optional
     * field without an example is left out, as a client generator's example request leaves it out.
     */
    private boolean documented(JsonNode schema, String name) {
        if (schema.path("deprecated").asBoolean(false)) {
            return false; // a form kept for older clients: not what an example request of today shows
        }
        if (schema.has("example") || schema.has("examples") || schema.has("default") || schema.has("enum")
                || (name != null && references.apply(name, null) != null)) {
            return true;
        }
        String type = ApiModel.typeOf(schema);
        if (type.equals("array")) {
            return documented(schema.path("items"), name == null ? null : singular(name));
        }
        if (type.equals("object")) {
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                if (documented(property.getValue(), property.getKey())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A query, path or header parameter's value as text. */
    String parameter(ApiModel.Param param) {
        JsonNode value = value(param.schema(), param.name(), param.name());
        if (value.isArray() && value.size() == 1) {
            // An array parameter (OpenAPI's default style form, exploded) is the parameter repeated: one item, once
            // (?tz=Asia/Tokyo), not the JSON of the array.
            value = value.get(0);
        }
        return value.isString() ? value.asString() : value.toString();
    }

    static Set<String> required(JsonNode schema) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        return required;
    }

    static String hint(String name) {
        return HINTS.get(name);
    }

    static String singular(String name) {
        return name.endsWith("ies") ? name.substring(0, name.length() - 3) + "y"
                : name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    private String string(JsonNode schema, String name) {
        String format = schema.path("format").asString("");
        switch (format) {
            case "uuid":
                return UUID.randomUUID().toString();
            case "date": {
                LocalDate date = nextDate;
                nextDate = nextDate.plusDays(1);
                return date.toString();
            }
            case "date-time": {
                Instant instant = nextInstant;
                nextInstant = nextInstant.plus(Duration.ofHours(3));
                return instant.toString();
            }
            case "email":
                return "hostile-input@example.org";
            case "uri", "url":
                return "https://example.org/hostile-input";
            default:
                break;
        }
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        if (schema.has("pattern")) {
            String generated = Regex.generate(schema.get("pattern").asString(), min, max);
            if (generated != null) {
                return generated;
            }
        }
        StringBuilder text = new StringBuilder("Hostile input " + (name == null ? "value" : name) + suffix);
        while (text.length() < min) {
            text.append('x');
        }
        return text.length() > max ? text.substring(0, Math.max(max, 0)) : text.toString();
    }

    /** Makes a string that matches a (simple) regular expression: literals, classes, groups, quantifiers. */
    static final class Regex {

        private final String pattern;
        private int at;

        private Regex(String pattern) {
            this.pattern = pattern;
        }

        static String generate(String pattern, int minLength, int maxLength) {
            try {
                String value = new Regex(pattern).sequence();
                Pattern compiled = Pattern.compile(pattern);
                boolean matches = compiled.matcher(value).matches() || compiled.matcher(value).find();
                return matches && value.length() >= minLength && value.length() <= maxLength ? value : null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        private String sequence() {
            StringBuilder out = new StringBuilder();
            while (at < pattern.length() && pattern.charAt(at) != ')' && pattern.charAt(at) != '|') {
                String atom = atom();
                int[] repeat = quantifier();
                for (int i = 0; i < repeat[0]; i++) {
                    out.append(atom);
                }
            }
            return out.toString();
        }

        private String atom() {
            char c = pattern.charAt(at++);
            switch (c) {
                case '^', '$':
                    return "";
                case '.':
                    return "a";
                case '(': {
                    if (pattern.startsWith("?:", at)) {
                        at += 2;
                    }
                    String first = sequence();
                    while (at < pattern.length() && pattern.charAt(at) == '|') {
                        at++;
                        sequence();
                    }
                    at++; // ')'
                    return first;
                }
                case '[':
                    return charClass();
                case '\\':
                    return escape(pattern.charAt(at++));
                default:
                    return String.valueOf(c);
            }
        }

        private String charClass() {
            boolean negated = pattern.charAt(at) == '^';
            if (negated) {
                at++;
            }
            String first = null;
            while (pattern.charAt(at) != ']') {
                char c = pattern.charAt(at++);
                String member = c == '\\' ? escape(pattern.charAt(at++)) : String.valueOf(c);
                if (pattern.charAt(at) == '-' && pattern.charAt(at + 1) != ']') {
                    at += 2;
                    if (pattern.charAt(at - 1) == '\\') {
                        at++;
                    }
                }
                if (first == null) {
                    first = member;
                }
            }
            at++;
            return negated ? "a" : first == null ? "a" : first;
        }

        private static String escape(char c) {
            return switch (c) {
                case 'd' -> "1";
                case 'w' -> "a";
                case 's' -> " ";
                case 'D', 'W', 'S' -> "-";
                default -> String.valueOf(c);
            };
        }

        private int[] quantifier() {
            if (at >= pattern.length()) {
                return new int[] {1};
            }
            char c = pattern.charAt(at);
            int[] result;
            switch (c) {
                case '?', '*':
                    at++;
                    result = new int[] {c == '?' ? 1 : 1};
                    break;
                case '+':
                    at++;
                    result = new int[] {1};
                    break;
                case '{': {
                    int end = pattern.indexOf('}', at);
                    String[] bounds = pattern.substring(at + 1, end).split(",", -1);
                    at = end + 1;
                    result = new int[] {Integer.parseInt(bounds[0].trim())};
                    if (result[0] == 0 && bounds.length > 1) {
                        result[0] = 1;
                    }
                    break;
                }
                default:
                    return new int[] {1};
            }
            if (at < pattern.length() && (pattern.charAt(at) == '?' || pattern.charAt(at) == '+')) {
                at++;
            }
            return result;
        }
    }
}
