package fr.maillage.subscription.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import fr.maillage.platform.asyncapi.EventCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventCatalogueTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> PRODUCERS = List.of("referral", "workshop", "meeting", "alert", "evaluation");

    private final List<EventCatalogue.EventSchema> schemas = producersSchemas();
    private final EventCatalogue catalogue = new EventCatalogue(schemas);
    private final JsonNode document = catalogue.document();

    @Test
    void everyProducersSchemaIsInTheCatalogue() {
        assertThat(catalogue.types())
                .hasSize(schemas.size())
                .contains(
                        "fr.maillage.referral.accepted.v1",
                        "fr.maillage.alert.responded.v1",
                        "fr.maillage.workshop.participant-disengaged.v1",
                        "fr.maillage.meeting.held.v1",
                        "fr.maillage.evaluation.report-published.v1");
        assertThat(document.path("components").path("messages").size()).isEqualTo(schemas.size());
    }

    @Test
    void theBuildCopiedExactlyTheProducersSchemas() throws IOException {
        EventCatalogue built = new CatalogueConfiguration().eventCatalogue();

        assertThat(built.types()).containsExactlyElementsOf(catalogue.types());
    }

    @Test
    void itIsAnAsyncApi3DocumentWithOneChannelAndOneReceiveOperationPerServiceTopic() {
        assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(document.path("defaultContentType").asString()).isEqualTo("application/cloudevents+json");
        assertThat(document.path("channels").propertyNames())
                .containsExactlyInAnyOrder(
                        "referral.events.v1",
                        "workshop.events.v1",
                        "meeting.events.v1",
                        "alert.events.v1",
                        "evaluation.events.v1");
        assertThat(document.path("operations").size()).isEqualTo(5);
        document.path("operations")
                .forEach(operation ->
                        assertThat(operation.path("action").asString()).isEqualTo("receive"));
    }

    @Test
    void everyReferenceResolvesInTheDocument() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);

        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            JsonNode target = document.at(ref.substring(1).replace("~1", "/"));
            assertThat(target.isMissingNode()).as("%s resolves", ref).isFalse();
        }
    }

    @Test
    void everyMessageCarriesTheProducersDataSchemaInsideTheCloudEventEnvelope() {
        for (EventCatalogue.EventSchema schema : schemas) {
            JsonNode envelope = document.path("components").path("schemas").path(schema.type());

            assertThat(envelope.at("/properties/type/const").asString()).isEqualTo(schema.type());
            assertThat(envelope.at("/properties/source/const").asString()).isEqualTo("/maillage/" + schema.service());
            assertThat(envelope.at("/properties/data/properties"))
                    .isEqualTo(schema.schema().path("properties"));
            assertThat(envelope.at("/properties/data/additionalProperties").asBoolean(true))
                    .isFalse();
        }
    }

    @Test
    void everyExampleSatisfiesItsProducersSchema() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (EventCatalogue.EventSchema schema : schemas) {
            JsonNode example = document.path("components")
                    .path("messages")
                    .path(schema.type())
                    .path("examples")
                    .get(0);
            JsonNode event = example.path("payload");

            assertThat(event.path("type").asString()).isEqualTo(schema.type());
            List<String> violations = factory
                    .getSchema(JSON.writeValueAsString(schema.schema()), config)
                    .validate(JSON.writeValueAsString(event.path("data")), InputFormat.JSON)
                    .stream()
                    .map(ValidationMessage::getMessage)
                    .toList();
            assertThat(violations)
                    .as("example of %s: %s", schema.type(), event.path("data"))
                    .isEmpty();
        }
    }

    @Test
    void examplesNameNobody() {
        String text = JSON.writeValueAsString(document.path("components").path("messages"));

        assertThat(text).doesNotContainIgnoringCase("@").doesNotContain("+33").doesNotContainIgnoringCase("dupont");
    }

    @Test
    void aSchemaWithoutItsTypeInItsIdIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventCatalogue.EventSchema.of(JSON.readTree("{\"$id\":\"urn:other\"}")))
                .withMessageContaining("urn:maillage:schema:<type>");
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asString());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    /** Straight from the producers' modules, not from the build's copy. */
    private static List<EventCatalogue.EventSchema> producersSchemas() {
        List<EventCatalogue.EventSchema> schemas = new ArrayList<>();
        for (String producer : PRODUCERS) {
            Path events = Path.of("..", producer + "-service", "src", "main", "resources", "events");
            try (Stream<Path> files = Files.list(events)) {
                files.filter(file -> file.toString().endsWith(".json"))
                        .forEach(file -> schemas.add(EventCatalogue.EventSchema.of(JSON.readTree(file.toFile()))));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return schemas;
    }
}
