package fr.maillage.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a producing service's own AsyncAPI document ({@code GET /springwolf/docs}, Springwolf) must
 * say, checked against the module's {@code src/main/resources/events/*.json}: read without a token,
 * AsyncAPI 3.0.0, the service's topic as a channel carrying exactly one message per schema file, each
 * with a payload schema in the document, and the {@code send} operation.
 */
public final class OwnAsyncApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path EVENTS = Path.of("src", "main", "resources", "events");

    private OwnAsyncApi() {}

    /** Asserts the document the service on {@code port} serves for its {@code topic}. */
    public static void assertDescribesExactlyItsEvents(int port, String topic) {
        List<String> types = schemaFileTypes();
        HttpResponse<String> response = ServiceHttp.onPort(port).get("/springwolf/docs", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(response.body());
        assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
        JsonNode channel = document.path("channels").path(topic);
        assertThat(channel.path("address").asString()).isEqualTo(topic);
        assertThat(channel.path("messages").propertyNames()).containsExactlyInAnyOrderElementsOf(types);
        assertThat(document.path("components").path("messages").propertyNames())
                .containsExactlyInAnyOrderElementsOf(types);
        for (String type : types) {
            JsonNode message = document.path("components").path("messages").path(type);
            String payload = message.at("/payload/schema/$ref").asString();
            JsonNode schema = document.at(payload.replaceFirst("^#", ""));
            assertThat(schema.at("/properties/type/const").asString())
                    .as("payload schema of %s", type)
                    .isEqualTo(type);
            assertThat(schema.at("/properties/data/type").asString()).isEqualTo("object");
            assertThat(message.at("/examples/0/payload/type").asString()).isEqualTo(type);
        }
        String service = topic.substring(0, topic.indexOf('.'));
        JsonNode send = document.path("operations").path("send-" + service + "-events");
        assertThat(send.path("action").asString()).isEqualTo("send");
        assertThat(send.path("messages").size()).isEqualTo(types.size());
    }

    /** The event types of the module's schema files ({@code <type>.json}). */
    private static List<String> schemaFileTypes() {
        try (Stream<Path> files = Files.list(EVENTS)) {
            List<String> types = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .toList();
            assertThat(types).as("schemas under %s", EVENTS.toAbsolutePath()).isNotEmpty();
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
