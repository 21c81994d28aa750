package fr.maillage.gateway.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * The RequestRateLimiter's limiter without Redis: one token bucket per key (client + user), kept
 * in this JVM. The limit is therefore per gateway instance: with N instances behind a load
 * balancer a client gets up to N times the rate. Keys come from validated tokens only, so their
 * number is bounded by the real clients; full buckets are dropped once a minute.
 */
public class InMemoryRateLimiter implements RateLimiter<LimitProperties> {

    /** Tokens left in the caller's bucket, sent on every routed answer. */
    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private static final long SWEEP_EVERY = TimeUnit.MINUTES.toNanos(1);

    private final LimitProperties limits;
    private final LongSupplier clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private volatile long sweptAt;

    public InMemoryRateLimiter(LimitProperties limits) {
        this(limits, System::nanoTime);
    }

    InMemoryRateLimiter(LimitProperties limits, LongSupplier clock) {
        this.limits = limits;
        this.clock = clock;
        this.sweptAt = clock.getAsLong();
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String key) {
        return Mono.fromSupplier(() -> decide(key));
    }

    Response decide(String key) {
        long now = clock.getAsLong();
        sweepIfDue(now);
        TokenBucket bucket =
                buckets.computeIfAbsent(key, k -> new TokenBucket(limits.burstCapacity(), limits.replenishRate(), now));
        TokenBucket.Decision decision = bucket.tryTake(now);
        if (decision.allowed()) {
            return new Response(true, Map.of(REMAINING_HEADER, Long.toString(decision.remaining())));
        }
        return new Response(
                false,
                Map.of(REMAINING_HEADER, "0", HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds())));
    }

    int size() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        if (now - sweptAt >= SWEEP_EVERY) {
            sweptAt = now;
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
    }

    // The limits are global (maillage.gateway.limits), not per route.
    @Override
    public Map<String, LimitProperties> getConfig() {
        return Map.of();
    }

    @Override
    public Class<LimitProperties> getConfigClass() {
        return LimitProperties.class;
    }

    @Override
    public LimitProperties newConfig() {
        return limits;
    }
}
