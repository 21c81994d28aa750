package fr.maillage.subscription.events;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the log knows of one partition of a service topic. Within a partition the one consumer stores
 * offsets in order, so every event of the partition up to {@code head} that is not in the log never will
 * be (a dead letter, or a duplicate of an event id already logged).
 *
 * @param id {@code <topic>:<partition>}
 * @param head the highest offset fully handled (stored and planned); -1 before the first
 * @param purgedThrough the highest offset the retention sweep removed; null when none was
 */
@Document(EventPartition.COLLECTION)
public record EventPartition(@Id String id, String topic, int partition, long head, Long purgedThrough) {

    public static final String COLLECTION = "event_log_partitions";

    /** {@code <topic>:<partition>}: topic names cannot contain a colon. */
    public static String key(String topic, int partition) {
        return topic + ":" + partition;
    }

    /** Whether the retention sweep removed an event of this partition after {@code offset}. */
    public boolean purgedAfter(long offset) {
        return purgedThrough != null && purgedThrough > offset;
    }
}
