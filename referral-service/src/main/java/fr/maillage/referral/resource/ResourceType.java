package fr.maillage.referral.resource;

/** What kind of place or programme a resource is (DOMAIN §1). */
public enum ResourceType {
    CMP,
    CATTP,
    HDJ,
    GEM,
    WORKSHOP_PROGRAMME,
    PEER_SUPPORT,
    CASE_MANAGEMENT,
    PSYCHOSOCIAL_REHABILITATION,
    EARLY_INTERVENTION,
    HOUSING_SUPPORT,
    EMPLOYMENT_SUPPORT,
    FAMILY_PROGRAMME,
    MOBILE_CRISIS_TEAM,
    OTHER
}
