package fr.maillage.referral.referral;

/**
 * Where a referral stands in its closed loop, as a FHIR Task (Gravity referral IG): requested as
 * SUBMITTED, then ACCEPTED, IN_PROGRESS and COMPLETED, or ended early as DECLINED, REDIRECTED (to a
 * new linked referral) or CANCELLED. The transitions live in {@link Referral}.
 */
public enum ReferralStatus {
    SUBMITTED,
    ACCEPTED,
    DECLINED,
    REDIRECTED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED;

    /** Nothing happens to a referral any more once it is here. */
    public boolean isTerminal() {
        return this == DECLINED || this == REDIRECTED || this == COMPLETED || this == CANCELLED;
    }
}
