package fr.maillage.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the claims Keycloak puts in a {@code maillage} access token. Pure functions over the claim
 * map, so the mapping is unit-tested without a token.
 */
public final class KeycloakClaims {

    public static final String REALM_ACCESS = "realm_access";
    public static final String INSTITUTION = "institution";
    public static final String TERRITORIES = "territories";
    public static final String PROFESSION = "profession";
    public static final String PREFERRED_USERNAME = "preferred_username";
    public static final String AUTHORIZED_PARTY = "azp";

    // A multi-valued attribute may arrive as one string when a mapper is not set to multivalued.
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    private KeycloakClaims() {}

    /** Every realm role in {@code realm_access.roles}, including Keycloak's own (e.g. {@code offline_access}). */
    public static Set<String> realmRoles(Map<String, Object> claims) {
        if (claims.get(REALM_ACCESS) instanceof Map<?, ?> realmAccess) {
            return strings(realmAccess.get("roles"));
        }
        return Set.of();
    }

    /** The known platform roles among the realm roles. */
    public static Set<Role> roles(Map<String, Object> claims) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String value : realmRoles(claims)) {
            Role.fromClaim(value).ifPresent(roles::add);
        }
        return Collections.unmodifiableSet(roles);
    }

    /** A multi-valued claim as a set: a JSON array, or a string of space/comma separated values. */
    public static Set<String> strings(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> collection) {
            for (Object item : collection) {
                if (item != null) {
                    values.addAll(List.of(SEPARATORS.split(item.toString().trim())));
                }
            }
        } else if (claim instanceof Object[] array) {
            return strings(List.of(array));
        } else if (claim != null) {
            values.addAll(List.of(SEPARATORS.split(claim.toString().trim())));
        }
        Set<String> result = new LinkedHashSet<>();
        for (String value : values) {
            if (!value.isBlank()) {
                result.add(value);
            }
        }
        return Collections.unmodifiableSet(result);
    }

    /** A single-valued claim as a string; the first value when Keycloak sends an array; null when absent. */
    public static String string(Object claim) {
        if (claim instanceof Collection<?> collection) {
            return collection.stream()
                    .filter(item -> item != null && !item.toString().isBlank())
                    .map(Object::toString)
                    .findFirst()
                    .orElse(null);
        }
        if (claim == null || claim.toString().isBlank()) {
            return null;
        }
        return claim.toString();
    }

    /** The caller described by a token's claims. */
    public static CurrentUser currentUser(Map<String, Object> claims) {
        return new CurrentUser(
                string(claims.get("sub")),
                string(claims.get(PREFERRED_USERNAME)),
                roles(claims),
                string(claims.get(INSTITUTION)),
                strings(claims.get(TERRITORIES)),
                string(claims.get(PROFESSION)),
                string(claims.get(AUTHORIZED_PARTY)));
    }
}
