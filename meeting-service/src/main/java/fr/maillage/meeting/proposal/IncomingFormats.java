package fr.maillage.meeting.proposal;

/**
 * Formats the listeners require of other services' ids before they go into cause keys and documents (as
 * their producers' schemas publish them): anything else is invalid data and goes to the dead-letter topic.
 */
final class IncomingFormats {

    /** A lower-case UUID: personRef, alertId, groupId, referralId, consentId. */
    static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    static final String TERRITORY = "^[a-z0-9][a-z0-9-]{0,63}$";

    /** A consent purpose, as referral-service names it (a new purpose is kept, not refused). */
    static final String PURPOSE = "^[A-Z][A-Z_]{0,63}$";

    /** A year's quarter, e.g. {@code 2026-Q4}. */
    static final String QUARTER = "^\\d{4}-Q[1-4]$";

    /** An id we only store and compare (evaluation-service's report ids). */
    static final String OPAQUE_ID = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$";

    private IncomingFormats() {}
}
