package fr.maillage.referral.referral;

/**
 * The step inside a referral's status (FHIR Task {@code businessStatus}): what the resource did last. It
 * never closes a referral by itself: {@link ReferralStatus} is the lifecycle the referrer and the receiving
 * side own, this is the detail the resource reports on the way.
 */
public enum BusinessStatus {
    /** The referral reached the receiving side's inbox (set at submission). */
    RECEIVED,
    /** Accepted, but the person waits for a place. */
    WAITLISTED,
    /** The resource has a place for the person (a workshop group confirmed them). */
    ENROLLED,
    /** The resource met or reached the person for the first time. */
    FIRST_CONTACT_MADE,
    /**
     * The person missed sessions in a row: workshop-service's {@code participant-disengaged.v1} (its
     * disengagement policy, two consecutive unexcused absences by default). Stays until the resource reports
     * the next step; coming back ends the episode there, but is not reported here.
     */
    SESSION_UNATTENDED,
    /** The person stopped coming (reported by the resource; no producer yet). */
    DISENGAGED,
    /** The person left their workshop group before its end; the referral stays open for what comes next. */
    WORKSHOP_WITHDRAWN,
    /** The person's workshop group was cancelled (e.g. too few participants); the referral stays open. */
    GROUP_CANCELLED,
    /** The person completed the workshop; the receiving side completes the referral with its outcome. */
    WORKSHOP_COMPLETED
}
