package fr.maillage.referral.person;

/** Why someone is in a person's care team. */
public enum CareTeamRole {
    /** Sent a referral for the person. */
    REFERRER,
    /** The institution a referral was addressed to (institution-level member). */
    TARGET_INSTITUTION,
    /** Facilitates a workshop group the person is enrolled in. */
    FACILITATOR,
    /** Took part in a meeting about the person (issue 6). */
    MEETING_PARTICIPANT,
    /** Registered the person in the registry. */
    RECORDED_BY
}
