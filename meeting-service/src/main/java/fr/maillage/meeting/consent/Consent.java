package fr.maillage.meeting.consent;

import java.util.Set;

/**
 * One consent of a person as referral-service told it: what it is for, and whether it was withdrawn.
 *
 * @param purpose REFERRAL, CARE_TEAM_SHARING, CASE_CONFERENCE or EVALUATION (kept as told, so a purpose
 *     added upstream later is stored, not refused)
 */
public record Consent(String purpose, boolean withdrawn) {

    /** The purposes that allow discussing the person with their care team. */
    static final Set<String> CASE_REVIEW_PURPOSES = Set.of("CARE_TEAM_SHARING", "CASE_CONFERENCE");

    public boolean coversCaseReview() {
        return !withdrawn && CASE_REVIEW_PURPOSES.contains(purpose);
    }
}
