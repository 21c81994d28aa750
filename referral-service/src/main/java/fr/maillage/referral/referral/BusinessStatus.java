package fr.maillage.referral.referral;

/** What the receiving resource reports about the person, on top of the referral's status. */
public enum BusinessStatus {
    /** The resource has a place for the person (a workshop group confirmed them). */
    ENROLLED,
    /** Accepted, but the person waits for a place. */
    WAITLISTED
}
