package fr.maillage.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates event data against the producer's own JSON Schemas ({@code src/main/resources/events/<type>.json},
 * DESIGN §5), so a producer's tests prove every event it emits keeps the published contract.
 */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventSchemas() {}

    /** The schema violations of {@code data} (a JSON text, a map or a record) for the event {@code type}. */
    public static List<String> violations(String type, Object data) {
        String json = data instanceof String text ? text : JSON.writeValueAsString(data);
        return SCHEMAS.computeIfAbsent(type, EventSchemas::load).validate(json, InputFormat.JSON).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    /** Fails the test when {@code data} does not satisfy the schema of {@code type}. */
    public static void assertValid(String type, Object data) {
        assertThat(violations(type, data))
                .as("data of %s against events/%s.json: %s", type, type, data)
                .isEmpty();
    }

    private static JsonSchema load(String type) {
        try (InputStream in =
                Thread.currentThread().getContextClassLoader().getResourceAsStream("events/" + type + ".json")) {
            if (in == null) {
                throw new AssertionError("No JSON Schema events/" + type + ".json for an event this service emits");
            }
            return FACTORY.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
