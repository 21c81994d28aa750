package fr.maillage.platform.events;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * W3C trace context for events: captured when an event is built, continued when the relay
 * publishes it later from its own thread. Works without a tracer (then it only passes the value on).
 */
final class EventTracing {

    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;

    private final Propagator propagator;

    EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    static EventTracing none() {
        return new EventTracing(null, null);
    }

    /** The {@code traceparent} of the current span, or {@code null} outside a trace. */
    String currentTraceparent() {
        if (tracer == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        return span == null ? null : traceparentOf(span.context());
    }

    /**
     * Runs {@code send} inside a producer span that continues the event's trace, handing it the
     * {@code traceparent} to put on the record (the child span's, so the consumer hangs under it).
     */
    <T> T continueTrace(String traceparent, String name, Function<String, T> send) {
        if (tracer == null || propagator == null || traceparent == null) {
            return send.apply(traceparent);
        }
        Span span = propagator
                .extract(Map.of(TRACEPARENT, traceparent), Map::get)
                .name(name)
                .kind(Span.Kind.PRODUCER)
                .start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            String child = traceparentOf(span.context());
            return send.apply(child != null ? child : traceparent);
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private String traceparentOf(TraceContext context) {
        if (propagator != null) {
            Map<String, String> carrier = new HashMap<>();
            propagator.inject(context, carrier, Map::put);
            if (carrier.containsKey(TRACEPARENT)) {
                return carrier.get(TRACEPARENT);
            }
        }
        // Propagation configured for another format (B3): build the W3C value ourselves.
        String traceId = leftPad(context.traceId(), 32);
        String spanId = leftPad(context.spanId(), 16);
        boolean sampled = Boolean.TRUE.equals(context.sampled());
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    private static String leftPad(String hex, int length) {
        return hex.length() >= length ? hex : "0".repeat(length - hex.length()) + hex;
    }
}
