package fr.maillage.platform.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.springwolf.asyncapi.v3.jackson.DefaultAsyncApiSerializerService;
import io.github.springwolf.asyncapi.v3.model.AsyncAPI;
import io.github.springwolf.asyncapi.v3.model.info.Info;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ServiceEventsCustomizerTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String RAISED = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema",
             "$id": "urn:maillage:schema:fr.maillage.alert.raised.v1",
             "title": "Alert raised", "description": "A clinician raised an alert.",
             "type": "object", "additionalProperties": false, "required": ["alertId", "urgency"],
             "properties": {
               "alertId": {"type": "string", "format": "uuid"},
               "urgency": {"enum": ["A", "B", "C"]},
               "commune": {"type": ["string", "null"], "pattern": "^[0-9AB]{5}$"}}}
            """;
    private static final String CLOSED = """
            {"$id": "urn:maillage:schema:fr.maillage.alert.closed.v1", "title": "Alert closed",
             "type": "object", "properties": {"alertId": {"type": "string", "format": "uuid"},
             "closedAt": {"type": "string", "format": "date-time"}}}
            """;

    private final JsonNode document = customized(schema(RAISED), schema(CLOSED));

    @Test
    void theServicesTopicBecomesAKafkaChannelWithOneMessagePerEventType() {
        JsonNode channel = document.at("/channels/alert.events.v1");

        assertThat(channel.path("address").asString()).isEqualTo("alert.events.v1");
        assertThat(channel.at("/bindings/kafka/topic").asString()).isEqualTo("alert.events.v1");
        assertThat(channel.path("messages").propertyNames())
                .containsExactly("fr.maillage.alert.closed.v1", "fr.maillage.alert.raised.v1");
        assertThat(document.at("/components/messages").propertyNames())
                .containsExactlyInAnyOrder("fr.maillage.alert.closed.v1", "fr.maillage.alert.raised.v1");
    }

    @Test
    void theServiceSendsEveryMessageOfItsChannel() {
        JsonNode operation = document.at("/operations/send-alert-events");

        assertThat(operation.path("action").asString()).isEqualTo("send");
        assertThat(operation.at("/channel/$ref").asString()).isEqualTo("#/channels/alert.events.v1");
        assertThat(operation.path("messages").findValuesAsString("$ref"))
                .containsExactly(
                        "#/channels/alert.events.v1/messages/fr.maillage.alert.closed.v1",
                        "#/channels/alert.events.v1/messages/fr.maillage.alert.raised.v1");
    }

    @Test
    void aMessagesPayloadIsTheCloudEventEnvelopeAroundTheProducersSchemaVerbatim() {
        JsonNode message = document.at("/components/messages/fr.maillage.alert.raised.v1");
        String ref = message.at("/payload/schema/$ref").asString();
        JsonNode envelope = document.at(ref.substring(1));

        assertThat(ref).isEqualTo("#/components/schemas/fr.maillage.alert.raised.v1");
        assertThat(message.path("contentType").asString()).isEqualTo("application/cloudevents+json");
        assertThat(envelope.path("required").values().stream().map(JsonNode::asString))
                .contains("specversion", "id", "type", "data");
        assertThat(envelope.at("/properties/type/const").asString()).isEqualTo("fr.maillage.alert.raised.v1");
        assertThat(envelope.at("/properties/source/const").asString()).isEqualTo("/maillage/alert");
        assertThat(envelope.at("/properties/data/properties"))
                .isEqualTo(JSON.readTree(RAISED).path("properties"));
        assertThat(envelope.at("/properties/data/additionalProperties").asBoolean(true))
                .isFalse();
        assertThat(envelope.at("/properties/data/$id").isMissingNode()).isTrue();
    }

    @Test
    void everyMessageCarriesTheCataloguesExample() {
        JsonNode example = document.at("/components/messages/fr.maillage.alert.raised.v1/examples/0/payload");
        JsonNode catalogues = new EventCatalogue(List.of(schema(RAISED)))
                .document()
                .at("/components/messages/fr.maillage.alert.raised.v1/examples/0/payload");

        assertThat(example).isEqualTo(catalogues);
        assertThat(example.at("/data/urgency").asString()).isEqualTo("A");
    }

    @Test
    void whatSpringwolfFoundItselfIsKept() {
        AsyncAPI asyncApi = AsyncAPI.builder()
                .info(Info.builder().title("alert-service").version("1").build())
                .channels(Map.of())
                .operations(Map.of())
                .build();
        new ServiceEventsCustomizer(List.of(schema(RAISED))).customize(asyncApi);
        new ServiceEventsCustomizer(List.of(meetingHeld())).customize(asyncApi);

        assertThat(asyncApi.getChannels()).containsOnlyKeys("alert.events.v1", "meeting.events.v1");
        assertThat(asyncApi.getComponents().getMessages()).hasSize(2);
    }

    @Test
    void schemasOfSeveralServicesAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ServiceEventsCustomizer(List.of(schema(RAISED), meetingHeld())))
                .withMessageContaining("several services");
        assertThatIllegalArgumentException().isThrownBy(() -> new ServiceEventsCustomizer(List.of()));
    }

    private static EventCatalogue.EventSchema schema(String json) {
        return EventCatalogue.EventSchema.of(JSON.readTree(json));
    }

    private static EventCatalogue.EventSchema meetingHeld() {
        return schema(CLOSED.replace("fr.maillage.alert.closed.v1", "fr.maillage.meeting.held.v1"));
    }

    /** Serialized as Springwolf serves it, then read back. */
    private static JsonNode customized(EventCatalogue.EventSchema... schemas) {
        AsyncAPI asyncApi = AsyncAPI.builder()
                .info(Info.builder().title("alert-service").version("1").build())
                .build();
        new ServiceEventsCustomizer(new ArrayList<>(List.of(schemas))).customize(asyncApi);
        try {
            return JSON.readTree(new DefaultAsyncApiSerializerService().toJsonString(asyncApi));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
