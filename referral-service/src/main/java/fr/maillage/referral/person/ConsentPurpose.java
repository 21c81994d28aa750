package fr.maillage.referral.person;

// PLACEHOLDER (issue 4 merge): contract §2, owned by the registry helper.
/** What a person consented to share their data for. */
public enum ConsentPurpose {
    REFERRAL,
    CARE_TEAM_SHARING,
    CASE_CONFERENCE,
    EVALUATION
}
