package fr.maillage.alert.escalation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code maillage.alert.escalation.*}.
 *
 * @param secondLevelAfter level 2 comes this long after the due time (level 1) if there is still no response
 * @param interval how often the watcher looks for overdue alerts (the delay between two sweeps)
 * @param batchSize the most alerts escalated in one sweep (the next sweep takes the rest)
 */
@ConfigurationProperties("maillage.alert.escalation")
public record EscalationProperties(Duration secondLevelAfter, Duration interval, Integer batchSize) {

    public EscalationProperties {
        secondLevelAfter = secondLevelAfter == null ? Duration.ofHours(2) : secondLevelAfter;
        interval = interval == null ? Duration.ofSeconds(30) : interval;
        batchSize = batchSize == null ? 100 : batchSize;
        if (secondLevelAfter.isNegative() || secondLevelAfter.isZero()) {
            throw new IllegalArgumentException("maillage.alert.escalation.second-level-after must be positive");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("maillage.alert.escalation.interval must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("maillage.alert.escalation.batch-size must be at least 1");
        }
    }
}
