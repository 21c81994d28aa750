package fr.maillage.alert.alert;

import java.time.Instant;

/**
 * One step of an alert's record: what happened, the status after it, who did it and a short code
 * (an urgency, a team id, a level, an outcome; never free text).
 *
 * @param actor the {@code sub} of who acted; null when the platform did (escalation, erasure, follow-up)
 */
public record HistoryEntry(Instant at, String action, AlertStatus status, String actor, String detail) {}
