package fr.maillage.gateway.limits;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously at {@code rate}
 * tokens per second; a request takes one. Times are {@link System#nanoTime()} values.
 */
final class TokenBucket {

    /** Outcome of one request: allowed or not, tokens left, and seconds until one is back. */
    record Decision(boolean allowed, long remaining, long retryAfterSeconds) {}

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long refilledAt;

    TokenBucket(double capacity, double tokensPerSecond, long now) {
        this.capacity = capacity;
        this.tokensPerNano = tokensPerSecond / 1e9;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    synchronized Decision tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return new Decision(true, (long) Math.floor(tokens), 0);
        }
        long nanosToOneToken = (long) Math.ceil((1 - tokens) / tokensPerNano);
        long seconds = Math.max(1, (long) Math.ceil(nanosToOneToken / 1e9));
        return new Decision(false, 0, seconds);
    }

    /** A full bucket behaves like a new one, so it can be forgotten. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            refilledAt = now;
        }
    }
}
