package fr.maillage.platform.asyncapi;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An example instance of an event's data, made from its JSON Schema so a partner sees a plausible
 * payload next to each schema. Deterministic (the same schema gives the same example); every value
 * satisfies its property's type, format, enum and pattern (the catalogue's tests validate each example).
 */
final class ExampleValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String INSTANT = "2026-11-24T09:30:00Z";
    private static final String DAY = "2026-11-24";

    /** Plausible values by property name (lower case, fragment match), tried before the generic ones. */
    private static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("territory", "bievre"),
            Map.entry("institution", "epsm-bievre"),
            Map.entry("communes", "91120"),
            Map.entry("quarter", "2026-Q4"),
            Map.entry("period", "2026-Q4"),
            Map.entry("indicatorid", "alerts.responded-within-target"),
            Map.entry("questionnaireid", "who-5"),
            Map.entry("teamid", "cmp-bievre"),
            Map.entry("reason", "minimum-not-reached"),
            Map.entry("display", "92.3 %"),
            Map.entry("name", "CMP de la Bièvre"));

    private ExampleValues() {}

    /** An example of the data the schema describes. */
    static JsonNode of(JsonNode schema) {
        return value("", schema);
    }

    private static JsonNode value(String name, JsonNode schema) {
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        return switch (type(schema)) {
            case "object" -> object(schema);
            case "array" -> array(name, schema);
            case "integer" ->
                NODES.numberNode(
                        schema.has("minimum") ? Math.max(schema.get("minimum").asLong(), 1) : 3);
            case "number" -> NODES.numberNode(92.3);
            case "boolean" -> NODES.booleanNode(true);
            case "string" -> NODES.stringNode(string(name, schema));
            default -> NODES.nullNode();
        };
    }

    /** The first non-null type ({@code ["string", "null"]} is an optional string). */
    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : "string";
        }
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!"null".equals(each.asString())) {
                    return each.asString();
                }
            }
            return "null";
        }
        return type.asString();
    }

    private static ObjectNode object(JsonNode schema) {
        ObjectNode object = NODES.objectNode();
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            properties.properties().iterator();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                object.set(property.getKey(), value(property.getKey(), property.getValue()));
            }
        }
        return object;
    }

    /** 3, or the nearest bound when 3 is out of them. */
    private static long integer(JsonNode schema) {
        long value = 3;
        if (schema.has("minimum")) {
            value = Math.max(value, schema.get("minimum").asLong());
        }
        if (schema.has("maximum")) {
            value = Math.min(value, schema.get("maximum").asLong());
        }
        return value;
    }

    /** As many items as required (at least one), distinct where they are ids. */
    private static ArrayNode array(String name, JsonNode schema) {
        ArrayNode array = NODES.arrayNode();
        JsonNode items = schema.get("items");
        if (items != null) {
            int count = Math.max(1, schema.path("minItems").asInt(1));
            for (int i = 0; i < count; i++) {
                array.add(value(i == 0 ? name : name + "#" + i, items));
            }
        }
        return array;
    }

    private static String string(String name, JsonNode schema) {
        String format = schema.path("format").asString("");
        Pattern pattern =
                schema.has("pattern") ? Pattern.compile(schema.get("pattern").asString()) : null;
        String key = name.toLowerCase(Locale.ROOT);
        List<String> candidates = new java.util.ArrayList<>();
        switch (format) {
            case "uuid" -> candidates.add(uuid(name));
            case "date-time" -> candidates.add(INSTANT);
            case "date" -> candidates.add(DAY);
            default -> {}
        }
        BY_NAME.entrySet().stream()
                .filter(entry -> key.contains(entry.getKey()))
                .sorted((a, b) -> b.getKey().length() - a.getKey().length())
                .forEach(entry -> candidates.add(entry.getValue()));
        candidates.add(uuid(name));
        candidates.add("12");
        candidates.add("example");
        return candidates.stream()
                .filter(candidate ->
                        pattern == null || pattern.matcher(candidate).find())
                .findFirst()
                .orElse("example");
    }

    /** A UUID derived from the property's name: stable across builds, different per field. */
    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(("maillage-example:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
