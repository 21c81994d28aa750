package fr.maillage.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An integration event waiting in an aggregate's {@code pendingEvents}, built by {@link EventOutbox}.
 *
 * @param id the CloudEvent id (a UUID): the same id on every (re)delivery
 * @param type e.g. {@code fr.maillage.referral.accepted.v1}
 * @param subject the aggregate id, also the Kafka key
 * @param territory the territory extension, may be {@code null}
 * @param audience institution ids entitled to receive it (the space-separated {@code audience} extension)
 * @param time when it happened (millisecond precision, as stored by MongoDB)
 * @param data the payload as a JSON-like map
 * @param traceparent the W3C trace context at the time the event was built, may be {@code null}
 */
public record OutboundEvent(
        String id,
        String type,
        String subject,
        String territory,
        List<String> audience,
        Instant time,
        Map<String, Object> data,
        String traceparent) {

    public OutboundEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        audience = audience == null ? List.of() : List.copyOf(audience);
        data = data == null ? Map.of() : data;
    }
}
