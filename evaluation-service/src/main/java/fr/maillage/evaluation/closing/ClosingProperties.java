package fr.maillage.evaluation.closing;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code maillage.evaluation.closing.*}, checked when bound: a wrong value stops the service.
 *
 * @param sweepInterval how often each instance reviews the last closed quarter (default PT1H)
 * @param initialDelay how long after start-up the first review runs (default PT1M)
 * @param gracePeriod how long after a quarter's end its review waits, so that events of its last hours
 *     arriving late are counted before a miss is announced once and for all (default PT6H)
 */
@Validated
@ConfigurationProperties("maillage.evaluation.closing")
public record ClosingProperties(
        @NotNull @DefaultValue("PT1H") Duration sweepInterval,
        @NotNull @DefaultValue("PT1M") Duration initialDelay,
        @NotNull @DefaultValue("PT6H") Duration gracePeriod) {

    public ClosingProperties {
        if (sweepInterval != null && (sweepInterval.isZero() || sweepInterval.isNegative())) {
            throw new IllegalArgumentException("maillage.evaluation.closing.sweep-interval must be positive");
        }
        if (initialDelay != null && initialDelay.isNegative()) {
            throw new IllegalArgumentException("maillage.evaluation.closing.initial-delay must not be negative");
        }
        if (gracePeriod != null && (gracePeriod.isNegative() || gracePeriod.compareTo(Duration.ofDays(30)) > 0)) {
            throw new IllegalArgumentException("maillage.evaluation.closing.grace-period is 0 to 30 days");
        }
    }
}
