package fr.maillage.referral.referral;

import java.time.Instant;

/**
 * One step of a referral's history, as the referrer sees it.
 *
 * @param actor the {@code sub} of the person who acted, when a person did
 * @param sourceEventId the id of the event that caused the step, when another service did (also what
 *     makes applying that event twice a no-op)
 */
public record HistoryEntry(
        Instant at, ReferralStatus status, BusinessStatus businessStatus, String actor, String sourceEventId) {}
