package fr.maillage.subscription.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: after the n-th failed attempt in a row, the n-th step, each
 * spread by ± {@code jitter} (so that many deliveries failing together do not come back together);
 * after the last step, no more attempts (the delivery is FAILED and kept).
 */
public final class BackoffSchedule {

    /** About 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h: ten attempts over about three days. */
    public static final List<Duration> DEFAULT_STEPS = List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(14),
            Duration.ofHours(20),
            Duration.ofHours(24));

    private final List<Duration> steps;
    private final double jitter;
    private final DoubleSupplier random;

    /**
     * @param jitter a fraction in [0, 1): 0.2 spreads each step over ±20 %
     * @param random uniform in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble}
     */
    public BackoffSchedule(List<Duration> steps, double jitter, DoubleSupplier random) {
        this.steps = List.copyOf(steps);
        if (this.steps.stream().anyMatch(step -> step.isNegative() || step.isZero())) {
            throw new IllegalArgumentException("back-off steps must be positive");
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        this.jitter = jitter;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** How many retries there are after the first attempt. */
    public int steps() {
        return steps.size();
    }

    /**
     * @param failedInARow the attempts that failed in a row so far (1 after the first failure)
     * @return the delay before the next attempt; empty when the schedule is over
     */
    public Optional<Duration> delayAfter(int failedInARow) {
        if (failedInARow < 1 || failedInARow > steps.size()) {
            return Optional.empty();
        }
        long base = steps.get(failedInARow - 1).toMillis();
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Optional.of(Duration.ofMillis(Math.max(1, Math.round(base * factor))));
    }
}
