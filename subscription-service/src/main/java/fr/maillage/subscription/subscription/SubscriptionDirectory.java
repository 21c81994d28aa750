package fr.maillage.subscription.subscription;

import fr.maillage.subscription.outbound.DeliveryOutcome;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What delivery reads and tells about subscriptions (implemented in this package). */
public interface SubscriptionDirectory {

    /**
     * The subscriptions (ACTIVE, FAILING or PAUSED) whose event-type patterns match {@code type} and whose
     * institution is in the event's {@code audience}. Nothing else, ever.
     */
    List<Target> matching(String type, Set<String> audience);

    /** The subscription as delivery needs it now; empty once deleted. */
    Optional<Target> target(String subscriptionId);

    /** The next per-subscription event number (1, 2, 3…: atomic, never reused), so a partner can detect gaps. */
    long nextEventNumber(String subscriptionId);

    /**
     * An attempt's outcome: DELIVERED resets the failure streak (FAILING -> ACTIVE); failures lengthen it
     * (-> FAILING, then DISABLED); GONE (410) disables at once.
     */
    void recordOutcome(String subscriptionId, DeliveryOutcome outcome, String error, Instant at);

    /**
     * @param signingSecrets {@code whsec_…}: the current one first, the previous one too during a
     *     rotation's overlap (both signatures are sent)
     */
    record Target(
            String subscriptionId,
            String institution,
            URI callback,
            List<String> signingSecrets,
            SubscriptionStatus status) {

        public Target {
            signingSecrets = List.copyOf(signingSecrets);
        }
    }
}
