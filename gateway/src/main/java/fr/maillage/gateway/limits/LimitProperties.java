package fr.maillage.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code maillage.gateway.limits.*}: the largest request body, and the token bucket of each
 * client (refilled at {@code replenishRate} tokens per second, holding {@code burstCapacity}).
 */
@ConfigurationProperties("maillage.gateway.limits")
public record LimitProperties(
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue("20") double replenishRate,
        @DefaultValue("40") int burstCapacity) {

    public LimitProperties {
        if (maxRequestSize.toBytes() <= 0 || maxRequestSize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maillage.gateway.limits.max-request-size must be in (0, 2 GB)");
        }
        if (replenishRate <= 0 || burstCapacity < 1) {
            throw new IllegalArgumentException("maillage.gateway.limits: replenish-rate > 0 and burst-capacity >= 1");
        }
    }
}
