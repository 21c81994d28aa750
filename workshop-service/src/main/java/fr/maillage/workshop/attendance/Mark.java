package fr.maillage.workshop.attendance;

/** What a facilitator records for one participant at one session. */
public enum Mark {
    /** Came. Ends a disengagement episode. */
    PRESENT,
    /** Did not come, with a reason given beforehand: neither counts as an absence nor breaks a run of them. */
    EXCUSED,
    /** Did not come, without a word: counts towards disengagement. */
    ABSENT
}
