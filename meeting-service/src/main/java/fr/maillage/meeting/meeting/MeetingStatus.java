package fr.maillage.meeting.meeting;

/** Where a meeting is in its life: SCHEDULED -> HELD (attendance recorded after its start) or CANCELLED. */
public enum MeetingStatus {
    /** Planned; may still be moved or cancelled. */
    SCHEDULED,
    /** It took place: its attendance was recorded once it had started. */
    HELD,
    /** It will not take place. */
    CANCELLED
}
