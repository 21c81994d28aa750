package fr.maillage.subscription.delivery;

import fr.maillage.subscription.outbound.DeliveryOutcome;
import java.time.Instant;

/**
 * One POST of a delivery.
 *
 * @param statusCode null when there was no response
 * @param error a short reason, never the response body; null on success
 */
public record DeliveryAttempt(Instant at, Integer statusCode, long latencyMs, DeliveryOutcome outcome, String error) {}
