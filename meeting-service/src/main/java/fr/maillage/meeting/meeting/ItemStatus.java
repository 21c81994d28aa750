package fr.maillage.meeting.meeting;

/** Whether an agenda item will be discussed: automatic items wait for a coordinator's choice. */
public enum ItemStatus {
    /** Put on the agenda by the automatic agenda; the coordinator keeps or drops it. */
    PROPOSED,
    /** On the agenda (items a coordinator adds are kept at once). */
    KEPT,
    /** Taken off by the coordinator. */
    DROPPED
}
