package fr.maillage.subscription.subscription;

import fr.maillage.subscription.outbound.DeliveryOutcome;
import fr.maillage.subscription.outbound.WebhookSender;
import fr.maillage.subscription.outbound.WebhookSender.Attempt;
import fr.maillage.subscription.outbound.WebhookSender.Webhook;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The activation handshake (as FHIR R5's {@code handshake}): one verification CloudEvent, signed like any
 * delivery, POSTed to the callback; a 2xx proves the partner's endpoint is there and wants it. Bounded in
 * time by the sender's own timeout.
 */
@Component
class VerificationClient {

    static final String TYPE = "fr.maillage.subscription.verification.v1";
    static final String SOURCE = "/maillage/subscription";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookSender sender;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    VerificationClient(WebhookSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
    }

    /** What the endpoint answered: delivered or not, with a status code and a short reason. */
    record Verification(boolean verified, Instant at, Integer statusCode, String error) {}

    Verification verify(String subscriptionId, URI callback, List<String> signingSecrets) {
        String eventId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        byte[] challenge = new byte[24];
        random.nextBytes(challenge);
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", eventId);
        event.put("source", SOURCE);
        event.put("type", TYPE);
        event.put("subject", subscriptionId);
        event.put("time", now.toString());
        event.put("datacontenttype", "application/json");
        ObjectNode data = event.putObject("data");
        data.put("subscriptionId", subscriptionId);
        data.put("challenge", Base64.getUrlEncoder().withoutPadding().encodeToString(challenge));
        byte[] body = JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
        Attempt attempt;
        try {
            attempt = sender.send(new Webhook(callback, eventId, now, body, signingSecrets, Map.of()));
        } catch (RuntimeException unexpected) {
            // The sender promises not to throw for the receiver's behaviour; anything else is still no answer.
            return new Verification(false, clock.instant(), null, "unreachable");
        }
        Instant at = clock.instant();
        if (attempt.outcome() == DeliveryOutcome.DELIVERED) {
            return new Verification(true, at, attempt.statusCode(), null);
        }
        String reason = attempt.error() != null
                ? attempt.error()
                : attempt.statusCode() != null
                        ? "the endpoint answered " + attempt.statusCode()
                        : attempt.outcome().name().toLowerCase(java.util.Locale.ROOT);
        return new Verification(false, at, attempt.statusCode(), reason);
    }
}
