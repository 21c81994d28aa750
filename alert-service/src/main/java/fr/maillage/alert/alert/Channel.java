package fr.maillage.alert.alert;

/**
 * How an alert reached the platform (DOMAIN §4, the entry points of fiche 5.2). {@link #INTERNAL} is
 * for alerts the platform raises itself (e.g. after a workshop disengagement); it is refused over HTTP.
 */
public enum Channel {
    PLATFORM,
    CMP,
    CRISIS_LINE,
    REGULATION,
    PARTNER_API,
    PHONE,
    INTERNAL
}
