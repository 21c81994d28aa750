package fr.maillage.alert.alert;

/** Who raised an alert. */
public enum EmitterKind {
    PROFESSIONAL,
    FAMILY,
    PERSON_CONCERNED,
    PARTNER_INSTITUTION,
    EMERGENCY_SERVICE
}
