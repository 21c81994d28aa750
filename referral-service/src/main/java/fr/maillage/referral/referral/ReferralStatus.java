package fr.maillage.referral.referral;

/**
 * Where a referral stands in its closed loop. Issue 4 adds the rest of the loop (declined with a reason,
 * redirected, completed…); the transitions live in {@link Referral}.
 */
public enum ReferralStatus {
    SUBMITTED,
    ACCEPTED,
    IN_PROGRESS
}
