package fr.maillage.referral.referral;

import fr.maillage.referral.resource.ResourceType;
import java.time.Instant;

/** What happens to a referral; {@code ReferralMessages} decides which of these are published, and how. */
public sealed interface ReferralEvent {

    String referralId();

    /**
     * What every published referral event says about the referral: ids and codes only, never an identity
     * or free text.
     */
    record Facts(
            String referralId,
            String personRef,
            String resourceId,
            ResourceType resourceType,
            String resourceInstitution,
            String territory,
            Priority priority,
            String referrerInstitution) {}

    /** An event that carries the referral's {@link Facts}. */
    sealed interface Published extends ReferralEvent {

        Facts facts();

        @Override
        default String referralId() {
            return facts().referralId();
        }
    }

    /** @param redirectedFrom the referral this one continues, when it came from a redirection */
    record ReferralSubmitted(Facts facts, Instant answerDueBy, String redirectedFrom, Instant submittedAt)
            implements Published {}

    record ReferralAccepted(Facts facts, Instant acceptedAt) implements Published {}

    record ReferralDeclined(Facts facts, DeclineReason reason, Instant declinedAt) implements Published {}

    record ReferralRedirected(
            Facts facts, String toReferralId, String toResourceId, DeclineReason reason, Instant redirectedAt)
            implements Published {}

    /** @param firstContactAt when the contact happened, {@code recordedAt} when it was recorded */
    record FirstContactMade(Facts facts, Instant firstContactAt, Instant recordedAt) implements Published {}

    record ReferralCompleted(Facts facts, Instant completedAt) implements Published {}

    record ReferralCancelled(Facts facts, Instant cancelledAt) implements Published {}

    /** Still SUBMITTED past its answer target; raised once per referral. */
    record ReferralOverdue(Facts facts, Instant answerDueBy, Instant overdueAt) implements Published {}

    record ReferralEnrolled(String referralId, String sourceEventId, Instant at) implements ReferralEvent {}

    record ReferralWaitlisted(String referralId, String sourceEventId, Integer position, Instant at)
            implements ReferralEvent {}

    /** A workshop reported a step of the person's participation (one of {@code Referral.PARTICIPATION}). */
    record ParticipationRecorded(String referralId, String sourceEventId, ReferralAction step, Instant at)
            implements ReferralEvent {}
}
