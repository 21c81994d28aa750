package fr.maillage.platform.asyncapi;

import io.github.springwolf.asyncapi.v3.bindings.kafka.KafkaChannelBinding;
import io.github.springwolf.asyncapi.v3.bindings.kafka.KafkaMessageBinding;
import io.github.springwolf.asyncapi.v3.model.AsyncAPI;
import io.github.springwolf.asyncapi.v3.model.channel.ChannelObject;
import io.github.springwolf.asyncapi.v3.model.channel.ChannelReference;
import io.github.springwolf.asyncapi.v3.model.channel.message.Message;
import io.github.springwolf.asyncapi.v3.model.channel.message.MessageExample;
import io.github.springwolf.asyncapi.v3.model.channel.message.MessageObject;
import io.github.springwolf.asyncapi.v3.model.channel.message.MessagePayload;
import io.github.springwolf.asyncapi.v3.model.channel.message.MessageReference;
import io.github.springwolf.asyncapi.v3.model.components.Components;
import io.github.springwolf.asyncapi.v3.model.operation.Operation;
import io.github.springwolf.asyncapi.v3.model.operation.OperationAction;
import io.github.springwolf.asyncapi.v3.model.schema.MultiFormatSchema;
import io.github.springwolf.asyncapi.v3.model.schema.SchemaObject;
import io.github.springwolf.asyncapi.v3.model.schema.SchemaReference;
import io.github.springwolf.core.asyncapi.AsyncApiCustomizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a producing service's events into its Springwolf document: its topic as a Kafka channel, one
 * message per event type (CloudEvent envelope, data schema, example: the partner catalogue's own,
 * from the same {@code events/*.json}) and the {@code send} operation. Springwolf finds none of this
 * by scanning: services publish through the outbox and listen to {@code IncomingEvent}.
 */
public final class ServiceEventsCustomizer implements AsyncApiCustomizer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<EventCatalogue.EventSchema> schemas;
    private final String service;
    private final String topic;

    /** The schemas of ONE service, e.g. every {@code fr.maillage.alert.*} type. */
    public ServiceEventsCustomizer(List<EventCatalogue.EventSchema> schemas) {
        if (schemas.isEmpty()) {
            throw new IllegalArgumentException("No event schema: a producing service has at least one");
        }
        List<String> services = schemas.stream()
                .map(EventCatalogue.EventSchema::service)
                .distinct()
                .toList();
        if (services.size() != 1) {
            throw new IllegalArgumentException("Event schemas of several services " + services + ": one expected");
        }
        this.schemas = schemas.stream()
                .sorted(Comparator.comparing(EventCatalogue.EventSchema::type))
                .toList();
        this.service = services.getFirst();
        this.topic = this.schemas.getFirst().topic();
    }

    /** The channel, e.g. {@code alert.events.v1}. */
    public String topic() {
        return topic;
    }

    @Override
    public void customize(AsyncAPI asyncApi) {
        Map<String, ChannelObject> channels = copy(asyncApi.getChannels());
        Map<String, Operation> operations = copy(asyncApi.getOperations());
        Components components = asyncApi.getComponents() == null ? new Components() : asyncApi.getComponents();
        Map<String, Message> messages = copy(components.getMessages());
        Map<String, SchemaObject> schemaObjects = copy(components.getSchemas());

        Map<String, Message> channelMessages = new LinkedHashMap<>();
        List<MessageReference> sent = new ArrayList<>();
        for (EventCatalogue.EventSchema schema : schemas) {
            channelMessages.put(schema.type(), MessageReference.toComponentMessage(schema.type()));
            sent.add(MessageReference.toChannelMessage(topic, schema.type()));
            messages.put(schema.type(), message(schema));
            schemaObjects.put(schema.type(), envelope(schema));
        }
        channels.put(
                topic,
                ChannelObject.builder()
                        .channelId(topic)
                        .address(topic)
                        .title(service + " events")
                        .description("The events of " + service + "-service: CloudEvents 1.0 in structured JSON,"
                                + " keyed by subject (per-aggregate order).")
                        .messages(channelMessages)
                        .bindings(Map.of(
                                "kafka",
                                KafkaChannelBinding.builder().topic(topic).build()))
                        .build());
        operations.put(
                "send-" + service + "-events",
                Operation.builder()
                        .action(OperationAction.SEND)
                        .channel(ChannelReference.fromChannel(topic))
                        .title("Publish " + service + " events")
                        .summary(service + "-service publishes its events through its outbox (at least once).")
                        .messages(sent)
                        .build());
        components.setMessages(messages);
        components.setSchemas(schemaObjects);
        asyncApi.setChannels(channels);
        asyncApi.setOperations(operations);
        asyncApi.setComponents(components);
    }

    /** The catalogue's message, in Springwolf's model. */
    private static MessageObject message(EventCatalogue.EventSchema schema) {
        JsonNode message = EventCatalogue.message(schema);
        JsonNode example = message.path("examples").get(0);
        return MessageObject.builder()
                .messageId(schema.type())
                .name(message.path("name").asString())
                .title(message.path("title").asString())
                .summary(message.path("summary").asString())
                .contentType(message.path("contentType").asString())
                .payload(MessagePayload.of(MultiFormatSchema.builder()
                        .schema(SchemaReference.fromSchema(schema.type()))
                        .build()))
                .bindings(Map.of(
                        "kafka",
                        KafkaMessageBinding.builder()
                                .key(SchemaObject.builder()
                                        .type("string")
                                        .description("The event's subject")
                                        .build())
                                .build()))
                .examples(List.of(MessageExample.builder()
                        .name(example.path("name").asString())
                        .payload(plain(example.path("payload")))
                        .build()))
                .build();
    }

    /** The catalogue's envelope schema; its properties (the producer's data schema inside) kept verbatim. */
    private static SchemaObject envelope(EventCatalogue.EventSchema schema) {
        JsonNode envelope = EventCatalogue.envelope(schema);
        List<String> required = new ArrayList<>();
        envelope.path("required").forEach(name -> required.add(name.asString()));
        return SchemaObject.builder()
                .type(envelope.path("type").asString())
                .title(schema.type())
                .description(envelope.path("description").asString())
                .required(required)
                .properties(plain(envelope.path("properties")))
                .build();
    }

    /** Plain maps, lists and values: Springwolf serializes with Jackson 2, which knows no Jackson 3 node. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(JsonNode object) {
        return JSON.treeToValue(object, LinkedHashMap.class);
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
    }
}
