package fr.maillage.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.localstack.oidc.TestTokens;
import fr.maillage.referral.ReferralServiceTestSupport;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Role x endpoint, and out of scope, for every referral endpoint (DESIGN §6). */
class ReferralAuthorisationIntegrationTests extends ReferralServiceTestSupport {

    @ParameterizedTest(name = "{0} submits a referral -> {1}")
    @CsvSource({
        "dr-martin, 201",
        "psy-durand, 201",
        "partner-epsm, 201",
        "partner-dac, 201",
        "coord-bievre, 201",
        "copil-bievre, 403",
        "admin, 403"
    })
    void whoMaySubmitAReferral(String who, int expected) {
        String resourceId = registerWorkshop();

        HttpResponse<String> response = post(
                "/api/referrals",
                token(who),
                json(referral(person("Roles", "Test", "1980-01-01"), resourceId, "suivi")));

        assertThat(response.statusCode()).isEqualTo(expected);
        if (expected == 403) {
            assertThat(json(response).path("type").asString()).isEqualTo("urn:maillage:problem:forbidden");
        }
    }

    @ParameterizedTest(name = "{0} reads a referral of partner-epsm -> {1}")
    @CsvSource({
        "partner-epsm, 200",
        "coord-bievre, 200",
        "admin, 200",
        "partner-dac, 404",
        "coord-lyon, 404",
        "dr-martin, 404",
        "psy-durand, 404",
        "copil-bievre, 404"
    })
    void whoMayReadAReferral(String who, int expected) {
        String id =
                submitReferral("partner-epsm", registerWorkshop()).path("id").asString();

        HttpResponse<String> response = get("/api/referrals/" + id, token(who));

        assertThat(response.statusCode()).isEqualTo(expected);
        if (expected == 404) {
            assertThat(response.body()).doesNotContain("epsm-bievre", "suivi");
            assertThat(json(response).path("type").asString()).isEqualTo("urn:maillage:problem:not-found");
        }
    }

    @Test
    void anotherSystemOfTheReferrersInstitutionSeesItButAColleagueOfAClinicianDoesNot() {
        String byPartner =
                submitReferral("partner-epsm", registerWorkshop()).path("id").asString();
        String byDoctor =
                submitReferral("dr-martin", registerWorkshop()).path("id").asString();
        String otherEpsmSystem = TestTokens.client("epsm-dpi")
                .roles("partner")
                .institution("epsm-bievre")
                .territories("bievre")
                .token();

        assertThat(get("/api/referrals/" + byPartner, otherEpsmSystem).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/referrals/" + byDoctor, token("dr-martin")).statusCode())
                .isEqualTo(200);
        // ide-bernard works at msp-bievre too, but only the referrer and the coordinators follow a referral.
        assertThat(get("/api/referrals/" + byDoctor, token("ide-bernard")).statusCode())
                .isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} accepts a bievre referral -> {1}")
    @CsvSource({
        "coord-bievre, 200",
        "admin, 200",
        "coord-lyon, 404",
        "dr-martin, 403",
        "psy-durand, 403",
        "partner-epsm, 403",
        "partner-dac, 403",
        "copil-bievre, 403"
    })
    void whoMayAcceptAReferral(String who, int expected) {
        String id =
                submitReferral("partner-epsm", registerWorkshop()).path("id").asString();

        HttpResponse<String> response = post("/api/referrals/" + id + "/acceptance", token(who), null);

        assertThat(response.statusCode()).isEqualTo(expected);
        String status =
                json(get("/api/referrals/" + id, token("admin"))).path("status").asString();
        assertThat(status).isEqualTo(expected == 200 ? "ACCEPTED" : "SUBMITTED");
    }

    @Test
    void acceptingTwiceIsAConflictNamingTheCurrentStatus() {
        String id = submitReferral("dr-martin", registerWorkshop()).path("id").asString();
        post("/api/referrals/" + id + "/acceptance", token("coord-bievre"), null);

        HttpResponse<String> again = post("/api/referrals/" + id + "/acceptance", token("coord-bievre"), null);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("type").asString()).isEqualTo("urn:maillage:problem:illegal-transition");
        assertThat(json(again).path("currentState").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void aStaleIfMatchOnAcceptanceIsRefused() {
        String id = submitReferral("dr-martin", registerWorkshop()).path("id").asString();

        HttpResponse<String> stale =
                post("/api/referrals/" + id + "/acceptance", token("coord-bievre"), null, "If-Match", "\"7\"");
        HttpResponse<String> current =
                post("/api/referrals/" + id + "/acceptance", token("coord-bievre"), null, "If-Match", "\"0\"");

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(current.statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownReferralIsNotFoundForEveryone() {
        String unknown = UUID.randomUUID().toString();

        assertThat(get("/api/referrals/" + unknown, token("admin")).statusCode())
                .isEqualTo(404);
        assertThat(post("/api/referrals/" + unknown + "/acceptance", token("coord-bievre"), null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void withoutATokenNothingIsAnswered() {
        String id = submitReferral("dr-martin", registerWorkshop()).path("id").asString();

        assertThat(get("/api/referrals/" + id, null).statusCode()).isEqualTo(401);
        assertThat(post("/api/referrals/" + id + "/acceptance", null, null).statusCode())
                .isEqualTo(401);
        assertThat(post("/api/referrals", null, json(Map.of())).statusCode()).isEqualTo(401);
    }
}
