package fr.maillage.alert.alert;

/** What was done in answer to an alert. */
public enum ResponseAction {
    CONTACT_MADE,
    HOME_VISIT,
    ON_SITE_INTERVENTION,
    EMERGENCY_SERVICES_CALLED,
    MOBILE_TEAM_SENT,
    CMP_APPOINTMENT_GIVEN,
    ORIENTATION,
    ADVICE_GIVEN,
    NO_CONTACT_POSSIBLE
}
