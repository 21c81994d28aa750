package fr.maillage.workshop.group;

/** Where a group is in its life; sessions and closure come with the next issue. */
public enum GroupStatus {
    /** Takes enrolments. */
    OPEN
}
