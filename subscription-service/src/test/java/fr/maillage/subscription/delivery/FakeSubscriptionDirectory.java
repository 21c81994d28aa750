package fr.maillage.subscription.delivery;

import fr.maillage.subscription.outbound.DeliveryOutcome;
import fr.maillage.subscription.subscription.SubscriptionDirectory;
import fr.maillage.subscription.subscription.SubscriptionStatus;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory {@link SubscriptionDirectory} for delivery tests (the real one is the subscriptions
 * package's): one instance per JVM, so a second Spring context sees the same subscriptions.
 */
final class FakeSubscriptionDirectory implements SubscriptionDirectory {

    static final FakeSubscriptionDirectory INSTANCE = new FakeSubscriptionDirectory();

    record Outcome(String subscriptionId, DeliveryOutcome outcome, String error, Instant at) {}

    private record Entry(Target target, List<String> patterns) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> numbers = new ConcurrentHashMap<>();
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();

    private FakeSubscriptionDirectory() {}

    /** An ACTIVE subscription of {@code institution} to these patterns (exact, {@code prefix.*} or {@code *}). */
    String subscribe(String institution, URI callback, List<String> secrets, String... patterns) {
        String id = UUID.randomUUID().toString();
        entries.put(
                id,
                new Entry(
                        new Target(id, institution, callback, secrets, SubscriptionStatus.ACTIVE), List.of(patterns)));
        return id;
    }

    void status(String id, SubscriptionStatus status) {
        entries.computeIfPresent(id, (key, entry) -> new Entry(withStatus(entry.target(), status), entry.patterns()));
    }

    void delete(String id) {
        entries.remove(id);
    }

    void deleteAll() {
        entries.clear();
    }

    List<Outcome> outcomes(String id) {
        return outcomes.stream()
                .filter(outcome -> outcome.subscriptionId().equals(id))
                .toList();
    }

    @Override
    public List<Target> matching(String type, Set<String> audience) {
        return entries.values().stream()
                .filter(entry -> entry.target().status() != SubscriptionStatus.REQUESTED
                        && entry.target().status() != SubscriptionStatus.DISABLED)
                .filter(entry -> audience.contains(entry.target().institution()))
                .filter(entry -> entry.patterns().stream().anyMatch(pattern -> matches(pattern, type)))
                .map(Entry::target)
                .toList();
    }

    @Override
    public Optional<Target> target(String subscriptionId) {
        return Optional.ofNullable(entries.get(subscriptionId)).map(Entry::target);
    }

    @Override
    public long nextEventNumber(String subscriptionId) {
        return numbers.computeIfAbsent(subscriptionId, id -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void recordOutcome(String subscriptionId, DeliveryOutcome outcome, String error, Instant at) {
        outcomes.add(new Outcome(subscriptionId, outcome, error, at));
        if (outcome == DeliveryOutcome.GONE) {
            status(subscriptionId, SubscriptionStatus.DISABLED);
        }
    }

    private static boolean matches(String pattern, String type) {
        return pattern.equals("*")
                || pattern.equals(type)
                || (pattern.endsWith(".*") && type.startsWith(pattern.substring(0, pattern.length() - 1)));
    }

    private static Target withStatus(Target target, SubscriptionStatus status) {
        return new Target(
                target.subscriptionId(), target.institution(), target.callback(), target.signingSecrets(), status);
    }
}
