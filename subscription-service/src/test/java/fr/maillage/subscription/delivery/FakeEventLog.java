package fr.maillage.subscription.delivery;

import fr.maillage.subscription.events.EventLog;
import fr.maillage.subscription.events.StoredEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory {@link EventLog} for delivery tests (the real one is the events package's); one per JVM. */
final class FakeEventLog implements EventLog {

    static final FakeEventLog INSTANCE = new FakeEventLog();

    static final Comparator<StoredEvent> ORDER = Comparator.comparing(StoredEvent::time)
            .thenComparing(StoredEvent::topic)
            .thenComparingInt(StoredEvent::partition)
            .thenComparingLong(StoredEvent::offset);

    private final List<StoredEvent> events = new CopyOnWriteArrayList<>();

    private FakeEventLog() {}

    void store(StoredEvent event) {
        events.add(event);
    }

    @Override
    public List<StoredEvent> since(Instant from, StoredEvent after, int limit) {
        return events.stream()
                .filter(event -> !event.time().isBefore(from))
                .filter(event -> after == null || ORDER.compare(event, after) > 0)
                .sorted(ORDER)
                .limit(limit)
                .toList();
    }
}
