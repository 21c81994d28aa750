package fr.maillage.platform.security;

import java.util.Arrays;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated caller, read from the Keycloak access token. Controller methods take it as a
 * parameter; other code may call {@link #current()}.
 *
 * @param id the token's {@code sub} (a stable UUID; the same in every service)
 * @param username {@code preferred_username} ({@code service-account-<client>} for partner systems)
 * @param roles the platform realm roles
 * @param institution the caller's institution id (e.g. {@code cpts-bievre}); null if none
 * @param territories the territories the caller works on (e.g. {@code bievre})
 * @param profession e.g. {@code nurse}; null for partner systems
 * @param clientId {@code azp}: the OAuth client the token was issued to
 */
public record CurrentUser(
        String id,
        String username,
        Set<Role> roles,
        String institution,
        Set<String> territories,
        String profession,
        String clientId) {

    public CurrentUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        territories = territories == null ? Set.of() : Set.copyOf(territories);
    }

    /** The caller of the current request; throws (answered as 401) when the request carries no token. */
    public static CurrentUser current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The caller described by an authentication made from a JWT. */
    public static CurrentUser from(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            return from(token.getToken());
        }
        throw new AuthenticationCredentialsNotFoundException("No bearer token in this request");
    }

    /** The caller described by a decoded token. */
    public static CurrentUser from(Jwt jwt) {
        return KeycloakClaims.currentUser(jwt.getClaims());
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... candidates) {
        return Arrays.stream(candidates).anyMatch(roles::contains);
    }

    /** A partner institution's system (client credentials), not a member of staff. */
    public boolean isPartner() {
        return roles.contains(Role.PARTNER);
    }

    public boolean coversTerritory(String territory) {
        return territory != null && territories.contains(territory);
    }
}
