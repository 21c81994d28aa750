package fr.maillage.referral.referral;

import java.util.Set;

/**
 * Who is acting, as far as referral rules care: taken from the token by the HTTP adapter.
 *
 * @param id the token's {@code sub}
 * @param username {@code preferred_username}, kept in the history for humans
 */
public record Actor(
        String id,
        String username,
        String institution,
        Set<String> territories,
        boolean admin,
        boolean coordinator,
        boolean clinician,
        boolean partner) {

    public Actor {
        territories = territories == null ? Set.of() : Set.copyOf(territories);
    }

    boolean coordinates(String territory) {
        return coordinator && territory != null && territories.contains(territory);
    }

    boolean worksAt(String otherInstitution) {
        return institution != null && institution.equals(otherInstitution);
    }
}
