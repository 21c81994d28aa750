package fr.maillage.platform.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the platform's envelope: CloudEvents 1.0 in structured JSON mode
 * ({@code application/cloudevents+json}), data in JSON, extensions {@code territory},
 * {@code audience} (space-separated) and {@code traceparent}. Built on the CloudEvents SDK.
 *
 * <p>Services get one configured by the kit; {@link #standalone()} serves unit tests.
 */
public final class CloudEventCodec {

    /** The Kafka {@code content-type} header value of a structured CloudEvent. */
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    static final String DATA_CONTENT_TYPE = "application/json";

    private static final JsonFormat FORMAT = new JsonFormat();

    private final JsonMapper mapper;

    private final Validator validator;

    private final String dataschemaPrefix;

    CloudEventCodec(JsonMapper mapper, Validator validator, String dataschemaPrefix) {
        // Consumers declare records with only the fields they read: ignore the rest.
        this.mapper = mapper.rebuild()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.validator = validator;
        this.dataschemaPrefix = dataschemaPrefix;
    }

    /** A codec with a default JSON mapper and Bean Validation, for tests. */
    public static CloudEventCodec standalone() {
        Validator validator =
                jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();
        return new CloudEventCodec(JsonMapper.builder().build(), validator, "urn:maillage:schema:");
    }

    /** The structured JSON of an outbound event, with its own {@code traceparent}. */
    public String write(OutboundEvent event, String source) {
        return write(event, source, event.traceparent());
    }

    String write(OutboundEvent event, String source, String traceparent) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.id())
                .withSource(URI.create(source))
                .withType(event.type())
                .withSubject(event.subject())
                .withTime(event.time().atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create(dataschemaPrefix + event.type()))
                .withData(DATA_CONTENT_TYPE, mapper.writeValueAsBytes(event.data()));
        if (event.territory() != null) {
            builder.withExtension("territory", event.territory());
        }
        if (!event.audience().isEmpty()) {
            builder.withExtension("audience", String.join(" ", event.audience()));
        }
        if (traceparent != null) {
            builder.withExtension(EventTracing.TRACEPARENT, traceparent);
        }
        return new String(FORMAT.serialize(builder.build()), StandardCharsets.UTF_8);
    }

    /**
     * Parses a structured CloudEvent.
     *
     * @throws InvalidEventException if the value is not a CloudEvent
     */
    public IncomingEvent read(String structuredJson) {
        if (structuredJson == null || structuredJson.isBlank()) {
            throw new InvalidEventException("Empty record: not a CloudEvent");
        }
        return read(structuredJson.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses a structured CloudEvent.
     *
     * @throws InvalidEventException if the value is not a CloudEvent
     */
    public IncomingEvent read(byte[] structuredJson) {
        CloudEvent event;
        try {
            event = FORMAT.deserialize(structuredJson);
        } catch (RuntimeException e) {
            throw new InvalidEventException("Not a structured CloudEvent: " + e.getMessage(), e);
        }
        CloudEventData data = event.getData();
        return new IncomingEvent(
                event.getId(),
                event.getType(),
                Objects.toString(event.getSource(), null),
                event.getSubject(),
                extension(event, "territory"),
                audience(extension(event, "audience")),
                event.getTime() == null ? null : event.getTime().toInstant(),
                extension(event, EventTracing.TRACEPARENT),
                data == null ? null : data.toBytes(),
                this);
    }

    <T> T bind(IncomingEvent event, byte[] data, Class<T> type) {
        if (data == null) {
            throw new InvalidEventException("Event " + event.id() + " (" + event.type() + ") has no data");
        }
        T value;
        try {
            value = mapper.readValue(data, type);
        } catch (JacksonException e) {
            throw new InvalidEventException(
                    "Data of event " + event.id() + " (" + event.type() + ") does not bind to " + type.getSimpleName()
                            + ": " + e.getOriginalMessage(),
                    e);
        }
        if (value == null) {
            throw new InvalidEventException("Event " + event.id() + " (" + event.type() + ") has null data");
        }
        if (validator != null) {
            Set<ConstraintViolation<T>> violations = validator.validate(value);
            if (!violations.isEmpty()) {
                throw new InvalidEventException("Data of event " + event.id() + " (" + event.type() + ") is invalid: "
                        + violations.stream()
                                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                                .sorted()
                                .collect(Collectors.joining(", ")));
            }
        }
        return value;
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }

    private static Set<String> audience(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.trim().split("\\s+")).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
