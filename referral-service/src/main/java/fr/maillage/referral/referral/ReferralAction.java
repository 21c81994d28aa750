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
    OVERDUE
}
