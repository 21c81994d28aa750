package fr.maillage.subscription.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The subscription keys under {@code maillage.subscription.*}, checked when bound: a wrong value stops the
 * service at start-up.
 *
 * @param maxPerInstitution how many subscriptions one institution may hold (default 20)
 * @param secretOverlap how long the previous secret keeps signing after a rotation (default P1D)
 * @param failingAfter consecutive failed attempts that make a subscription FAILING (default 3)
 * @param disableAfter how long a failure streak may last before the subscription is DISABLED (default P5D)
 * @param secrets where the key that seals signing secrets at rest lives
 */
@Validated
@ConfigurationProperties("maillage.subscription")
public record SubscriptionProperties(
        @DefaultValue("20") @Min(1) @Max(1000) int maxPerInstitution,
        @NotNull @DefaultValue("P1D") Duration secretOverlap,
        @DefaultValue("3") @Min(1) @Max(1000) int failingAfter,
        @NotNull @DefaultValue("P5D") Duration disableAfter,
        @Valid @NotNull @DefaultValue Secrets secrets) {

    public SubscriptionProperties {
        if (secretOverlap != null && secretOverlap.isNegative()) {
            throw new IllegalArgumentException("maillage.subscription.secret-overlap must not be negative");
        }
        if (disableAfter != null && disableAfter.isNegative()) {
            throw new IllegalArgumentException("maillage.subscription.disable-after must not be negative");
        }
    }

    public HealthPolicy healthPolicy() {
        return new HealthPolicy(failingAfter, disableAfter);
    }

    /**
     * @param keysetFile the Tink JSON AEAD keyset sealing signing secrets at rest; no default on purpose
     * @param createKeysetIfMissing generate the file when it does not exist: developer machines, the local
     *     stack and tests only (a deployment that lost its key must stop, not start with a new one)
     */
    public record Secrets(
            Path keysetFile, @DefaultValue("false") boolean createKeysetIfMissing) {}
}
