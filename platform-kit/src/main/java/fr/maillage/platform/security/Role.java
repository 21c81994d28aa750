package fr.maillage.platform.security;

import java.util.Locale;
import java.util.Optional;

/** The realm roles of the {@code maillage} Keycloak realm (DESIGN §6). */
public enum Role {
    COORDINATOR,
    CLINICIAN,
    FACILITATOR,
    STEERING,
    PARTNER,
    ADMIN;

    /** The role as it appears in the token's {@code realm_access.roles}, e.g. {@code coordinator}. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority, e.g. {@code ROLE_coordinator} (so {@code hasRole('coordinator')} works). */
    public String authority() {
        return "ROLE_" + claimValue();
    }

    /** The role named by a realm-role claim value; empty for Keycloak's own roles such as {@code offline_access}. */
    public static Optional<Role> fromClaim(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.claimValue().equalsIgnoreCase(value.trim())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
