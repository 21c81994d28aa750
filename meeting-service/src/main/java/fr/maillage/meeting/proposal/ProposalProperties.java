package fr.maillage.meeting.proposal;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The automatic agenda's keys under {@code maillage.meeting.proposals.*}, checked when bound: a wrong
 * value stops the service at start-up.
 *
 * @param declineWindow two declines of a person at most this far apart propose a case review, and a
 *     person gets at most one such proposal per window (default P30D)
 * @param sweepInterval how often pending proposals are tried again, in case a practice group's notice
 *     was missed (default PT1M)
 */
@Validated
@ConfigurationProperties("maillage.meeting.proposals")
public record ProposalProperties(
        @NotNull @DefaultValue("P30D") Duration declineWindow,
        @NotNull @DefaultValue("PT1M") Duration sweepInterval) {

    public ProposalProperties {
        if (declineWindow != null && (declineWindow.isZero() || declineWindow.isNegative())) {
            throw new IllegalArgumentException("maillage.meeting.proposals.decline-window must be positive");
        }
        if (sweepInterval != null && (sweepInterval.isZero() || sweepInterval.isNegative())) {
            throw new IllegalArgumentException("maillage.meeting.proposals.sweep-interval must be positive");
        }
    }
}
