package fr.maillage.subscription.subscription;

import java.time.Instant;

/**
 * The last thing that went wrong with a subscription's endpoint, as the partner and admins see it.
 *
 * @param statusCode the endpoint's HTTP status; null when it did not answer (or for a delivery's outcome)
 * @param message a short reason, never a response body
 */
public record LastError(Instant at, Integer statusCode, String message) {

    static final int MAX_MESSAGE = 300;

    public LastError {
        if (message != null && message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE);
        }
    }
}
