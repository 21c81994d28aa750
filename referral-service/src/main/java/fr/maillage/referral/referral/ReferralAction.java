package fr.maillage.referral.referral;

/** What one step of a referral's history records. */
public enum ReferralAction {
    SUBMITTED,
    ACCEPTED,
    DECLINED,
    REDIRECTED,
    WAITLISTED,
    ENROLLED,
    FIRST_CONTACT_MADE,
    COMPLETED,
    CANCELLED,
    /** No answer by the answer target: raised once by the watcher. */
    OVERDUE,
    /** The person missed workshop sessions in a row (workshop-service's participant-disengaged). */
    SESSION_UNATTENDED,
    /** The person left their workshop group before its end (participant-withdrew; reason code kept). */
    WORKSHOP_WITHDRAWN,
    /** The person's workshop group was cancelled (group-cancelled; reason code kept). */
    GROUP_CANCELLED,
    /** The person attended enough of the group's sessions to complete the workshop (participant-completed). */
    WORKSHOP_COMPLETED
}
