package fr.maillage.meeting.meeting;

/** The four kinds of meetings of the MSP project (DOMAIN §3). */
public enum MeetingKind {
    /** Monthly exchange on practices and on difficult situations. */
    PRACTICE_GROUP,
    /** A concertation around one person (RCP). */
    CASE_CONFERENCE,
    /** The quarterly steering committee (COPIL). */
    STEERING_COMMITTEE,
    /** Continuous training and supervision. */
    SUPERVISION
}
