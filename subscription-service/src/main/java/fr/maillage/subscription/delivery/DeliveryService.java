package fr.maillage.subscription.delivery;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import fr.maillage.platform.web.Problems;
import fr.maillage.subscription.events.DeliveryPlanner;
import fr.maillage.subscription.events.EventLog;
import fr.maillage.subscription.events.StoredEvent;
import fr.maillage.subscription.subscription.SubscriptionDirectory;
import fr.maillage.subscription.subscription.SubscriptionDirectory.Target;
import fr.maillage.subscription.subscription.SubscriptionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * Plans deliveries ({@link DeliveryPlanner}, called by the event log's consumer before its offset is
 * committed), lists a subscription's deliveries and replays stored events.
 */
@Service
class DeliveryService implements DeliveryPlanner {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    /** Stored events read at once during a replay. */
    static final int REPLAY_PAGE = 500;

    private final DeliveryStore store;
    private final SubscriptionDirectory directory;
    private final EventLog eventLog;
    private final Clock clock;
    private final Duration retention;
    private final DeliveryDispatcher dispatcher;

    DeliveryService(
            DeliveryStore store,
            DeliveryDispatcher dispatcher,
            SubscriptionDirectory directory,
            EventLog eventLog,
            Clock clock,
            @Value("${maillage.subscription.events.retention:P30D}") Duration retention) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.directory = directory;
        this.eventLog = eventLog;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public int plan(StoredEvent event) {
        Instant now = clock.instant();
        int created = 0;
        for (Target target : directory.matching(event.type(), event.audience())) {
            // The directory already applies the audience rule; checked again here: nothing else, ever.
            if (!event.audience().contains(target.institution()) || !plannable(target.status())) {
                continue;
            }
            if (owe(target, event, now).isPresent()) {
                created++;
            }
        }
        if (created > 0) {
            dispatcher.wake();
            log.debug("Event {} planned for {} subscriptions", event.id(), created);
        }
        return created;
    }

    /** A new delivery of the event to the target (numbered once the insert won); empty if it was owed already. */
    private Optional<Delivery> owe(Target target, StoredEvent event, Instant now) {
        Delivery delivery = Delivery.owed(
                UUID.randomUUID().toString(),
                target.subscriptionId(),
                event.id(),
                event.type(),
                event.time(),
                event.cloudEvent(),
                target.status() == SubscriptionStatus.PAUSED,
                now);
        if (!store.insertIfAbsent(delivery)) {
            return Optional.empty();
        }
        store.number(delivery.id(), directory.nextEventNumber(target.subscriptionId()));
        return Optional.of(delivery);
    }

    Page<Delivery> list(String subscriptionId, DeliveryStatus status, int page, int size, CurrentUser user) {
        Target target = access(subscriptionId, user);
        return store.page(target.subscriptionId(), status, page, size);
    }

    /** Re-sends (or sends for the first time) the stored events since {@code from} that the subscription matches. */
    int replay(String subscriptionId, Instant from, CurrentUser user) {
        Target target = access(subscriptionId, user);
        Instant now = clock.instant();
        if (from.isBefore(now.minus(retention))) {
            throw Problems.unprocessable(
                            "beyond-retention", "Events are kept for " + retention + "; 'from' is older than that.")
                    .with("retention", retention.toString());
        }
        if (!plannable(target.status())) {
            throw Problems.illegalTransition("replay", target.status());
        }
        boolean held = target.status() == SubscriptionStatus.PAUSED;
        Map<String, Boolean> matches = new HashMap<>();
        int replayed = 0;
        StoredEvent after = null;
        List<StoredEvent> events;
        do {
            events = eventLog.since(from, after, REPLAY_PAGE);
            for (StoredEvent event : events) {
                if (!matches(target, event, matches)) {
                    continue;
                }
                Optional<Delivery> existing = store.find(target.subscriptionId(), event.id());
                if (existing.isPresent()) {
                    store.replay(existing.get().id(), held, now);
                    replayed++;
                } else if (owe(target, event, now).isPresent()) {
                    replayed++;
                } else {
                    store.find(target.subscriptionId(), event.id())
                            .ifPresent(raced -> store.replay(raced.id(), held, now));
                    replayed++;
                }
            }
            after = events.isEmpty() ? after : events.getLast();
        } while (events.size() == REPLAY_PAGE);
        if (replayed > 0) {
            dispatcher.wake();
        }
        log.info("Replayed {} events to subscription {} since {}", replayed, target.subscriptionId(), from);
        return replayed;
    }

    private boolean matches(Target target, StoredEvent event, Map<String, Boolean> known) {
        if (!event.audience().contains(target.institution())) {
            return false;
        }
        String key = event.type() + "|"
                + String.join(" ", event.audience().stream().sorted().toList());
        return known.computeIfAbsent(
                key,
                unused -> directory.matching(event.type(), event.audience()).stream()
                        .anyMatch(candidate -> candidate.subscriptionId().equals(target.subscriptionId())));
    }

    /** The subscription if the caller may see it: its institution's partner, or an admin; else 404. */
    private Target access(String subscriptionId, CurrentUser user) {
        Optional<Target> target = directory.target(subscriptionId);
        boolean allowed = target.isPresent()
                && (user.hasRole(Role.ADMIN)
                        || (user.isPartner() && target.get().institution().equals(user.institution())));
        if (!allowed) {
            throw Problems.notFound("Subscription", subscriptionId);
        }
        return target.get();
    }

    private static boolean plannable(SubscriptionStatus status) {
        return status == SubscriptionStatus.ACTIVE
                || status == SubscriptionStatus.FAILING
                || status == SubscriptionStatus.PAUSED;
    }
}
