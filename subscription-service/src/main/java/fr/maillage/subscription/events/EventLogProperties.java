package fr.maillage.subscription.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The event log's keys under {@code maillage.subscription.events.*}, checked when bound.
 *
 * @param topicPattern the topics consumed (a regular expression matched against whole topic names)
 * @param consumerGroup the Kafka consumer group of the log
 * @param retention how long an event is kept (by its CloudEvent time), for replays and the pull feed
 * @param sweepInterval how often events older than the retention are purged
 */
@Validated
@ConfigurationProperties("maillage.subscription.events")
public record EventLogProperties(
        @NotBlank @DefaultValue(EventLogProperties.DEFAULT_TOPIC_PATTERN)
        String topicPattern,

        @NotBlank @DefaultValue("subscription-service") String consumerGroup,
        @NotNull @DefaultValue("P30D") Duration retention,
        @NotNull @DefaultValue("PT1H") Duration sweepInterval) {

    public static final String DEFAULT_TOPIC_PATTERN = "(referral|workshop|meeting|alert|evaluation)\\.events\\.v1";

    public EventLogProperties {
        if (retention != null && (retention.isZero() || retention.isNegative())) {
            throw new IllegalArgumentException("maillage.subscription.events.retention must be positive");
        }
        if (sweepInterval != null && (sweepInterval.isZero() || sweepInterval.isNegative())) {
            throw new IllegalArgumentException("maillage.subscription.events.sweep-interval must be positive");
        }
    }
}
