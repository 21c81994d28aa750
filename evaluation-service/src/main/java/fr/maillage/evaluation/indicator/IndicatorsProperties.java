package fr.maillage.evaluation.indicator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code maillage.evaluation.indicators.*}, checked when bound: a wrong value (or a default target naming an
 * unknown indicator) stops the service at start-up.
 *
 * @param consumerGroup the live projection's consumer group
 * @param topics the projected topics
 * @param defaultTargets every territory's targets unless it set its own
 * @param rebuild how a rebuild replays the topics
 */
@Validated
@ConfigurationProperties("maillage.evaluation.indicators")
public record IndicatorsProperties(
        @NotBlank @DefaultValue("evaluation-indicators") String consumerGroup,
        @Valid @NotNull @DefaultValue Topics topics,
        @Valid @NotNull @DefaultValue List<DefaultTarget> defaultTargets,
        @Valid @NotNull @DefaultValue Rebuild rebuild) {

    /** The projected topics (the listener reads the same keys). */
    public record Topics(
            @NotBlank @DefaultValue("referral.events.v1") String referral,
            @NotBlank @DefaultValue("alert.events.v1") String alert,
            @NotBlank @DefaultValue("workshop.events.v1") String workshop,
            @NotBlank @DefaultValue("meeting.events.v1") String meeting) {

        public List<String> all() {
            return List.of(referral, alert, workshop, meeting);
        }
    }

    /** A default target: {@code {indicator, comparison, threshold}}. */
    public record DefaultTarget(
            @NotBlank String indicator,
            @NotNull Comparison comparison,
            @NotNull Double threshold) {

        public Target toTarget() {
            return new Target(indicator, comparison, threshold);
        }
    }

    /**
     * @param batchSize the most records read (and written in bulk) at a time
     * @param pollTimeout how long one read of the topics waits for records
     * @param lease how long a rebuild holds its lock without a sign of life (an instance that died mid-way
     *     frees it after this)
     */
    public record Rebuild(
            @Min(1) @Max(100_000) @DefaultValue("5000") int batchSize,
            @NotNull @DefaultValue("PT1S") Duration pollTimeout,
            @NotNull @DefaultValue("PT2M") Duration lease) {

        public Rebuild {
            if (pollTimeout != null && (pollTimeout.isZero() || pollTimeout.isNegative())) {
                throw new IllegalArgumentException(
                        "maillage.evaluation.indicators.rebuild.poll-timeout must be positive");
            }
            if (lease != null && lease.compareTo(Duration.ofSeconds(10)) < 0) {
                throw new IllegalArgumentException(
                        "maillage.evaluation.indicators.rebuild.lease must be at least PT10S");
            }
        }
    }
}
