package fr.maillage.platform.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the {@link OutboundEvent}s an aggregate adds to its {@code pendingEvents}: a new UUID, the
 * current time, the data record turned into a JSON map, and the current trace context.
 */
public class EventOutbox {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final JsonMapper mapper;

    private final EventTracing tracing;

    EventOutbox(JsonMapper mapper, EventTracing tracing) {
        this.mapper = mapper;
        this.tracing = tracing;
    }

    /** An outbox without tracing, for unit tests of services. */
    public static EventOutbox standalone() {
        return new EventOutbox(JsonMapper.builder().build(), EventTracing.none());
    }

    /**
     * A new event for the outbox of the aggregate {@code subject}.
     *
     * @param type e.g. {@code fr.maillage.referral.accepted.v1}
     * @param subject the aggregate id (the Kafka key, so per-aggregate order holds)
     * @param territory the territory extension, may be {@code null}
     * @param audience institution ids entitled to receive it, may be empty
     * @param data a record (or map) serialised with the application's JSON mapper
     */
    public OutboundEvent event(
            String type, String subject, String territory, Collection<String> audience, Object data) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
        return new OutboundEvent(
                UUID.randomUUID().toString(),
                type,
                subject,
                territory,
                audience == null
                        ? List.of()
                        : audience.stream().distinct().sorted().toList(),
                // MongoDB keeps milliseconds: truncate now so the stored and published times agree.
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                toMap(data),
                tracing.currentTraceparent());
    }

    private Map<String, Object> toMap(Object data) {
        // Through JSON text, so the stored map holds only JSON types (no BigDecimal, no Instant).
        return mapper.readValue(mapper.writeValueAsBytes(data), MAP);
    }
}
