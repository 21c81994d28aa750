package fr.maillage.subscription.outbound;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One signed POST to a callback (implemented in this package). Never throws for the receiver's behaviour. */
public interface WebhookSender {

    Attempt send(Webhook webhook);

    /**
     * @param webhookId the {@code webhook-id} (the CloudEvent id: the same across retries and replays)
     * @param timestamp the {@code webhook-timestamp}
     * @param body the CloudEvent in structured JSON
     * @param signingSecrets {@code whsec_…}, each giving a signature
     * @param headers extra headers, e.g. {@code webhook-event-number}
     */
    record Webhook(
            URI callback,
            String webhookId,
            Instant timestamp,
            byte[] body,
            List<String> signingSecrets,
            Map<String, String> headers) {

        public Webhook {
            signingSecrets = List.copyOf(signingSecrets);
            headers = Map.copyOf(headers);
        }
    }

    /**
     * @param statusCode null when there was no response
     * @param latency from the request's start to the response's headers (or the failure)
     * @param retryAfter the receiver's {@code Retry-After} on 429/503, else null
     * @param error a short reason (never the response body), null on success
     */
    record Attempt(DeliveryOutcome outcome, Integer statusCode, Duration latency, Duration retryAfter, String error) {}
}
