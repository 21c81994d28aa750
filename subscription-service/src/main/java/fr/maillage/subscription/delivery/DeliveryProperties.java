package fr.maillage.subscription.delivery;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The delivery keys under {@code maillage.subscription.delivery.*}, checked when bound.
 *
 * @param pollInterval how often each instance looks for due deliveries
 * @param workers the sending threads per instance (one subscription at a time each)
 * @param batch due deliveries read per poll
 * @param timeout the bound on one POST (connect + answer); also read by the sender
 * @param lease how long a claimed delivery is reserved to its instance; longer than {@code timeout}
 * @param backoff the delays after each failed attempt in a row; after the last, FAILED
 * @param jitter each delay spread by ± this fraction
 * @param maxRetryAfter the cap on a receiver's {@code Retry-After}
 */
@Validated
@ConfigurationProperties("maillage.subscription.delivery")
public record DeliveryProperties(
        @NotNull @DefaultValue("PT0.5S") Duration pollInterval,
        @DefaultValue("8") @Min(1) @Max(256) int workers,
        @DefaultValue("200") @Min(1) @Max(10_000) int batch,
        @NotNull @DefaultValue("PT15S") Duration timeout,
        @NotNull @DefaultValue("PT1M") Duration lease,

        @NotEmpty @DefaultValue({"PT5S", "PT5M", "PT30M", "PT2H", "PT5H", "PT10H", "PT14H", "PT20H", "PT24H"})
        List<Duration> backoff,

        @DefaultValue("0.2") @DecimalMin("0.0") @DecimalMax("0.9")
        double jitter,

        @NotNull @DefaultValue("PT24H") Duration maxRetryAfter) {

    public DeliveryProperties {
        if (pollInterval != null && !pollInterval.isPositive()) {
            throw new IllegalArgumentException("maillage.subscription.delivery.poll-interval must be positive");
        }
        if (timeout != null && !timeout.isPositive()) {
            throw new IllegalArgumentException("maillage.subscription.delivery.timeout must be positive");
        }
        if (timeout != null && lease != null && lease.compareTo(timeout) <= 0) {
            throw new IllegalArgumentException("maillage.subscription.delivery.lease must be longer than the timeout");
        }
        if (maxRetryAfter != null && !maxRetryAfter.isPositive()) {
            throw new IllegalArgumentException("maillage.subscription.delivery.max-retry-after must be positive");
        }
    }
}
