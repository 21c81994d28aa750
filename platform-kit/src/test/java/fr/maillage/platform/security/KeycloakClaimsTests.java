package fr.maillage.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class KeycloakClaimsTests {

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300));
        claims.forEach(builder::claim);
        return builder.build();
    }

    private static Map<String, Object> psyDurand() {
        return Map.of(
                "sub", "6f1c1a3e-0001-4000-8000-000000000004",
                "preferred_username", "psy-durand",
                "azp", "maillage-console",
                "realm_access", Map.of("roles", List.of("facilitator", "clinician", "offline_access")),
                "institution", "lieu-dit",
                "territories", List.of("bievre"),
                "profession", "clinical-psychologist",
                "scope", "openid profile");
    }

    @Test
    void currentUserCarriesEveryClaimOfAKeycloakToken() {
        CurrentUser user = CurrentUser.from(jwt(psyDurand()));

        assertThat(user.id()).isEqualTo("6f1c1a3e-0001-4000-8000-000000000004");
        assertThat(user.username()).isEqualTo("psy-durand");
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.FACILITATOR, Role.CLINICIAN);
        assertThat(user.institution()).isEqualTo("lieu-dit");
        assertThat(user.territories()).containsExactly("bievre");
        assertThat(user.profession()).isEqualTo("clinical-psychologist");
        assertThat(user.clientId()).isEqualTo("maillage-console");
        assertThat(user.hasRole(Role.CLINICIAN)).isTrue();
        assertThat(user.hasRole(Role.COORDINATOR)).isFalse();
        assertThat(user.hasAnyRole(Role.COORDINATOR, Role.FACILITATOR)).isTrue();
        assertThat(user.isPartner()).isFalse();
        assertThat(user.coversTerritory("bievre")).isTrue();
        assertThat(user.coversTerritory("lyon-nord")).isFalse();
        assertThat(user.coversTerritory(null)).isFalse();
    }

    @Test
    void territoriesGivenAsOneStringAreSplit() {
        assertThat(KeycloakClaims.strings("bievre lyon-nord")).containsExactly("bievre", "lyon-nord");
        assertThat(KeycloakClaims.strings("bievre,lyon-nord")).containsExactly("bievre", "lyon-nord");
        assertThat(KeycloakClaims.strings("bievre")).containsExactly("bievre");
        assertThat(KeycloakClaims.strings(List.of("bievre", "lyon-nord"))).containsExactly("bievre", "lyon-nord");
        assertThat(KeycloakClaims.strings(null)).isEmpty();
        assertThat(KeycloakClaims.strings("  ")).isEmpty();
    }

    @Test
    void aSingleValuedClaimSentAsAnArrayTakesItsFirstValue() {
        assertThat(KeycloakClaims.string(List.of("cpts-bievre"))).isEqualTo("cpts-bievre");
        assertThat(KeycloakClaims.string(List.of())).isNull();
        assertThat(KeycloakClaims.string("")).isNull();
    }

    @Test
    void aTokenWithoutPlatformClaimsGivesAnEmptyButUsableUser() {
        CurrentUser user = CurrentUser.from(jwt(Map.of("sub", "x")));

        assertThat(user.roles()).isEmpty();
        assertThat(user.territories()).isEmpty();
        assertThat(user.institution()).isNull();
        assertThat(user.profession()).isNull();
        assertThat(user.isPartner()).isFalse();
    }

    @Test
    void partnerClientIsAPartnerNamedByItsClientId() {
        CurrentUser partner = CurrentUser.from(jwt(Map.of(
                "sub", "a-service-account",
                "preferred_username", "service-account-partner-epsm",
                "azp", "partner-epsm",
                "realm_access", Map.of("roles", List.of("partner")),
                "institution", "epsm-bievre",
                "territories", List.of("bievre"))));

        assertThat(partner.isPartner()).isTrue();
        assertThat(partner.clientId()).isEqualTo("partner-epsm");
        assertThat(partner.institution()).isEqualTo("epsm-bievre");
        assertThat(partner.profession()).isNull();
    }

    @Test
    void realmRolesBecomeRoleAuthoritiesNextToScopesAndTheNameIsTheSubject() {
        JwtAuthenticationToken token =
                (JwtAuthenticationToken) new KeycloakJwtAuthenticationConverter().convert(jwt(psyDurand()));

        assertThat(token.getName()).isEqualTo("6f1c1a3e-0001-4000-8000-000000000004");
        assertThat(token.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_facilitator", "ROLE_clinician", "ROLE_offline_access", "SCOPE_openid", "SCOPE_profile");
    }

    @Test
    void roleNamesMatchTheRealmAndSpringAuthorities() {
        assertThat(Role.COORDINATOR.claimValue()).isEqualTo("coordinator");
        assertThat(Role.COORDINATOR.authority()).isEqualTo("ROLE_coordinator");
        assertThat(Role.fromClaim("STEERING")).contains(Role.STEERING);
        assertThat(Role.fromClaim("uma_authorization")).isEmpty();
        assertThat(Role.fromClaim(null)).isEmpty();
    }
}
