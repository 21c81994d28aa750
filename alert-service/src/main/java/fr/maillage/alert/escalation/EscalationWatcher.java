package fr.maillage.alert.escalation;

import fr.maillage.alert.alert.Alert;
import fr.maillage.alert.alert.AlertEvent;
import fr.maillage.alert.alert.AlertService;
import fr.maillage.alert.alert.IllegalTransitionException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Escalates alerts left without a response: level 1 when the due time passes, level 2 {@code
 * second-level-after} later. Every instance of the service runs a watcher; exactly one event per level
 * is published all the same, because each escalation is saved against the version it read: when two
 * instances escalate the same alert, the second save fails on {@code @Version} and that instance moves on.
 */
@Component
class EscalationWatcher {

    private static final Logger log = LoggerFactory.getLogger(EscalationWatcher.class);

    private final AlertService alerts;
    private final EscalationProperties properties;
    private final Counter sweeps;
    private final Map<Integer, Counter> escalations;

    EscalationWatcher(AlertService alerts, EscalationProperties properties, MeterRegistry meters) {
        this.alerts = alerts;
        this.properties = properties;
        this.sweeps = Counter.builder("maillage.alert.escalation.sweeps")
                .description("Completed sweeps of the escalation watcher")
                .register(meters);
        this.escalations = Map.of(1, escalations(meters, 1), 2, escalations(meters, 2));
    }

    private static Counter escalations(MeterRegistry meters, int level) {
        return Counter.builder("maillage.alert.escalations")
                .description("Alerts this instance escalated, by level")
                .tag("level", String.valueOf(level))
                .register(meters);
    }

    @Scheduled(
            fixedDelayString = "${maillage.alert.escalation.interval:PT30S}",
            initialDelayString = "${maillage.alert.escalation.interval:PT30S}")
    void sweep() {
        Instant now = alerts.now();
        for (Alert alert : alerts.dueForEscalation(now, properties.batchSize())) {
            escalate(alert, now);
        }
        sweeps.increment();
    }

    private void escalate(Alert alert, Instant now) {
        int level = alert.escalationLevel() + 1;
        try {
            List<AlertEvent> events = alert.escalate(level, now, properties.secondLevelAfter());
            if (events.isEmpty()) {
                return;
            }
            alerts.saveEscalation(alert, events);
            escalations.get(level).increment();
        } catch (OptimisticLockingFailureException | IllegalTransitionException changedMeanwhile) {
            // Another instance escalated it, or someone answered it, since it was read: nothing left to do.
            log.debug("Alert {} changed while being escalated to level {}; left as it is", alert.id(), level);
        }
    }
}
