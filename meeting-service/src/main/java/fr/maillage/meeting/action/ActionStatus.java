package fr.maillage.meeting.action;

/** Where an action item stands: OPEN -> DONE, or OPEN -> CANCELLED; both ends are final. */
public enum ActionStatus {
    /** To be done by its owner; may become overdue. */
    OPEN,
    /** Done (on time or late). */
    DONE,
    /** Called off by a coordinator. */
    CANCELLED
}
