package fr.maillage.referral.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long the receiving side has to answer a referral, by priority (an URGENT one 48 h, a ROUTINE one 7
 * days unless configured otherwise). Past it, a still SUBMITTED referral is overdue.
 */
public record AnswerTargets(Map<Priority, Duration> targets) {

    public static final Map<Priority, Duration> DEFAULTS =
            Map.of(Priority.URGENT, Duration.ofHours(48), Priority.ROUTINE, Duration.ofDays(7));

    public AnswerTargets {
        EnumMap<Priority, Duration> complete = new EnumMap<>(Priority.class);
        complete.putAll(DEFAULTS);
        if (targets != null) {
            complete.putAll(targets);
        }
        complete.forEach((priority, target) -> {
            if (target == null || target.isNegative() || target.isZero()) {
                throw new IllegalArgumentException("The answer target of " + priority + " must be positive");
            }
        });
        targets = Map.copyOf(complete);
    }

    public Instant dueBy(Priority priority, Instant submittedAt) {
        return submittedAt.plus(targets.get(priority));
    }
}
