package fr.maillage.referral.resource;

/** Whether a resource takes new referrals: only an ACTIVE one does. */
public enum ResourceStatus {
    ACTIVE,
    /** Closed for a while (summer, staff shortage); listed, but takes no referral. */
    TEMPORARILY_CLOSED,
    INACTIVE
}
