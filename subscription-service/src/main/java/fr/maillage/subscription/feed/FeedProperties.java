package fr.maillage.subscription.feed;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The pull feed's keys under {@code maillage.subscription.feed.*}, checked when bound.
 *
 * @param maxWait the longest long poll a reader may ask for ({@code wait}), also its default
 * @param pollInterval how often waiting long polls look at the store (events logged by other instances;
 *     those logged by this one wake them at once)
 */
@Validated
@ConfigurationProperties("maillage.subscription.feed")
public record FeedProperties(
        @NotNull @DefaultValue("PT30S") Duration maxWait,
        @NotNull @DefaultValue("PT1S") Duration pollInterval) {

    public FeedProperties {
        if (maxWait != null && maxWait.isNegative()) {
            throw new IllegalArgumentException("maillage.subscription.feed.max-wait must not be negative");
        }
        if (pollInterval != null && (pollInterval.isZero() || pollInterval.isNegative())) {
            throw new IllegalArgumentException("maillage.subscription.feed.poll-interval must be positive");
        }
    }
}
