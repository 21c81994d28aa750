package fr.maillage.meeting.action;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The action keys under {@code maillage.meeting.actions.*}, checked when bound: a wrong value stops the
 * service at start-up.
 *
 * @param overdueSweepInterval how often each instance looks for open actions whose due day has ended
 *     (default PT1M; the system tests use a few seconds)
 */
@Validated
@ConfigurationProperties("maillage.meeting.actions")
public record ActionProperties(
        @NotNull @DefaultValue("PT1M") Duration overdueSweepInterval) {

    public ActionProperties {
        if (overdueSweepInterval != null && (overdueSweepInterval.isZero() || overdueSweepInterval.isNegative())) {
            throw new IllegalArgumentException("maillage.meeting.actions.overdue-sweep-interval must be positive");
        }
    }
}
