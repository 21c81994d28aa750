package fr.maillage.alert.alert;

/**
 * The kind of answer activated at qualification (DOMAIN §4: the answer may be psychiatric or
 * something else). {@link #ON_SITE_INTERVENTION} carries the 24–72 h on-site rule for medico-social
 * institutions (PTSM 69 fiche 5.1, objective 3/4).
 */
public enum ResponseLevel {
    EMERGENCY_SERVICES,
    MOBILE_CRISIS_TEAM,
    ON_SITE_INTERVENTION,
    CMP_APPOINTMENT,
    PLATFORM_ORIENTATION,
    PSYCHOLOGICAL_SUPPORT,
    SOCIAL_SUPPORT,
    ADVICE
}
