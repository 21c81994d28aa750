package fr.maillage.localstack.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Tokens checked the way the services check them: discovery from the issuer, JWKS, issuer and audience. */
class TestTokensIntegrationTests {

    static TestIssuer issuer;
    static JwtDecoder decoder;

    @BeforeAll
    static void startIssuer() {
        issuer = TestIssuer.start();
        NimbusJwtDecoder nimbus =
                NimbusJwtDecoder.withIssuerLocation(issuer.issuerUri()).build();
        // what Spring Boot adds for spring.security.oauth2.resourceserver.jwt.audiences=maillage-api
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer.issuerUri()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, aud -> aud != null && aud.contains("maillage-api"))));
        decoder = nimbus;
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @Test
    void builtTokenValidatesAgainstTheIssuersJwksAndCarriesKeycloakClaims() {
        String token = TestTokens.user("coord-bievre")
                .roles("coordinator")
                .institution("cpts-bievre")
                .territories("bievre")
                .profession("coordinator")
                .issuer(issuer)
                .token();

        Jwt jwt = decoder.decode(token);

        assertThat(jwt.getIssuer()).hasToString(issuer.issuerUri());
        assertThat(jwt.getAudience()).containsExactly("maillage-api");
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("coord-bievre");
        assertThat(jwt.getClaimAsString("azp")).isEqualTo("maillage-console");
        assertThat(jwt.getClaimAsMap("realm_access")).isEqualTo(Map.of("roles", List.of("coordinator")));
        assertThat(jwt.getClaimAsString("institution")).isEqualTo("cpts-bievre");
        assertThat(jwt.getClaimAsStringList("territories")).containsExactly("bievre");
        assertThat(jwt.getClaimAsString("profession")).isEqualTo("coordinator");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
    }

    @Test
    void demoUserTokenHasTheRealmsFixedSubjectAndTableClaims() {
        Jwt jwt = decoder.decode(TestTokens.demo("psy-durand").issuer(issuer).token());

        assertThat(jwt.getSubject()).isEqualTo(DemoUsers.PSY_DURAND_ID.toString());
        assertThat(jwt.getSubject()).isEqualTo("6f1c1a3e-0001-4000-8000-000000000004");
        assertThat(jwt.getClaimAsMap("realm_access")).isEqualTo(Map.of("roles", List.of("facilitator", "clinician")));
        assertThat(jwt.getClaimAsString("institution")).isEqualTo("lieu-dit");
        assertThat(jwt.getClaimAsStringList("territories")).containsExactly("bievre");
        assertThat(jwt.getClaimAsString("profession")).isEqualTo("clinical-psychologist");
    }

    @Test
    void adminHasTwoTerritoriesAndNoProfession() {
        Jwt jwt = decoder.decode(TestTokens.demo("admin").issuer(issuer).token());

        assertThat(jwt.getSubject()).isEqualTo("6f1c1a3e-0001-4000-8000-000000000007");
        assertThat(jwt.getClaimAsStringList("territories")).containsExactly("bievre", "lyon-nord");
        assertThat(jwt.hasClaim("profession")).isFalse();
    }

    @Test
    void partnerClientTokenIsAServiceAccountToken() {
        Jwt jwt = decoder.decode(TestTokens.demo("partner-epsm").issuer(issuer).token());

        assertThat(jwt.getClaimAsString("azp")).isEqualTo("partner-epsm");
        assertThat(jwt.getClaimAsString("client_id")).isEqualTo("partner-epsm");
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("service-account-partner-epsm");
        assertThat(jwt.getClaimAsMap("realm_access")).isEqualTo(Map.of("roles", List.of("partner")));
        assertThat(jwt.getClaimAsString("institution")).isEqualTo("epsm-bievre");
        assertThat(DemoUsers.account("partner-dac").clientSecret()).isEqualTo("partner-dac-secret");
    }

    @Test
    void everyDemoAccountHasAToken() {
        assertThat(DemoUsers.names())
                .containsExactlyInAnyOrder(
                        "coord-bievre",
                        "coord-lyon",
                        "dr-martin",
                        "psy-durand",
                        "ide-bernard",
                        "copil-bievre",
                        "admin",
                        "partner-epsm",
                        "partner-dac");
        for (String name : DemoUsers.names()) {
            Jwt jwt = decoder.decode(TestTokens.demo(name).issuer(issuer).token());
            assertThat(jwt.getClaimAsString("institution")).as(name).isNotBlank();
        }
    }

    @Test
    void tokenSignedByAnotherKeyIsRejected() {
        String forged = TestTokens.demo("coord-bievre")
                .issuer(issuer)
                .signedByAnotherKey()
                .token();

        assertThatThrownBy(() -> decoder.decode(forged))
                .isInstanceOf(BadJwtException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void expiredTokenIsRejected() {
        String expired =
                TestTokens.demo("coord-bievre").issuer(issuer).expired().token();

        assertThatThrownBy(() -> decoder.decode(expired))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        String other =
                TestTokens.demo("coord-bievre").issuer(issuer).audience("other").token();

        assertThatThrownBy(() -> decoder.decode(other)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void tokenOfTheSharedIssuerIsRejectedByAnotherIssuer() {
        String fromShared = TestTokens.demo("coord-bievre").token();

        assertThat(TestIssuer.shared().issuerUri()).isNotEqualTo(issuer.issuerUri());
        assertThatThrownBy(() -> decoder.decode(fromShared)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void unknownDemoNameListsTheKnownOnes() {
        assertThatThrownBy(() -> TestTokens.demo("dr-who"))
                .hasMessageContaining("dr-who")
                .hasMessageContaining("coord-bievre");
    }
}
