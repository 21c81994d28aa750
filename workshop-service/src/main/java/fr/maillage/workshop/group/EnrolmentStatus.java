package fr.maillage.workshop.group;

/** A person's place in a group. */
public enum EnrolmentStatus {
    /** Holds one of the group's places. */
    CONFIRMED,
    /** Waits for a place, in the order of the {@link WaitlistPolicy}. */
    WAITLISTED
}
