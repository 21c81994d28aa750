package fr.maillage.subscription.subscription;

import fr.maillage.subscription.eventtype.EventTypePattern;
import fr.maillage.subscription.outbound.DeliveryOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner institution's subscription: which event types it wants, where (its callback URL), signed with
 * which secret, and how healthy its endpoint is. REQUESTED until its endpoint answers the verification
 * event with a 2xx, then ACTIVE; PAUSED by the partner; FAILING while deliveries keep failing; DISABLED
 * after failing too long or a 410 Gone (a new verification brings it back). Signing secrets are kept
 * sealed (encrypted): this class never sees them in clear. The document is the unit of consistency:
 * {@code @Version} makes a change read before another one fail rather than overwrite it.
 */
@Document("subscriptions")
public class Subscription {

    public static final int MAX_DESCRIPTION_LENGTH = 500;
    public static final int MAX_PATTERNS = 20;
    public static final int MAX_URL_LENGTH = 2000;

    private static final Set<SubscriptionStatus> PAUSABLE =
            EnumSet.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.FAILING);
    private static final Set<SubscriptionStatus> VERIFIABLE =
            EnumSet.of(SubscriptionStatus.REQUESTED, SubscriptionStatus.DISABLED);

    @Id
    private final String id;

    @Version
    private Long version;

    private final String institution;
    /**
     * Which of its institution's places (0 to the limit - 1) it holds: unique per institution (index in
     * {@code SubscriptionService}), so concurrent creations cannot pass the limit, and a deletion frees it.
     */
    private final int slot;

    private final List<String> eventTypes;
    private final String callbackUrl;
    private final String description;
    private final Instant createdAt;

    private SubscriptionStatus status;
    private String statusReason;
    private LastError lastError;
    private int failureStreak;
    /** When the current failure streak began (its first failure); null without a streak. */
    private Instant streakStartedAt;

    private Instant lastDeliveredAt;
    private Instant verifiedAt;

    /** The current signing secret, sealed. */
    private String sealedSecret;
    /** The secret before the last rotation, sealed; still signs until {@link #previousSecretValidUntil}. */
    private String sealedPreviousSecret;

    private Instant secretRotatedAt;
    private Instant previousSecretValidUntil;

    @PersistenceCreator
    Subscription(
            String id,
            Long version,
            String institution,
            int slot,
            List<String> eventTypes,
            String callbackUrl,
            String description,
            Instant createdAt,
            SubscriptionStatus status,
            String statusReason,
            LastError lastError,
            int failureStreak,
            Instant streakStartedAt,
            Instant lastDeliveredAt,
            Instant verifiedAt,
            String sealedSecret,
            String sealedPreviousSecret,
            Instant secretRotatedAt,
            Instant previousSecretValidUntil) {
        this.id = id;
        this.version = version;
        this.institution = institution;
        this.slot = slot;
        this.eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        this.callbackUrl = callbackUrl;
        this.description = description;
        this.createdAt = createdAt;
        this.status = status;
        this.statusReason = statusReason;
        this.lastError = lastError;
        this.failureStreak = failureStreak;
        this.streakStartedAt = streakStartedAt;
        this.lastDeliveredAt = lastDeliveredAt;
        this.verifiedAt = verifiedAt;
        this.sealedSecret = sealedSecret;
        this.sealedPreviousSecret = sealedPreviousSecret;
        this.secretRotatedAt = secretRotatedAt;
        this.previousSecretValidUntil = previousSecretValidUntil;
    }

    /** A new subscription, REQUESTED until its endpoint is verified. The patterns were parsed already. */
    public static Subscription request(
            String id,
            String institution,
            int slot,
            List<EventTypePattern> patterns,
            String callbackUrl,
            String description,
            String sealedSecret,
            Instant now) {
        if (patterns.isEmpty() || patterns.size() > MAX_PATTERNS) {
            throw new IllegalArgumentException("1 to " + MAX_PATTERNS + " event-type patterns");
        }
        List<String> types = new ArrayList<>();
        patterns.forEach(pattern -> {
            if (!types.contains(pattern.text())) {
                types.add(pattern.text());
            }
        });
        return new Subscription(
                id,
                null,
                institution,
                slot,
                types,
                callbackUrl,
                description,
                now,
                SubscriptionStatus.REQUESTED,
                null,
                null,
                0,
                null,
                null,
                null,
                sealedSecret,
                null,
                null,
                null);
    }

    // ---- verification handshake

    /** Whether the verification handshake may run now (REQUESTED, or DISABLED to bring it back). */
    public boolean awaitsVerification() {
        return VERIFIABLE.contains(status);
    }

    /** @throws IllegalSubscriptionTransition unless it awaits verification */
    public void requireVerifiable(String action) {
        if (!awaitsVerification()) {
            throw new IllegalSubscriptionTransition(action, status);
        }
    }

    /** The endpoint answered the verification event with a 2xx: ACTIVE, with a clean health record. */
    public void verified(Instant at) {
        requireVerifiable("verify");
        status = SubscriptionStatus.ACTIVE;
        statusReason = null;
        lastError = null;
        failureStreak = 0;
        streakStartedAt = null;
        verifiedAt = at;
    }

    /** The endpoint did not answer the verification with a 2xx: the status stays, the error is shown. */
    public void verificationFailed(Instant at, Integer statusCode, String message) {
        requireVerifiable("verify");
        lastError = new LastError(at, statusCode, "verification failed: " + message);
    }

    // ---- partner's steps

    /** ACTIVE or FAILING -> PAUSED: events are held (and sent after resume). */
    public void pause() {
        if (!PAUSABLE.contains(status)) {
            throw new IllegalSubscriptionTransition("pause", status);
        }
        status = SubscriptionStatus.PAUSED;
        statusReason = null;
    }

    /** PAUSED -> ACTIVE. (A DISABLED subscription comes back through the verification handshake instead.) */
    public void resume() {
        if (status != SubscriptionStatus.PAUSED) {
            throw new IllegalSubscriptionTransition("resume", status);
        }
        status = SubscriptionStatus.ACTIVE;
        statusReason = null;
        failureStreak = 0;
        streakStartedAt = null;
    }

    /** A new current secret; the previous one keeps signing for {@code overlap} (the oldest is forgotten). */
    public void rotateSecret(String newSealedSecret, Instant now, Duration overlap) {
        sealedPreviousSecret = sealedSecret;
        sealedSecret = newSealedSecret;
        secretRotatedAt = now;
        previousSecretValidUntil = now.plus(overlap);
    }

    /** The sealed secrets that sign now: the current one first, the previous one during the overlap. */
    public List<String> sealedSigningSecrets(Instant now) {
        if (sealedPreviousSecret != null
                && previousSecretValidUntil != null
                && now.isBefore(previousSecretValidUntil)) {
            return List.of(sealedSecret, sealedPreviousSecret);
        }
        return List.of(sealedSecret);
    }

    // ---- health, from delivery attempts

    /**
     * An attempt's outcome. DELIVERED ends the failure streak (FAILING -> ACTIVE); GONE disables at once;
     * any other failure lengthens the streak: FAILING from {@code failingAfter} failures, DISABLED once the
     * streak has lasted {@code disableAfter} as well. A PAUSED subscription keeps its status (only GONE
     * disables it); REQUESTED and DISABLED ones are not delivered to and ignore late outcomes.
     *
     * @return whether anything changed
     */
    public boolean recordOutcome(DeliveryOutcome outcome, String error, Instant at, HealthPolicy policy) {
        if (status == SubscriptionStatus.REQUESTED || status == SubscriptionStatus.DISABLED) {
            return false;
        }
        switch (outcome) {
            case DELIVERED -> {
                failureStreak = 0;
                streakStartedAt = null;
                if (lastDeliveredAt == null || at.isAfter(lastDeliveredAt)) {
                    lastDeliveredAt = at;
                }
                if (status == SubscriptionStatus.FAILING) {
                    status = SubscriptionStatus.ACTIVE;
                    statusReason = null;
                }
            }
            case GONE -> {
                lastError = new LastError(at, 410, error == null ? "the endpoint answered 410 Gone" : error);
                status = SubscriptionStatus.DISABLED;
                statusReason = HealthPolicy.GONE;
            }
            default -> {
                failureStreak++;
                if (streakStartedAt == null) {
                    streakStartedAt = at;
                }
                lastError = new LastError(
                        at,
                        null,
                        outcome.name().toLowerCase(java.util.Locale.ROOT) + (error == null ? "" : ": " + error));
                if (status == SubscriptionStatus.PAUSED) {
                    return true;
                }
                if (policy.mustDisable(failureStreak, Duration.between(streakStartedAt, at))) {
                    status = SubscriptionStatus.DISABLED;
                    statusReason = HealthPolicy.FAILING_TOO_LONG;
                } else if (policy.isFailing(failureStreak)) {
                    status = SubscriptionStatus.FAILING;
                    statusReason = HealthPolicy.CONSECUTIVE_FAILURES;
                }
            }
        }
        return true;
    }

    // ---- reading

    public String id() {
        return id;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public String institution() {
        return institution;
    }

    public int slot() {
        return slot;
    }

    public List<String> eventTypes() {
        return eventTypes;
    }

    public List<EventTypePattern> patterns() {
        return EventTypePattern.parseAll(eventTypes);
    }

    public boolean wants(String type) {
        return EventTypePattern.anyMatches(patterns(), type);
    }

    public String callbackUrl() {
        return callbackUrl;
    }

    public String description() {
        return description;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public SubscriptionStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public LastError lastError() {
        return lastError;
    }

    public int failureStreak() {
        return failureStreak;
    }

    public Instant streakStartedAt() {
        return streakStartedAt;
    }

    public Instant lastDeliveredAt() {
        return lastDeliveredAt;
    }

    public Instant verifiedAt() {
        return verifiedAt;
    }

    public Instant secretRotatedAt() {
        return secretRotatedAt;
    }

    public Instant previousSecretValidUntil() {
        return previousSecretValidUntil;
    }
}
