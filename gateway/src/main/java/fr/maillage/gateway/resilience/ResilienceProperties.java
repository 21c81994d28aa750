package fr.maillage.gateway.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code maillage.gateway.resilience.*}: the time limit of a call and the breaker of each route
 * (count-based sliding window; opens at {@code failureRateThreshold} % failures once
 * {@code minimumNumberOfCalls} were made; half-open after {@code waitInOpenState}).
 */
@ConfigurationProperties("maillage.gateway.resilience")
public record ResilienceProperties(
        @DefaultValue("10s") Duration timeLimit,
        @DefaultValue("10") int slidingWindowSize,
        @DefaultValue("5") int minimumNumberOfCalls,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("5s") Duration waitInOpenState,
        @DefaultValue("2") int permittedCallsInHalfOpenState) {}
