package fr.maillage.platform.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The test service's consumer: records what it receives and applies events once. */
@Component
class RecordingListener {

    static final String WEIGHED = "fr.maillage.test.parcel-weighed.v1";

    static final String FAILING = "fr.maillage.test.always-failing.v1";

    record ParcelWeighed(
            @NotBlank String parcelId, @Positive int weight) {}

    final List<IncomingEvent> received = new CopyOnWriteArrayList<>();

    final List<ParcelWeighed> bound = new CopyOnWriteArrayList<>();

    final Map<String, AtomicInteger> invocationsById = new ConcurrentHashMap<>();

    final Map<String, AtomicInteger> appliedBySubject = new ConcurrentHashMap<>();

    private final ProcessedEvents processedEvents;

    RecordingListener(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    @KafkaListener(topics = "${maillage.events.topic}", groupId = "kit-test-consumer")
    void on(IncomingEvent event) {
        invocationsById.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        received.add(event);
        if (event.is(FAILING)) {
            throw new IllegalStateException("this listener always fails on " + event.id());
        }
        if (event.is(WEIGHED)) {
            ParcelWeighed weighed = event.data(ParcelWeighed.class);
            processedEvents.once("weighing", event, () -> {
                bound.add(weighed);
                appliedBySubject
                        .computeIfAbsent(event.subject(), s -> new AtomicInteger())
                        .incrementAndGet();
            });
        }
    }

    List<IncomingEvent> receivedFor(String subject) {
        return received.stream().filter(e -> subject.equals(e.subject())).toList();
    }

    int invocations(String eventId) {
        AtomicInteger count = invocationsById.get(eventId);
        return count == null ? 0 : count.get();
    }

    int applied(String subject) {
        AtomicInteger count = appliedBySubject.get(subject);
        return count == null ? 0 : count.get();
    }
}
