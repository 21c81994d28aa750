package fr.maillage.workshop.group;

/** Where a group is in its life: PLANNED -> OPEN -> RUNNING -> COMPLETED, or CANCELLED. */
public enum GroupStatus {
    /** Scheduled, not yet taking enrolments. */
    PLANNED,
    /** Takes enrolments until its first session. */
    OPEN,
    /** Its first session started with enough participants. */
    RUNNING,
    /** Its last session ended; each participant is COMPLETED or NOT_COMPLETED. */
    COMPLETED,
    /** Cancelled by a coordinator, or at its start for want of participants. */
    CANCELLED;

    /** Not over yet: its sessions still occupy facilitators and rooms. */
    public boolean isLive() {
        return this == PLANNED || this == OPEN || this == RUNNING;
    }
}
