package fr.maillage.subscription.subscription;

import fr.maillage.subscription.outbound.DeliveryOutcome;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * What delivery reads and tells about subscriptions. An event goes to a subscription when its type matches
 * one of the subscription's patterns AND the subscriber's institution is in the event's audience: the
 * audience is the query itself (no institution outside it is even read).
 */
@Service
class SubscriptionDirectoryService implements SubscriptionDirectory {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionDirectoryService.class);
    private static final Set<SubscriptionStatus> RECEIVING =
            EnumSet.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.FAILING, SubscriptionStatus.PAUSED);
    private static final int MAX_ATTEMPTS = 20;

    private final SubscriptionRepository subscriptions;
    private final EventNumberStore numbers;
    private final SigningSecrets secrets;
    private final HealthPolicy health;
    private final Clock clock;

    SubscriptionDirectoryService(
            SubscriptionRepository subscriptions,
            EventNumberStore numbers,
            SigningSecrets secrets,
            SubscriptionProperties properties,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.numbers = numbers;
        this.secrets = secrets;
        this.health = properties.healthPolicy();
        this.clock = clock;
    }

    @Override
    public List<Target> matching(String type, Set<String> audience) {
        if (type == null || audience == null || audience.isEmpty()) {
            return List.of();
        }
        return subscriptions.findByInstitutionInAndStatusIn(audience, RECEIVING).stream()
                .filter(subscription -> audience.contains(subscription.institution()))
                .filter(subscription -> subscription.wants(type))
                .map(this::target)
                .toList();
    }

    @Override
    public Optional<Target> target(String subscriptionId) {
        return subscriptions.findById(subscriptionId).map(this::target);
    }

    @Override
    public long nextEventNumber(String subscriptionId) {
        return numbers.next(subscriptionId);
    }

    @Override
    public void recordOutcome(String subscriptionId, DeliveryOutcome outcome, String error, Instant at) {
        for (int attempt = 1; ; attempt++) {
            Optional<Subscription> found = subscriptions.findById(subscriptionId);
            if (found.isEmpty()) {
                return; // deleted meanwhile
            }
            Subscription subscription = found.get();
            SubscriptionStatus before = subscription.status();
            if (!subscription.recordOutcome(outcome, error, at, health)) {
                return;
            }
            try {
                subscriptions.save(subscription);
                if (subscription.status() != before) {
                    log.warn(
                            "Subscription {} is now {} ({}) after a {} delivery",
                            subscriptionId,
                            subscription.status(),
                            subscription.statusReason(),
                            outcome);
                }
                return;
            } catch (OptimisticLockingFailureException concurrentChange) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw concurrentChange;
                }
            }
        }
    }

    private Target target(Subscription subscription) {
        List<String> signing = subscription.sealedSigningSecrets(clock.instant()).stream()
                .map(box -> secrets.open(box, subscription.id()))
                .toList();
        return new Target(
                subscription.id(),
                subscription.institution(),
                URI.create(subscription.callbackUrl()),
                signing,
                subscription.status());
    }
}
