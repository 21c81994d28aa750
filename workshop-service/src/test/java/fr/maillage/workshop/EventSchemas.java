package fr.maillage.workshop;

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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The JSON Schemas this service publishes for its event types ({@code resources/events/<type>.json}). */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {}

    /** The violations of {@code dataJson} against the schema of {@code type} (empty when valid). */
    public static Set<ValidationMessage> violations(String type, String dataJson) {
        return schema(type).validate(dataJson, InputFormat.JSON);
    }

    public static void assertValid(String type, String dataJson) {
        assertThat(violations(type, dataJson))
                .as("data of %s against events/%s.json: %s", type, type, dataJson)
                .isEmpty();
    }

    private static JsonSchema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, key -> {
            try (InputStream in = EventSchemas.class.getResourceAsStream("/events/" + key + ".json")) {
                assertThat(in).as("a schema for %s", key).isNotNull();
                return FACTORY.getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
