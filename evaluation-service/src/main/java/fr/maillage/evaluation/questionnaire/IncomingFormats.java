package fr.maillage.evaluation.questionnaire;

/**
 * Formats required of other services' ids before they are stored (as their producers' schemas publish them),
 * and of the ids a request gives: anything else is invalid data (the dead-letter topic; a 400 problem).
 */
final class IncomingFormats {

    /** A lower-case UUID: personRef, enrolmentId, groupId, referralId, dueId. */
    static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    /** A territory or an institution id. */
    static final String CODE = "^[a-z0-9][a-z0-9-]{0,63}$";

    private IncomingFormats() {}
}
