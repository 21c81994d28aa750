package fr.maillage.referral.referral;

import java.util.Set;

/**
 * Who is asking, as far as referral rules care: taken from the token by the HTTP adapter.
 *
 * @param id the token's {@code sub}
 */
public record Actor(
        String id, String institution, Set<String> territories, boolean admin, boolean coordinator, boolean partner) {

    public Actor {
        territories = territories == null ? Set.of() : Set.copyOf(territories);
    }

    boolean coordinates(String territory) {
        return coordinator && territories.contains(territory);
    }
}
