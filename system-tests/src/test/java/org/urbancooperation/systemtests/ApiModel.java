package org.urbancooperation.systemtests;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of an OpenAPI 3 document, with every {@code $ref} (into {@code components}) resolved into
 * plain schema trees, so the rest of the suite never looks at a reference again.
 */
final class ApiModel {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    record Param(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * @param responseMediaType the first media type a 2xx answer documents (e.g. text/calendar); null when none
     */
    record Operation(String document, String method, String path, List<Param> params, JsonNode requestSchema,
            boolean bodyRequired, JsonNode responseSchema, String responseMediaType) {

        String label() {
            return method + " " + path;
        }

        List<Param> params(String in) {
            return params.stream().filter(p -> p.in().equals(in)).toList();
        }

        boolean hasPathParams() {
            return path.contains("{");
        }

        /** The collection a path parameter points into: the path before its segment, e.g. /api/v1/partnerships. */
        String collectionOf(String pathParam) {
            int at = path.indexOf("{" + pathParam + "}");
            return path.substring(0, at - 1);
        }
    }

    private final String document;
    private final JsonNode root;

    private ApiModel(String document, JsonNode root) {
        this.document = document;
        this.root = root;
    }

    static List<Operation> operations(String document, JsonNode root) {
        return new ApiModel(document, root).operations();
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            JsonNode item = deref(path.getValue());
            for (String method : METHODS) {
                JsonNode operation = item.get(method);
                if (operation == null) {
                    continue;
                }
                Map<String, Param> params = new LinkedHashMap<>();
                for (JsonNode list : List.of(item.path("parameters"), operation.path("parameters"))) {
                    for (JsonNode p : list) {
                        JsonNode param = deref(p);
                        String in = param.path("in").asString();
                        if (in.equals("cookie")) {
                            continue;
                        }
                        JsonNode schema = resolve(param.path("schema"));
                        // An example given on the parameter rather than in its schema (both are OpenAPI's).
                        if (schema instanceof ObjectNode object && !object.has("example") && param.has("example")) {
                            object.set("example", param.get("example"));
                        }
                        params.put(in + ":" + param.path("name").asString(), new Param(param.path("name").asString(), in,
                                param.path("required").asBoolean(false), schema));
                    }
                }
                JsonNode requestSchema = null;
                boolean bodyRequired = false;
                if (operation.has("requestBody")) {
                    JsonNode body = deref(operation.get("requestBody"));
                    bodyRequired = body.path("required").asBoolean(false);
                    requestSchema = jsonSchemaOf(body.path("content"));
                }
                JsonNode responseSchema = null;
                String responseMediaType = null;
                for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
                    if (response.getKey().startsWith("2") && responseSchema == null) {
                        JsonNode content = deref(response.getValue()).path("content");
                        responseSchema = jsonSchemaOf(content);
                        if (responseMediaType == null && !content.isEmpty()) {
                            responseMediaType = content.properties().iterator().next().getKey();
                        }
                    }
                }
                operations.add(new Operation(document, method.toUpperCase(Locale.ROOT), path.getKey(),
                        List.copyOf(params.values()), requestSchema, bodyRequired, responseSchema, responseMediaType));
            }
        }
        return operations;
    }

    private JsonNode jsonSchemaOf(JsonNode content) {
        JsonNode chosen = null;
        for (Map.Entry<String, JsonNode> media : content.properties()) {
            if (media.getKey().startsWith("application/json")) {
                chosen = media.getValue();
                break;
            }
            if (chosen == null && (media.getKey().contains("json") || media.getKey().equals("*/*"))) {
                chosen = media.getValue();
            }
        }
        if (chosen == null || !chosen.has("schema")) {
            return null;
        }
        JsonNode schema = resolve(chosen.get("schema"));
        // An example of the whole body given beside the schema (media type "example" or the first of "examples").
        JsonNode example = chosen.has("example") ? chosen.get("example")
                : chosen.path("examples").isObject() && !chosen.get("examples").isEmpty()
                        ? deref(chosen.get("examples").values().iterator().next()).path("value") : null;
        if (schema instanceof ObjectNode object && !object.has("example") && example != null && !example.isMissingNode()) {
            object.set("example", example);
        }
        return schema;
    }

    private JsonNode deref(JsonNode node) {
        int hops = 0;
        while (node != null && node.has("$ref") && hops++ < 20) {
            String ref = node.get("$ref").asString();
            if (!ref.startsWith("#")) {
                throw new IllegalStateException(document + ": only local references are supported, not " + ref);
            }
            node = root.at(ref.substring(1));
        }
        return node;
    }

    /** A copy of {@code schema} with every reference resolved (a reference to itself below itself stays an object). */
    JsonNode resolve(JsonNode schema) {
        return resolve(schema, new ArrayDeque<>());
    }

    private JsonNode resolve(JsonNode schema, Deque<String> seen) {
        if (schema == null || schema.isMissingNode() || !schema.isObject()) {
            return NODES.objectNode();
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            if (seen.contains(ref)) {
                return NODES.objectNode().put("type", "object");
            }
            seen.push(ref);
            JsonNode resolved = resolve(deref(schema), seen);
            seen.pop();
            return resolved;
        }
        ObjectNode copy = NODES.objectNode();
        for (Map.Entry<String, JsonNode> entry : schema.properties()) {
            switch (entry.getKey()) {
                case "properties" -> {
                    ObjectNode properties = copy.putObject("properties");
                    entry.getValue().properties().forEach(p -> properties.set(p.getKey(), resolve(p.getValue(), seen)));
                }
                case "items" -> copy.set("items", resolve(entry.getValue(), seen));
                case "additionalProperties" -> copy.set("additionalProperties",
                        entry.getValue().isObject() ? resolve(entry.getValue(), seen) : entry.getValue());
                case "allOf" -> {
                    for (JsonNode part : entry.getValue()) {
                        merge(copy, resolve(part, seen));
                    }
                }
                case "oneOf", "anyOf" -> {
                    if (!entry.getValue().isEmpty()) {
                        merge(copy, resolve(entry.getValue().get(0), seen));
                    }
                }
                default -> copy.set(entry.getKey(), entry.getValue());
            }
        }
        if (!copy.has("type")) {
            if (copy.has("properties")) {
                copy.put("type", "object");
            } else if (copy.has("items")) {
                copy.put("type", "array");
            }
        }
        return copy;
    }

    private static void merge(ObjectNode into, JsonNode part) {
        for (Map.Entry<String, JsonNode> entry : part.properties()) {
            if (entry.getKey().equals("properties") && into.has("properties")) {
                ObjectNode properties = (ObjectNode) into.get("properties");
                entry.getValue().properties().forEach(p -> properties.set(p.getKey(), p.getValue()));
            } else if (entry.getKey().equals("required") && into.has("required")) {
                ArrayNode required = (ArrayNode) into.get("required");
                entry.getValue().forEach(required::add);
            } else {
                into.set(entry.getKey(), entry.getValue());
            }
        }
    }

    /** The schema's type, also from OpenAPI 3.1's type arrays ({@code ["string", "null"]}). */
    static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        if (schema.has("enum")) {
            return "string";
        }
        return "";
    }
}
