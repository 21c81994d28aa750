package fr.maillage.subscription.feed;

import fr.maillage.subscription.events.StoredEvent;
import java.util.List;

/**
 * Events for a reader, per partition in offset order, merged across partitions by time, and the cursor
 * to ask from next (the one given when there are no events).
 */
public record FeedPage(List<StoredEvent> events, FeedCursor next) {

    public FeedPage {
        events = List.copyOf(events);
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }
}
