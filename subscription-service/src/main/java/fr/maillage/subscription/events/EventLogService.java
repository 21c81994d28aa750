package fr.maillage.subscription.events;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Logs an event once per id and has its deliveries planned once: a redelivered record stores nothing new
 * and plans nothing new, unless planning had not finished the first time (then it is planned now; the
 * planner is idempotent per subscription and event). A newly logged event is announced in this instance
 * (a Spring application event carrying the {@link StoredEvent}), so long polls answer at once.
 */
@Service
class EventLogService {

    private static final Logger logger = LoggerFactory.getLogger(EventLogService.class);

    private final EventLogStore store;
    private final DeliveryPlanner planner;
    private final ApplicationEventPublisher announcements;
    private final Clock clock;

    /** Partitions already made known by this instance (a write saved per event; the store stays the truth). */
    private final Set<String> knownPartitions = ConcurrentHashMap.newKeySet();

    EventLogService(
            EventLogStore store, DeliveryPlanner planner, ApplicationEventPublisher announcements, Clock clock) {
        this.store = store;
        this.planner = planner;
        this.announcements = announcements;
        this.clock = clock;
    }

    /** @return true when the event was new */
    boolean log(StoredEvent event) {
        String partition = EventPartition.key(event.topic(), event.partition());
        if (!knownPartitions.contains(partition)) {
            store.ensurePartition(event.topic(), event.partition());
            knownPartitions.add(partition);
        }
        boolean fresh = store.insert(event, clock.instant());
        if (fresh) {
            plan(event);
        } else {
            store.find(event.id()).filter(logged -> logged.plannedAt() == null).ifPresent(unplanned -> {
                logger.info("Event {} was logged but not planned: planning it now", event.id());
                plan(unplanned.toStoredEvent());
            });
        }
        store.advanceHead(event.topic(), event.partition(), event.offset());
        if (fresh) {
            logger.debug(
                    "Logged event {} ({}) from {}-{}@{}",
                    event.id(),
                    event.type(),
                    event.topic(),
                    event.partition(),
                    event.offset());
            announcements.publishEvent(event);
        }
        return fresh;
    }

    private void plan(StoredEvent event) {
        int deliveries = planner.plan(event);
        store.markPlanned(event.id(), clock.instant());
        if (deliveries > 0) {
            logger.debug("Event {}: {} deliveries planned", event.id(), deliveries);
        }
    }
}
