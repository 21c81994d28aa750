package fr.maillage.alert.alert;

import java.util.Set;

/**
 * Who is asking, as far as the alert rules care (taken from the token by the HTTP adapter).
 *
 * @param id the token's {@code sub}
 * @param institution the caller's institution, null when the token names none
 */
public record Caller(
        String id,
        String institution,
        Set<String> territories,
        boolean coordinator,
        boolean clinician,
        boolean partner) {

    public Caller {
        territories = territories == null ? Set.of() : Set.copyOf(territories);
    }

    public boolean covers(String territory) {
        return territory != null && territories.contains(territory);
    }

    /** Coordinators and clinicians work the triage queue; nobody else does. */
    public boolean isStaff() {
        return coordinator || clinician;
    }
}
