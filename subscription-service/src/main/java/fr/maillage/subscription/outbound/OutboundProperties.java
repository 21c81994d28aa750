package fr.maillage.subscription.outbound;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbound keys under {@code maillage.subscription.outbound.*}, checked when bound.
 *
 * @param allowLoopback loopback callbacks ({@code http://127.0.0.1:<port>/…}, {@code localhost}) for the local
 *     stack and tests only; never in production
 * @param maxResponseBytes how much of a partner's response body is read (then discarded)
 */
@Validated
@ConfigurationProperties("maillage.subscription.outbound")
public record OutboundProperties(
        @DefaultValue("false") boolean allowLoopback,
        @DefaultValue("4096") @Min(0) @Max(1_048_576) int maxResponseBytes) {}
