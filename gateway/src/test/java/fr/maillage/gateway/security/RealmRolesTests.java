package fr.maillage.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class RealmRolesTests {

    private final RealmRoles realmRoles = new RealmRoles();

    @Test
    void realmRolesBecomeRoleAuthorities() {
        Jwt jwt = jwt(Map.of("realm_access", Map.of("roles", List.of("facilitator", "clinician"))));

        assertThat(realmRoles.convert(jwt))
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_facilitator", "ROLE_clinician");
    }

    @Test
    void tokenWithoutRealmRolesHasNoAuthority() {
        assertThat(realmRoles.convert(jwt(Map.of("scope", "openid")))).isEmpty();
        assertThat(realmRoles.convert(jwt(Map.of("realm_access", "admin")))).isEmpty();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("u")
                .issuedAt(Instant.now())
                .claims(all -> all.putAll(claims))
                .build();
    }
}
