package fr.maillage.subscription.events;

import java.time.Instant;
import java.util.List;

/** The kept events, read for replays (implemented in this package). */
public interface EventLog {

    /**
     * Stored events with {@code time >= from}, in (time, topic, partition, offset) order, after {@code after}
     * (null: from the first), at most {@code limit}.
     */
    List<StoredEvent> since(Instant from, StoredEvent after, int limit);
}
