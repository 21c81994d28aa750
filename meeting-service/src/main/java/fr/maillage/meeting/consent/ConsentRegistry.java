package fr.maillage.meeting.consent;

/** Whether a person may be discussed by name-less reference in a case review. */
public interface ConsentRegistry {

    /** True when a consent for CARE_TEAM_SHARING or CASE_CONFERENCE is recorded and not withdrawn. */
    boolean coversCaseReview(String personRef);
}
