package fr.maillage.alert.alert;

import java.time.Instant;

/**
 * How an alert ended.
 *
 * @param feedbackWaiverReason why no feedback was given (the emitter wanted none, or is anonymous)
 */
public record Closure(Outcome outcome, String feedbackWaiverReason, Instant closedAt, String closedBy) {

    Closure anonymised() {
        return new Closure(outcome, null, closedAt, closedBy);
    }
}
