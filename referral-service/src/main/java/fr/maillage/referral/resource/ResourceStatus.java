package fr.maillage.referral.resource;

/** Whether a resource takes new referrals. */
public enum ResourceStatus {
    ACTIVE,
    INACTIVE
}
