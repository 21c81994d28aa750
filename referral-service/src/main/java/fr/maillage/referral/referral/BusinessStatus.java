package fr.maillage.referral.referral;

/** The step inside a referral's status (FHIR Task {@code businessStatus}): what the resource did last. */
public enum BusinessStatus {
    /** The referral reached the receiving side's inbox (set at submission). */
    RECEIVED,
    /** Accepted, but the person waits for a place. */
    WAITLISTED,
    /** The resource has a place for the person (a workshop group confirmed them). */
    ENROLLED,
    /** The resource met or reached the person for the first time. */
    FIRST_CONTACT_MADE,
    /** The person missed a session (reported by the resource; no producer yet). */
    SESSION_UNATTENDED,
    /** The person stopped coming (reported by the resource; no producer yet). */
    DISENGAGED
}
