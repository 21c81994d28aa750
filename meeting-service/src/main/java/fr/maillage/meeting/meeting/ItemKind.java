package fr.maillage.meeting.meeting;

/** What an agenda item is about. */
public enum ItemKind {
    /** A person's situation (a personRef and where it comes from); needs the person's consent. */
    CASE_REVIEW,
    /** A topic of practice. */
    PRACTICE_EXCHANGE,
    PROJECT_FOLLOW_UP,
    INDICATOR_REVIEW
}
