package fr.maillage.referral.person;

/** What a person consented to share their data for. */
public enum ConsentPurpose {
    REFERRAL,
    CARE_TEAM_SHARING,
    CASE_CONFERENCE,
    EVALUATION
}
