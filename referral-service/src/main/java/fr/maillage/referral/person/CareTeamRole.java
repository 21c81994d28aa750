package fr.maillage.referral.person;

// PLACEHOLDER (issue 4 merge): contract §2, owned by the registry helper.
/** Why someone is in a person's care team. */
public enum CareTeamRole {
    REFERRER,
    TARGET_INSTITUTION,
    FACILITATOR,
    MEETING_PARTICIPANT,
    RECORDED_BY
}
