package fr.maillage.alert.routing;

import java.time.Duration;
import java.util.Objects;

/** A response-time target: a duration on the clock, or a number of working days. */
public sealed interface ResponseTarget {

    /** Runs 24/7 (the regulation team answers at night): due {@code duration} after the raising. */
    record OnTheClock(Duration duration) implements ResponseTarget {
        public OnTheClock {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("a target duration must be positive, got " + duration);
            }
        }
    }

    /** Counts working days of the territory's business hours (no weekend, no public holiday). */
    record WorkingDays(int days) implements ResponseTarget {
        public WorkingDays {
            if (days < 1) {
                throw new IllegalArgumentException("working-days must be at least 1, got " + days);
            }
        }
    }

    static ResponseTarget onTheClock(Duration duration) {
        return new OnTheClock(duration);
    }

    static ResponseTarget workingDays(int days) {
        return new WorkingDays(days);
    }
}
