package fr.maillage.referral.referral;

import java.time.Instant;

/**
 * One dated step of a referral's history, as the referrer sees it.
 *
 * @param status and {@code businessStatus}: where the referral stood after the step
 * @param actor the {@code sub} of who acted, when a person or a partner system did
 * @param actorName their {@code preferred_username}, for humans reading the history
 * @param actorInstitution their institution
 * @param reasonCode why (a {@link DeclineReason} for a decline or a redirection; the workshop's code for a
 *     withdrawal or a cancelled group)
 * @param comment the free text that came with the step (decline comment, cancellation reason, outcome);
 *     never published in an event
 * @param linkedReferralId the referral this one was redirected to (on REDIRECTED) or from (on SUBMITTED)
 * @param sourceEventId the id of the event that caused the step, when another service did (also what
 *     makes applying that event twice a no-op)
 */
public record HistoryEntry(
        Instant at,
        ReferralAction action,
        ReferralStatus status,
        BusinessStatus businessStatus,
        String actor,
        String actorName,
        String actorInstitution,
        String reasonCode,
        String comment,
        String linkedReferralId,
        String sourceEventId) {

    static HistoryEntry by(
            Actor actor, Instant at, ReferralAction action, ReferralStatus status, BusinessStatus businessStatus) {
        return new HistoryEntry(
                at,
                action,
                status,
                businessStatus,
                actor.id(),
                actor.username(),
                actor.institution(),
                null,
                null,
                null,
                null);
    }

    static HistoryEntry fromEvent(
            String sourceEventId,
            Instant at,
            ReferralAction action,
            ReferralStatus status,
            BusinessStatus businessStatus) {
        return new HistoryEntry(at, action, status, businessStatus, null, null, null, null, null, null, sourceEventId);
    }

    HistoryEntry withReason(String reasonCode, String comment) {
        return new HistoryEntry(
                at,
                action,
                status,
                businessStatus,
                actor,
                actorName,
                actorInstitution,
                reasonCode,
                comment,
                linkedReferralId,
                sourceEventId);
    }

    HistoryEntry linkedTo(String referralId) {
        return new HistoryEntry(
                at,
                action,
                status,
                businessStatus,
                actor,
                actorName,
                actorInstitution,
                reasonCode,
                comment,
                referralId,
                sourceEventId);
    }
}
