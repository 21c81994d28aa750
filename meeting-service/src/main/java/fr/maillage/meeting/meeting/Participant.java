package fr.maillage.meeting.meeting;

/**
 * Someone invited to a meeting, with the profession and institution they come with: the professions
 * make the quorum, the institutions are told of the meeting's events.
 *
 * @param userId the user's id (the token's {@code sub})
 * @param profession e.g. {@code general-practitioner}, {@code nurse}
 * @param institution e.g. {@code msp-bievre}
 */
public record Participant(String userId, String profession, String institution) {

    /** The profession as the quorum counts it: trimmed, lower case. */
    public String professionKey() {
        return Quorum.key(profession);
    }
}
