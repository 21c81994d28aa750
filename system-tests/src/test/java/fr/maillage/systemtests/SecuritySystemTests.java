package fr.maillage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.localstack.keycloak.KeycloakLogin;
import fr.maillage.systemtests.support.Api;
import fr.maillage.systemtests.support.KeycloakAdmin;
import fr.maillage.systemtests.support.RunningPlatform;
import fr.maillage.systemtests.support.Tokens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The walls: tokens checked at the gateway and in each service, roles, and scope (out of scope is 404). */
@Order(2)
@ExtendWith(RunningPlatform.class)
class SecuritySystemTests {

    private final Api api = new Api(RunningPlatform.gateway());

    @Test
    void requestsWithoutATokenAreRefusedWithAProblem() {
        Api.Response refused = api.get("/api/referrals/" + java.util.UUID.randomUUID(), null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.isProblem()).as(refused.toString()).isTrue();
    }

    @Test
    void aTamperedTokenIsRefused() {
        String forged = Tokens.tampered(Tokens.of("partner-epsm"));
        assertThat(api.post("/api/resources", forged, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        KeycloakAdmin admin = KeycloakAdmin.login(RunningPlatform.keycloak(), RunningPlatform.home());
        admin.createClient("test-other-audience", "test-other-audience-secret", 300, false);
        try {
            String token = KeycloakLogin.clientCredentials(
                    RunningPlatform.keycloak(), "test-other-audience", "test-other-audience-secret");
            assertThat(Tokens.claims(token).path("aud").toString()).doesNotContain("maillage-api");

            assertThat(api.get("/api/referrals/" + java.util.UUID.randomUUID(), token)
                            .status())
                    .isEqualTo(401);
        } finally {
            admin.deleteClient("test-other-audience");
        }
    }

    @Test
    void aTokenIsRefusedOnceItHasExpired() throws Exception {
        KeycloakAdmin admin = KeycloakAdmin.login(RunningPlatform.keycloak(), RunningPlatform.home());
        admin.createClient("test-short-lived", "test-short-lived-secret", 1, true);
        try {
            String token = KeycloakLogin.clientCredentials(
                    RunningPlatform.keycloak(), "test-short-lived", "test-short-lived-secret");
            String path = "/api/referrals/" + java.util.UUID.randomUUID();
            // Accepted while valid (404: no such referral), then refused once expired (allowing the validators' clock
            // skew).
            assertThat(api.get(path, token).status()).isNotEqualTo(401);
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> api.get(path, token).status() == 401);
        } finally {
            admin.deleteClient("test-short-lived");
        }
    }

    @Test
    void aRoleThatMayNotActIsForbidden() {
        String resource = WalkingSkeletonSystemTests.workshopProgramme();
        Api.Response bySteering = api.post(
                "/api/referrals", Tokens.of("copil-bievre"), WalkingSkeletonSystemTests.referralBody(resource, "Roux"));
        assertThat(bySteering.status()).as(bySteering.toString()).isEqualTo(403);
        assertThat(bySteering.isProblem()).isTrue();

        String referral = WalkingSkeletonSystemTests.refer("dr-martin", resource, "Fournier");
        Api.Response byClinician =
                api.post("/api/referrals/" + referral + "/acceptance", Tokens.of("dr-martin"), Map.of());
        assertThat(byClinician.status()).as(byClinician.toString()).isEqualTo(403);
    }

    @Test
    void aPartnerCannotSeeAnotherPartnersReferral() {
        String resource = WalkingSkeletonSystemTests.workshopProgramme();
        String referral = WalkingSkeletonSystemTests.refer("partner-epsm", resource, "Girard");

        assertThat(api.get("/api/referrals/" + referral, Tokens.of("partner-epsm"))
                        .status())
                .isEqualTo(200);
        Api.Response otherPartner = api.get("/api/referrals/" + referral, Tokens.of("partner-dac"));
        assertThat(otherPartner.status()).as(otherPartner.toString()).isEqualTo(404);
        assertThat(otherPartner.isProblem()).isTrue();
        assertThat(otherPartner.body()).doesNotContain("personRef");
    }

    @Test
    void aCoordinatorOfAnotherTerritoryCannotAcceptAReferral() {
        String resource = WalkingSkeletonSystemTests.workshopProgramme();
        String referral = WalkingSkeletonSystemTests.refer("dr-martin", resource, "Bonnet");

        Api.Response outOfTerritory =
                api.post("/api/referrals/" + referral + "/acceptance", Tokens.of("coord-lyon"), Map.of());
        assertThat(outOfTerritory.status()).as(outOfTerritory.toString()).isEqualTo(404);
    }

    @Test
    void onlyHealthIsOpenOnTheGateway() {
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus", null).status()).isIn(401, 404);
        assertThat(api.get("/actuator/env", null).status()).isIn(401, 404);
    }
}
