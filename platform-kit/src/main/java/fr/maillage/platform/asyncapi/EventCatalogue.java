package fr.maillage.platform.asyncapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The partner catalogue: the AsyncAPI 3.0 document of every public event type, assembled from the producers' own JSON Schemas
 * (DESIGN §5): one channel per service topic, one message per type with its CloudEvent envelope, its
 * data schema and an example, and the two ways a partner receives them (webhooks, the pull feed). A
 * partner can generate code from it.
 */
public final class EventCatalogue {

    static final String CONTENT_TYPE = "application/cloudevents+json";
    private static final String TYPE_PREFIX = "urn:maillage:schema:";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A producer's schema and the event type it describes. */
    public record EventSchema(String type, String service, JsonNode schema) {

        /** Reads the type from the schema's {@code $id} ({@code urn:maillage:schema:<type>}). */
        public static EventSchema of(JsonNode schema) {
            String id = schema.path("$id").asString("");
            if (!id.startsWith(TYPE_PREFIX) || !id.matches(TYPE_PREFIX + "fr\\.maillage\\.[a-z]+\\.[a-z-]+\\.v\\d+")) {
                throw new IllegalArgumentException(
                        "An event schema's $id is urn:maillage:schema:<type>, not '" + id + "'");
            }
            String type = id.substring(TYPE_PREFIX.length());
            return new EventSchema(type, type.split("\\.")[2], schema);
        }

        /** The producer's topic, {@code <service>.events.v1}. */
        public String topic() {
            return service + ".events.v1";
        }
    }

    private final ObjectNode document;
    private final List<String> types;

    public EventCatalogue(List<EventSchema> schemas) {
        List<EventSchema> sorted = new ArrayList<>(schemas);
        sorted.sort(Comparator.comparing(EventSchema::type));
        this.types = sorted.stream().map(EventSchema::type).toList();
        this.document = build(sorted);
    }

    /** The AsyncAPI document (do not modify). */
    public JsonNode document() {
        return document;
    }

    /** Every public event type, sorted. */
    public List<String> types() {
        return types;
    }

    private static ObjectNode build(List<EventSchema> schemas) {
        ObjectNode doc = NODES.objectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Maillage partner events");
        info.put("version", "1.0.0");
        info.put(
                "description",
                "Every event a partner institution may receive from the Maillage platform, as CloudEvents 1.0 in"
                        + " structured JSON. An event reaches an institution only when the institution is in its"
                        + " `audience`. Webhooks are signed per Standard Webhooks 1.0 (webhook-id, webhook-timestamp,"
                        + " webhook-signature) and numbered per subscription (webhook-event-number) so gaps show;"
                        + " the pull feed (GET /api/events) serves the same events. Events carry no names, contacts"
                        + " or free text: a person is a pseudonymous personRef.");
        doc.put("defaultContentType", CONTENT_TYPE);
        ObjectNode servers = doc.putObject("servers");
        servers.putObject("webhooks")
                .put("host", "partner.example.org")
                .put("protocol", "https")
                .put("description", "Your endpoint: each event is POSTed to your subscription's callback URL.");
        servers.putObject("pullFeed")
                .put("host", "maillage.example.org")
                .put("pathname", "/api/events")
                .put("protocol", "https")
                .put("description", "GET /api/events?after=<cursor>&types=<patterns>, long-polled up to 30 s.");

        Map<String, List<EventSchema>> byTopic = new TreeMap<>();
        schemas.forEach(schema ->
                byTopic.computeIfAbsent(schema.topic(), t -> new ArrayList<>()).add(schema));
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemaComponents = components.putObject("schemas");
        byTopic.forEach((topic, ofTopic) -> {
            String service = ofTopic.getFirst().service();
            ObjectNode channel = channels.putObject(topic);
            channel.put("address", topic);
            channel.put("title", service + " events");
            channel.put("description", "The events of " + service + "-service (Kafka topic " + topic + ").");
            ObjectNode channelMessages = channel.putObject("messages");
            ObjectNode operation = operations.putObject("receive-" + service + "-events");
            operation.put("action", "receive");
            operation.putObject("channel").put("$ref", "#/channels/" + topic);
            operation.put("summary", "Receive " + service + "'s events (webhook or pull feed).");
            ArrayNode operationMessages = operation.putArray("messages");
            for (EventSchema schema : ofTopic) {
                channelMessages.putObject(schema.type()).put("$ref", "#/components/messages/" + schema.type());
                operationMessages.addObject().put("$ref", "#/channels/" + topic + "/messages/" + schema.type());
                messages.set(schema.type(), message(schema));
                schemaComponents.set(schema.type(), envelope(schema));
            }
        });
        return doc;
    }

    /** The message of one type: its name, title, summary, envelope schema reference and an example. */
    static ObjectNode message(EventSchema schema) {
        ObjectNode message = NODES.objectNode();
        message.put("name", schema.type());
        message.put("title", schema.schema().path("title").asString(schema.type()));
        message.put("summary", schema.schema().path("description").asString(""));
        message.put("contentType", CONTENT_TYPE);
        message.putObject("payload").put("$ref", "#/components/schemas/" + schema.type());
        ObjectNode example = message.putArray("examples").addObject();
        example.put("name", "example");
        example.set("payload", exampleEvent(schema));
        return message;
    }

    /** The CloudEvent envelope around the producer's data schema. */
    static ObjectNode envelope(EventSchema schema) {
        ObjectNode envelope = NODES.objectNode();
        envelope.put("type", "object");
        envelope.put("description", "CloudEvent 1.0 (structured JSON) carrying " + schema.type() + ".");
        ArrayNode required = envelope.putArray("required");
        List.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data")
                .forEach(required::add);
        ObjectNode properties = envelope.putObject("properties");
        properties.putObject("specversion").put("const", "1.0");
        properties.putObject("id").put("type", "string").put("description", "Unique; the same on every redelivery.");
        properties.putObject("source").put("const", "/maillage/" + schema.service());
        properties.putObject("type").put("const", schema.type());
        properties.putObject("subject").put("type", "string").put("description", "The aggregate the event is about.");
        properties.putObject("time").put("type", "string").put("format", "date-time");
        properties.putObject("datacontenttype").put("const", "application/json");
        properties.putObject("territory").put("type", "string").put("description", "The territory, e.g. bievre.");
        properties
                .putObject("audience")
                .put("type", "string")
                .put("description", "Space-separated institution ids entitled to receive the event.");
        properties.putObject("traceparent").put("type", "string").put("description", "W3C trace context.");
        ObjectNode data = (ObjectNode) schema.schema().deepCopy();
        data.remove("$schema");
        data.remove("$id");
        properties.set("data", data);
        return envelope;
    }

    private static ObjectNode exampleEvent(EventSchema schema) {
        ObjectNode event = NODES.objectNode();
        event.put("specversion", "1.0");
        event.put("id", "0b7d4c1e-5c7a-4f43-9b0e-2f1f6f3f9a10");
        event.put("source", "/maillage/" + schema.service());
        event.put("type", schema.type());
        event.put("subject", "6f0e9a52-8d1b-4c2e-a1f3-7b6d5c4e3f21");
        event.put("time", "2026-11-24T09:30:00Z");
        event.put("datacontenttype", "application/json");
        event.put("territory", "bievre");
        event.put("audience", "epsm-bievre msp-bievre");
        event.set("data", ExampleValues.of(schema.schema()));
        return event;
    }
}
