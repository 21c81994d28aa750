package fr.maillage.platform.events;

import java.time.Instant;
import java.util.Collections;
import java.util.Set;

/**
 * A consumed integration event: the CloudEvent attributes, and its data bound on demand to the
 * consumer's own record. {@code @KafkaListener} methods take it as a parameter.
 */
public final class IncomingEvent {

    private final String id;
    private final String type;
    private final String source;
    private final String subject;
    private final String territory;
    private final Set<String> audience;
    private final Instant time;
    private final String traceparent;
    private final byte[] data;
    private final CloudEventCodec codec;

    IncomingEvent(
            String id,
            String type,
            String source,
            String subject,
            String territory,
            Set<String> audience,
            Instant time,
            String traceparent,
            byte[] data,
            CloudEventCodec codec) {
        this.id = id;
        this.type = type;
        this.source = source;
        this.subject = subject;
        this.territory = territory;
        this.audience = Collections.unmodifiableSet(audience);
        this.time = time;
        this.traceparent = traceparent;
        this.data = data;
        this.codec = codec;
    }

    /** The CloudEvent id: identical on every redelivery, the key of idempotency. */
    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    /** e.g. {@code /maillage/referral}. */
    public String source() {
        return source;
    }

    /** The aggregate id (also the Kafka key). */
    public String subject() {
        return subject;
    }

    /** May be {@code null}. */
    public String territory() {
        return territory;
    }

    /** Institution ids entitled to receive the event (empty when none was given). */
    public Set<String> audience() {
        return audience;
    }

    /** May be {@code null} for events from outside the platform. */
    public Instant time() {
        return time;
    }

    /** The W3C trace context carried by the event, may be {@code null}. */
    public String traceparent() {
        return traceparent;
    }

    public boolean is(String type) {
        return this.type.equals(type);
    }

    /**
     * The data bound to the consumer's record (unknown properties ignored) and checked with Bean
     * Validation.
     *
     * @throws InvalidEventException when it does not bind or validate: the record goes to the
     *     dead-letter topic without retry
     */
    public <T> T data(Class<T> type) {
        return codec.bind(this, data, type);
    }

    @Override
    public String toString() {
        return "IncomingEvent[id=" + id + ", type=" + type + ", source=" + source + ", subject=" + subject + "]";
    }
}
