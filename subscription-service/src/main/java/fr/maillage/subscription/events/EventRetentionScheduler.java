package fr.maillage.subscription.events;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Purges the events older than {@code maillage.subscription.events.retention} (by their CloudEvent time)
 * every {@code sweep-interval}. Every instance sweeps: deleting is idempotent.
 */
@Component
public class EventRetentionScheduler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(EventRetentionScheduler.class);

    private final EventLogStore store;
    private final EventLogProperties properties;
    private final Clock clock;

    EventRetentionScheduler(EventLogStore store, EventLogProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                new FixedDelayTask(this::sweep, properties.sweepInterval(), properties.sweepInterval()));
    }

    /** Purges now; @return the events removed. */
    public long purgeExpired() {
        Instant cutoff = clock.instant().minus(properties.retention());
        long removed = store.purgeBefore(cutoff);
        if (removed > 0) {
            log.info("Purged {} events older than {}", removed, cutoff);
        }
        return removed;
    }

    private void sweep() {
        try {
            purgeExpired();
        } catch (RuntimeException e) {
            log.warn("Event retention sweep failed; the next one retries", e);
        }
    }
}
