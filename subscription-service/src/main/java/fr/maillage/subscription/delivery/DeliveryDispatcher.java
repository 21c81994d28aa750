package fr.maillage.subscription.delivery;

import fr.maillage.subscription.outbound.DeliveryOutcome;
import fr.maillage.subscription.outbound.WebhookSender;
import fr.maillage.subscription.outbound.WebhookSender.Attempt;
import fr.maillage.subscription.outbound.WebhookSender.Webhook;
import fr.maillage.subscription.subscription.SubscriptionDirectory;
import fr.maillage.subscription.subscription.SubscriptionDirectory.Target;
import fr.maillage.subscription.subscription.SubscriptionStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the due deliveries. Each poll: HELD deliveries of subscriptions active again are released; the
 * due PENDING ones are grouped by subscription and each group goes to one worker of a bounded pool, which
 * sends them in order (number order among those due together), reading the subscription again before each
 * one (a pause or deletion during the group stops the rest), each under a {@code MongoLeases} lease
 * longer than the send's timeout, so one instance at a time sends a delivery; a lease nobody gives back
 * (a crashed instance) expires and another instance sends it again (at least once, same webhook-id).
 *
 * <p>After an attempt: 2xx -> DELIVERED; 410 -> FAILED and the subscription is told (it disables);
 * 429/503 -> again after {@code Retry-After} (capped) or the back-off; anything else -> again per
 * {@link BackoffSchedule}, FAILED (kept) after its last step. A deleted or disabled subscription's
 * deliveries are CANCELLED; a paused one's are HELD. Every outcome goes to
 * {@link SubscriptionDirectory#recordOutcome}.
 */
public final class DeliveryDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    /** Subscriptions whose HELD deliveries are looked at per poll. */
    static final int HELD_PER_POLL = 100;

    /** How the dispatcher is tuned. */
    public record Settings(int workers, int batch, Duration lease, Duration maxRetryAfter) {}

    private final DeliveryStore store;
    private final SubscriptionDirectory directory;
    private final WebhookSender sender;
    private final BackoffSchedule schedule;
    private final Clock clock;
    private final Clock wallClock;
    private final Settings settings;
    private final String worker = "delivery-" + UUID.randomUUID();
    private final ThreadPoolExecutor pool;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final ExecutorService waker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("delivery-wake").daemon().factory());
    private volatile boolean closed;

    /**
     * @param clock the service's clock: due times, leases, attempts
     * @param wallClock the real time, for {@code webhook-timestamp} (partners check it against theirs)
     */
    public DeliveryDispatcher(
            DeliveryStore store,
            SubscriptionDirectory directory,
            WebhookSender sender,
            BackoffSchedule schedule,
            Clock clock,
            Clock wallClock,
            Settings settings) {
        this.store = store;
        this.directory = directory;
        this.sender = sender;
        this.schedule = schedule;
        this.clock = clock;
        this.wallClock = wallClock;
        this.settings = settings;
        this.pool = new ThreadPoolExecutor(
                settings.workers(),
                settings.workers(),
                1,
                TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(settings.workers()),
                Thread.ofPlatform().name("delivery-", 0).daemon().factory());
    }

    /**
     * Polls soon, without waiting for the next scheduled poll (after deliveries were planned or replayed):
     * at most one such poll queued at a time.
     */
    public void wake() {
        if (closed || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            waker.execute(() -> {
                wakeQueued.set(false);
                poll();
            });
        } catch (RejectedExecutionException stopping) {
            wakeQueued.set(false);
        }
    }

    /** One poll: releases what may be released, hands the due deliveries to the workers. */
    public void poll() {
        if (closed) {
            return;
        }
        try {
            Instant now = clock.instant();
            releaseHeld();
            for (Map.Entry<String, List<Delivery>> group :
                    bySubscription(store.due(now, settings.batch())).entrySet()) {
                String subscriptionId = group.getKey();
                if (!busy.add(subscriptionId)) {
                    continue; // a worker of this instance is still on it
                }
                try {
                    pool.execute(() -> sendAll(subscriptionId, group.getValue()));
                } catch (RejectedExecutionException full) {
                    busy.remove(subscriptionId);
                    break; // every worker busy: the next poll goes on
                }
            }
        } catch (RuntimeException failed) {
            if (!closed) {
                log.warn("Delivery poll failed; the next poll retries", failed);
            }
        }
    }

    /**
     * The due deliveries by subscription, each subscription's in number order: an event planned just before
     * a poll that releases held ones must not overtake them (the partner would see a gap).
     */
    static Map<String, List<Delivery>> bySubscription(List<Delivery> due) {
        Map<String, List<Delivery>> bySubscription = new LinkedHashMap<>();
        for (Delivery delivery : due) {
            bySubscription
                    .computeIfAbsent(delivery.subscriptionId(), id -> new ArrayList<>())
                    .add(delivery);
        }
        bySubscription
                .values()
                .forEach(deliveries -> deliveries.sort(
                        Comparator.comparing(Delivery::eventNumber, Comparator.nullsLast(Comparator.naturalOrder()))));
        return bySubscription;
    }

    private void releaseHeld() {
        for (String subscriptionId : store.heldSubscriptions(HELD_PER_POLL)) {
            Optional<Target> target = directory.target(subscriptionId);
            if (target.isEmpty() || target.get().status() == SubscriptionStatus.DISABLED) {
                long cancelled = store.cancelHeld(subscriptionId, cancelReason(target));
                log.info("Cancelled {} held deliveries of subscription {}", cancelled, subscriptionId);
            } else if (sendable(target.get().status())) {
                long released = store.release(subscriptionId);
                log.info("Released {} held deliveries of subscription {}", released, subscriptionId);
            }
        }
    }

    private void sendAll(String subscriptionId, List<Delivery> deliveries) {
        boolean drained = false;
        try {
            for (Delivery due : deliveries) {
                if (closed) {
                    return;
                }
                Optional<Delivery> claimed = store.claim(due.id(), worker, settings.lease(), clock.instant());
                if (claimed.isEmpty()) {
                    continue; // another instance has it, or it changed since the poll
                }
                Delivery delivery = claimed.get();
                // Read again for each delivery: a pause, deletion or disabling during a long group stops the rest.
                Optional<Target> target = directory.target(subscriptionId);
                if (target.isEmpty() || target.get().status() == SubscriptionStatus.DISABLED) {
                    store.settle(delivery.id(), worker, DeliveryStatus.CANCELLED, cancelReason(target));
                    continue;
                }
                if (!sendable(target.get().status())) {
                    store.settle(
                            delivery.id(),
                            worker,
                            DeliveryStatus.HELD,
                            "subscription-" + target.get().status().name().toLowerCase(Locale.ROOT));
                    continue;
                }
                DeliveryOutcome outcome = send(target.get(), delivery);
                if (outcome == null) {
                    return; // stopping: the lease expires and another instance sends it
                }
                if (outcome == DeliveryOutcome.THROTTLED) {
                    return; // the receiver asked us to slow down: the others wait for the next poll
                }
            }
            drained = true;
        } catch (RuntimeException failed) {
            if (!closed) {
                log.warn(
                        "Sending the deliveries of subscription {} failed; the next poll retries",
                        subscriptionId,
                        failed);
            }
        } finally {
            busy.remove(subscriptionId);
        }
        if (drained) {
            wake(); // more may have come due for it meanwhile: no need to wait for the next poll
        }
    }

    /** @return the outcome, or null when the dispatcher stopped during the send (nothing recorded) */
    private DeliveryOutcome send(Target target, Delivery delivery) {
        long number = delivery.eventNumber() != null
                ? delivery.eventNumber()
                : store.number(delivery.id(), directory.nextEventNumber(delivery.subscriptionId()));
        Attempt attempt = sender.send(new Webhook(
                target.callback(),
                delivery.eventId(),
                wallClock.instant(),
                delivery.cloudEvent().getBytes(StandardCharsets.UTF_8),
                target.signingSecrets(),
                Map.of("webhook-event-number", Long.toString(number))));
        if (closed) {
            return null;
        }
        Instant now = clock.instant();
        DeliveryAttempt recorded = new DeliveryAttempt(
                now,
                attempt.statusCode(),
                attempt.latency() == null ? 0 : attempt.latency().toMillis(),
                attempt.outcome(),
                attempt.error());
        int failures = delivery.failures() + 1;
        boolean kept = switch (attempt.outcome()) {
            case DELIVERED ->
                store.recordAttempt(delivery.id(), worker, recorded, DeliveryStatus.DELIVERED, null, 0, now, now);
            case GONE ->
                store.recordAttempt(
                        delivery.id(), worker, recorded, DeliveryStatus.FAILED, "gone", failures, now, null);
            case THROTTLED, FAILED, UNREACHABLE, REFUSED -> retryLater(delivery, recorded, attempt, failures, now);
        };
        if (!kept) {
            log.warn("Lost the lease on delivery {} while sending it; its attempt is not recorded", delivery.id());
        }
        directory.recordOutcome(delivery.subscriptionId(), attempt.outcome(), attempt.error(), now);
        log.debug("Delivery {} attempt: {} {}", delivery.id(), attempt.outcome(), attempt.statusCode());
        return attempt.outcome();
    }

    private boolean retryLater(
            Delivery delivery, DeliveryAttempt recorded, Attempt attempt, int failures, Instant now) {
        Optional<Duration> backoff = schedule.delayAfter(failures);
        if (backoff.isEmpty()) {
            log.info("Delivery {} failed its last attempt; kept as FAILED", delivery.id());
            return store.recordAttempt(
                    delivery.id(), worker, recorded, DeliveryStatus.FAILED, "attempts-exhausted", failures, now, null);
        }
        Duration delay = backoff.get();
        if (attempt.outcome() == DeliveryOutcome.THROTTLED && attempt.retryAfter() != null) {
            delay = attempt.retryAfter().compareTo(settings.maxRetryAfter()) > 0
                    ? settings.maxRetryAfter()
                    : attempt.retryAfter();
        }
        return store.recordAttempt(
                delivery.id(), worker, recorded, DeliveryStatus.PENDING, "retrying", failures, now.plus(delay), null);
    }

    private static boolean sendable(SubscriptionStatus status) {
        return status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.FAILING;
    }

    private static String cancelReason(Optional<Target> target) {
        return target.isEmpty() ? "subscription-deleted" : "subscription-disabled";
    }

    /** Stops at once, as a crash would: sends in flight are not recorded, their leases expire. */
    @Override
    public void close() {
        closed = true;
        waker.shutdownNow();
        pool.shutdownNow();
    }
}
