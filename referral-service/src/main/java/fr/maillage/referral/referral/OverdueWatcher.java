package fr.maillage.referral.referral;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Flags referrals still SUBMITTED past their answer target and publishes {@code overdue.v1} for each,
 * once. Every instance of the service runs a watcher; exactly one event per referral is published all the
 * same, because the flag is saved with its event against the version the watcher read: when two instances
 * flag the same referral, the second save fails on {@code @Version} and that instance moves on.
 */
@Component
class OverdueWatcher {

    private static final Logger log = LoggerFactory.getLogger(OverdueWatcher.class);

    private final ReferralService referrals;
    private final ReferralProperties properties;
    private final Counter sweeps;
    private final Counter flagged;

    OverdueWatcher(ReferralService referrals, ReferralProperties properties, MeterRegistry meters) {
        this.referrals = referrals;
        this.properties = properties;
        this.sweeps = Counter.builder("maillage.referral.overdue.sweeps")
                .description("Completed sweeps of the overdue watcher")
                .register(meters);
        this.flagged = Counter.builder("maillage.referral.overdue")
                .description("Referrals this instance flagged as overdue")
                .register(meters);
    }

    @Scheduled(
            fixedDelayString = "${maillage.referral.overdue.interval:PT1M}",
            initialDelayString = "${maillage.referral.overdue.interval:PT1M}")
    void sweep() {
        Instant now = ReferralService.now();
        for (Referral referral :
                referrals.dueForOverdue(now, properties.overdue().batchSize())) {
            flag(referral, now);
        }
        sweeps.increment();
    }

    private void flag(Referral referral, Instant now) {
        try {
            List<ReferralEvent> events = referral.markOverdue(now);
            if (events.isEmpty()) {
                return;
            }
            referrals.saveOverdue(referral, events);
            flagged.increment();
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            // Another instance flagged it, or someone answered it, since it was read: nothing left to do.
            log.debug("Referral {} changed while being flagged overdue; left as it is", referral.id());
        }
    }
}
