package fr.maillage.workshop.group;

/** A person's place in a group, from enrolment to the end of the workshop. */
public enum EnrolmentStatus {
    /** Holds one of the group's places. */
    CONFIRMED,
    /** Waits for a place, in the order of the {@link WaitlistPolicy}. */
    WAITLISTED,
    /** Left the group (or the waiting list) before its end; their place went to the next waiting. */
    WITHDRAWN,
    /** Came to at least the required share of the group sessions ({@link CompletionPolicy}). */
    COMPLETED,
    /** Took part to the end but came to fewer sessions than required. */
    NOT_COMPLETED
}
