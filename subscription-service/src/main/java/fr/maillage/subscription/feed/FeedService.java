package fr.maillage.subscription.feed;

import fr.maillage.platform.web.ProblemException;
import fr.maillage.platform.web.Problems;
import fr.maillage.subscription.events.EventFilter;
import fr.maillage.subscription.events.EventLogStore;
import fr.maillage.subscription.events.EventPartition;
import fr.maillage.subscription.events.StoredEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * One page of the feed, read from the event log alone (no state in this instance). Per partition the
 * events after the cursor's offset (and up to the partition's head: everything below it is logged for
 * good) that the reader may see and asked for, in offset order; the partitions merged by (time, topic,
 * partition, offset), taking a prefix of each partition's sequence, so that the next cursor (per
 * partition, the last offset given) neither skips nor repeats an event. When a page has events, partitions
 * whose matching events were all given move on to their head too, past events the reader does not see.
 */
@Service
public class FeedService {

    private static final Comparator<StoredEvent> MERGE_ORDER = Comparator.comparing(StoredEvent::time)
            .thenComparing(StoredEvent::topic)
            .thenComparingInt(StoredEvent::partition)
            .thenComparingLong(StoredEvent::offset);

    private final EventLogStore store;

    FeedService(EventLogStore store) {
        this.store = store;
    }

    /**
     * @throws ProblemException 400 {@code invalid-cursor} for a cursor of partitions never seen, 410
     *     {@code cursor-expired} when events after it were purged by retention
     */
    public FeedPage page(FeedQuery query) {
        return page(query, store.partitions());
    }

    FeedPage page(FeedQuery query, List<EventPartition> known) {
        Map<String, EventPartition> partitions = new LinkedHashMap<>();
        known.forEach(partition -> partitions.put(partition.id(), partition));
        FeedCursor cursor = query.cursor();
        cursor.offsets().forEach((key, offset) -> {
            EventPartition partition = partitions.get(key);
            if (partition == null) {
                throw invalidCursor("it names a partition this service has never read (" + key + ")");
            }
            if (partition.purgedAfter(offset)) {
                throw new ProblemException(
                        HttpStatus.GONE,
                        "cursor-expired",
                        "Cursor expired",
                        "Events after this cursor were removed by the retention policy; start again without"
                                + " 'after' (or replay missed events another way).");
            }
        });
        EventFilter filter = new EventFilter(
                query.institution(),
                query.types().matchesAny(),
                query.types().exactTypes(),
                query.types().prefixes());
        int limit = query.limit();
        List<Run> runs = new ArrayList<>();
        for (EventPartition partition : partitions.values()) {
            long after = cursor.offset(partition.id());
            if (partition.head() <= after) {
                continue;
            }
            List<StoredEvent> events =
                    store.partition(partition.topic(), partition.partition(), after, partition.head(), filter, limit);
            runs.add(new Run(
                    partition,
                    events.stream()
                            .filter(event -> query.types().matches(event.type()))
                            .toList(),
                    events.size() < limit));
        }
        List<StoredEvent> page = merge(runs, limit);
        if (page.isEmpty()) {
            return new FeedPage(page, cursor);
        }
        Map<String, Long> positions = new HashMap<>();
        for (StoredEvent event : page) {
            positions.merge(EventPartition.key(event.topic(), event.partition()), event.offset(), Math::max);
        }
        for (Run run : runs) {
            if (run.exhausted() && run.next == run.events.size()) {
                positions.merge(run.partition().id(), run.partition().head(), Math::max);
            }
        }
        return new FeedPage(page, cursor.advanced(positions));
    }

    private static List<StoredEvent> merge(List<Run> runs, int limit) {
        PriorityQueue<Run> heads = new PriorityQueue<>(Comparator.comparing(Run::head, MERGE_ORDER));
        runs.stream().filter(Run::hasNext).forEach(heads::add);
        List<StoredEvent> page = new ArrayList<>();
        while (page.size() < limit && !heads.isEmpty()) {
            Run run = heads.poll();
            page.add(run.head());
            run.next++;
            if (run.hasNext()) {
                heads.add(run);
            }
        }
        return page;
    }

    static ProblemException invalidCursor(String why) {
        return Problems.badRequest("invalid-cursor", "This is not a cursor of this feed: " + why + ".");
    }

    /** One partition's matching events after the cursor, and how many of them the page took. */
    private static final class Run {
        private final EventPartition partition;
        private final List<StoredEvent> events;
        private final boolean exhausted;
        private int next;

        Run(EventPartition partition, List<StoredEvent> events, boolean exhausted) {
            this.partition = partition;
            this.events = events;
            this.exhausted = exhausted;
        }

        EventPartition partition() {
            return partition;
        }

        boolean exhausted() {
            return exhausted;
        }

        boolean hasNext() {
            return next < events.size();
        }

        StoredEvent head() {
            return events.get(next);
        }
    }
}
