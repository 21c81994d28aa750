package fr.maillage.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.localstack.oidc.TestTokens;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Role x endpoint, and out of scope, for every referral endpoint (DESIGN §6). The referral under test is
 * dr-martin's (msp-bievre) to a CMP of epsm-bievre in bievre: the referrer's side is dr-martin, the
 * receiving side coord-bievre, partner-epsm and an epsm-bievre clinician. A refused call changes nothing.
 */
class ReferralAuthorisationIntegrationTests extends ReferralIntegrationSupport {

    private static final Map<String, Object> NONE = null;

    private String tokenOf(String who) {
        return who.equals("epsm-clinician") ? epsmClinician() : token(who);
    }

    /** dr-martin's referral to a fresh CMP of epsm-bievre, and a second epsm-bievre resource to redirect to. */
    private String[] referralToEpsm() {
        String cmp = registerResource("CMP", "epsm-bievre");
        String other = registerResource("CATTP", "epsm-bievre");
        return new String[] {refer("dr-martin", cmp).path("id").asString(), other};
    }

    private void assertRefusal(HttpResponse<String> response, int expected) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (expected == 404) {
            assertThat(json(response).path("type").asString()).isEqualTo("urn:maillage:problem:not-found");
            assertThat(response.body()).doesNotContain("msp-bievre", "suivi");
        } else if (expected == 403) {
            assertThat(json(response).path("type").asString()).isEqualTo("urn:maillage:problem:forbidden");
        }
    }

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
        long before = count("referrals");

        HttpResponse<String> response = post("/api/referrals", token(who), json(freshReferral(resourceId, "ROUTINE")));

        assertThat(response.statusCode()).isEqualTo(expected);
        if (expected == 403) {
            assertRefusal(response, 403);
            assertThat(count("referrals")).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0} reads dr-martin''s referral to epsm-bievre -> {1}")
    @CsvSource({
        "dr-martin, 200",
        "partner-epsm, 200",
        "epsm-clinician, 200",
        "coord-bievre, 200",
        "admin, 200",
        "ide-bernard, 404",
        "psy-durand, 404",
        "partner-dac, 404",
        "coord-lyon, 404",
        "copil-bievre, 404"
    })
    void whoMayReadAReferral(String who, int expected) {
        String id = referralToEpsm()[0];

        HttpResponse<String> response = get("/api/referrals/" + id, tokenOf(who));

        if (expected == 200) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).path("id").asString()).isEqualTo(id);
        } else {
            assertRefusal(response, expected);
        }
    }

    @Test
    void anotherSystemOfTheReferrersInstitutionSeesAndCancelsItButAColleagueOfAClinicianDoesNot() {
        String byPartner =
                submitReferral("partner-epsm", registerWorkshop()).path("id").asString();
        String byDoctor = referralToEpsm()[0];
        String otherEpsmSystem = TestTokens.client("epsm-dpi")
                .roles("partner")
                .institution("epsm-bievre")
                .territories("bievre")
                .token();

        assertThat(get("/api/referrals/" + byPartner, otherEpsmSystem).statusCode())
                .isEqualTo(200);
        assertThat(step(byPartner, "cancellation", otherEpsmSystem, Map.of("reason", "doublon"))
                        .statusCode())
                .isEqualTo(200);
        // ide-bernard works at msp-bievre too, but only the referrer follows a clinician's referral.
        assertRefusal(get("/api/referrals/" + byDoctor, token("ide-bernard")), 404);
        assertRefusal(step(byDoctor, "cancellation", token("ide-bernard"), Map.of("reason", "x")), 404);
    }

    /** The receiving side's steps from where each is legal: SUBMITTED for the first three, ACCEPTED after. */
    @ParameterizedTest(name = "{1} -> {0}: {2}")
    @CsvSource({
        "acceptance, coord-bievre, 200",
        "acceptance, partner-epsm, 200",
        "acceptance, epsm-clinician, 200",
        "acceptance, dr-martin, 403",
        "acceptance, admin, 403",
        "acceptance, copil-bievre, 403",
        "acceptance, coord-lyon, 404",
        "acceptance, partner-dac, 404",
        "acceptance, psy-durand, 404",
        "acceptance, ide-bernard, 404",
        "decline, coord-bievre, 200",
        "decline, partner-epsm, 200",
        "decline, epsm-clinician, 200",
        "decline, dr-martin, 403",
        "decline, admin, 403",
        "decline, copil-bievre, 403",
        "decline, coord-lyon, 404",
        "decline, partner-dac, 404",
        "decline, psy-durand, 404",
        "redirection, coord-bievre, 200",
        "redirection, partner-epsm, 200",
        "redirection, epsm-clinician, 200",
        "redirection, dr-martin, 403",
        "redirection, admin, 403",
        "redirection, copil-bievre, 403",
        "redirection, coord-lyon, 404",
        "redirection, partner-dac, 404",
        "redirection, psy-durand, 404",
        "first-contact, coord-bievre, 200",
        "first-contact, partner-epsm, 200",
        "first-contact, epsm-clinician, 200",
        "first-contact, dr-martin, 403",
        "first-contact, admin, 403",
        "first-contact, copil-bievre, 403",
        "first-contact, coord-lyon, 404",
        "first-contact, partner-dac, 404",
        "first-contact, psy-durand, 404",
        "completion, coord-bievre, 200",
        "completion, partner-epsm, 200",
        "completion, epsm-clinician, 200",
        "completion, dr-martin, 403",
        "completion, admin, 403",
        "completion, copil-bievre, 403",
        "completion, coord-lyon, 404",
        "completion, partner-dac, 404",
        "completion, psy-durand, 404"
    })
    void onlyTheReceivingSideMovesAReferralOn(String step, String who, int expected) {
        String[] referral = referralToEpsm();
        String id = referral[0];
        boolean afterAcceptance = step.equals("first-contact") || step.equals("completion");
        if (afterAcceptance) {
            stepOk(id, "acceptance", "coord-bievre", null);
        }
        String before = statusOf(id);
        Map<String, Object> body = switch (step) {
            case "decline" -> Map.of("reason", "NOT_ELIGIBLE");
            case "redirection" ->
                Map.of("resourceId", referral[1], "reason", "NO_CAPACITY", "consent", Map.of("given", true));
            case "completion" -> Map.of("outcome", "suivi en place");
            default -> NONE;
        };
        long referrals = count("referrals");

        HttpResponse<String> response = step(id, step, tokenOf(who), body);

        if (expected == 200) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(statusOf(id)).isNotEqualTo(before);
        } else {
            assertRefusal(response, expected);
            assertThat(statusOf(id)).isEqualTo(before);
            assertThat(count("referrals")).isEqualTo(referrals);
        }
    }

    @ParameterizedTest(name = "{0} cancels dr-martin''s referral -> {1}")
    @CsvSource({
        "dr-martin, 200",
        "coord-bievre, 403",
        "partner-epsm, 403",
        "epsm-clinician, 403",
        "admin, 403",
        "copil-bievre, 403",
        "ide-bernard, 404",
        "coord-lyon, 404",
        "partner-dac, 404"
    })
    void onlyTheReferrerCancels(String who, int expected) {
        String id = referralToEpsm()[0];

        HttpResponse<String> response = step(id, "cancellation", tokenOf(who), Map.of("reason", "plus nécessaire"));

        if (expected == 200) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(statusOf(id)).isEqualTo("CANCELLED");
        } else {
            assertRefusal(response, expected);
            assertThat(statusOf(id)).isEqualTo("SUBMITTED");
        }
    }

    @ParameterizedTest(name = "{0} lists {1} -> {2}")
    @CsvSource({
        "dr-martin, mine=true, 200",
        "partner-epsm, mine=true, 200",
        "coord-bievre, mine=true, 200",
        "dr-martin, incoming=true, 200",
        "partner-epsm, incoming=true, 200",
        "coord-bievre, incoming=true, 403",
        "coord-bievre, territory=bievre, 200",
        "admin, territory=bievre, 200",
        "coord-lyon, territory=bievre, 403",
        "dr-martin, territory=bievre, 403",
        "partner-epsm, territory=bievre, 403",
        "copil-bievre, mine=true, 403",
        "copil-bievre, territory=bievre, 403"
    })
    void whoMayListWhichReferrals(String who, String scope, int expected) {
        HttpResponse<String> response = get("/api/referrals?" + scope, token(who));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (expected == 403) {
            assertThat(json(response).path("type").asString())
                    .isIn("urn:maillage:problem:forbidden", "urn:maillage:problem:territory-not-covered");
        }
    }

    @Test
    void aRedirectionCreatesNothingWhenRefused() {
        String[] referral = referralToEpsm();
        long referrals = count("referrals");

        HttpResponse<String> response = step(
                referral[0],
                "redirection",
                token("partner-dac"),
                Map.of("resourceId", referral[1], "reason", "NO_CAPACITY", "consent", Map.of("given", true)));

        assertRefusal(response, 404);
        assertThat(count("referrals")).isEqualTo(referrals);
    }

    @Test
    void everyIllegalStepIsAConflictNamingTheCurrentState() {
        String[] referral = referralToEpsm();
        String id = referral[0];

        assertConflict(step(id, "first-contact", token("partner-epsm"), NONE), "SUBMITTED");
        assertConflict(step(id, "completion", token("partner-epsm"), NONE), "SUBMITTED");
        stepOk(id, "acceptance", "partner-epsm", null);
        assertConflict(step(id, "acceptance", token("coord-bievre"), NONE), "ACCEPTED");
        stepOk(id, "first-contact", "partner-epsm", null);
        assertConflict(step(id, "first-contact", token("partner-epsm"), NONE), "IN_PROGRESS");
        assertConflict(step(id, "decline", token("partner-epsm"), Map.of("reason", "NO_CAPACITY")), "IN_PROGRESS");
        assertConflict(
                step(
                        id,
                        "redirection",
                        token("partner-epsm"),
                        Map.of("resourceId", referral[1], "reason", "NO_CAPACITY", "consent", Map.of("given", true))),
                "IN_PROGRESS");
        stepOk(id, "completion", "partner-epsm", null);
        assertConflict(step(id, "cancellation", token("dr-martin"), Map.of("reason", "trop tard")), "COMPLETED");
        assertConflict(step(id, "acceptance", token("partner-epsm"), NONE), "COMPLETED");

        String declined = referralToEpsm()[0];
        stepOk(declined, "decline", "partner-epsm", Map.of("reason", "DUPLICATE"));
        assertConflict(step(declined, "decline", token("partner-epsm"), Map.of("reason", "DUPLICATE")), "DECLINED");
        assertConflict(step(declined, "cancellation", token("dr-martin"), Map.of("reason", "x")), "DECLINED");

        String[] redirected = referralToEpsm();
        stepOk(
                redirected[0],
                "redirection",
                "partner-epsm",
                Map.of("resourceId", redirected[1], "reason", "NO_CAPACITY", "consent", Map.of("given", true)));
        long referrals = count("referrals");
        assertConflict(
                step(
                        redirected[0],
                        "redirection",
                        token("partner-epsm"),
                        Map.of("resourceId", redirected[1], "reason", "NO_CAPACITY", "consent", Map.of("given", true))),
                "REDIRECTED");
        assertConflict(step(redirected[0], "acceptance", token("partner-epsm"), NONE), "REDIRECTED");
        assertThat(count("referrals")).isEqualTo(referrals);
    }

    private void assertConflict(HttpResponse<String> response, String currentState) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        JsonNode problem = json(response);
        assertThat(problem.path("type").asString()).isEqualTo("urn:maillage:problem:illegal-transition");
        assertThat(problem.path("currentState").asString()).isEqualTo(currentState);
    }

    @ParameterizedTest(name = "a stale If-Match on {0} is refused")
    @CsvSource({"acceptance", "decline", "redirection", "cancellation"})
    void aStaleIfMatchIsRefusedAndTheCurrentOneAccepted(String step) {
        String[] referral = referralToEpsm();
        String id = referral[0];
        String who = step.equals("cancellation") ? "dr-martin" : "partner-epsm";
        Map<String, Object> body = switch (step) {
            case "decline" -> Map.of("reason", "NOT_ELIGIBLE");
            case "redirection" ->
                Map.of("resourceId", referral[1], "reason", "NO_CAPACITY", "consent", Map.of("given", true));
            case "cancellation" -> Map.of("reason", "plus nécessaire");
            default -> NONE;
        };
        long referrals = count("referrals");
        long consents = count("consents");

        HttpResponse<String> stale = step(id, step, token(who), body, "If-Match", "\"7\"");

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).path("type").asString()).isEqualTo("urn:maillage:problem:stale-version");
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
        assertThat(count("referrals")).isEqualTo(referrals);
        assertThat(count("consents")).isEqualTo(consents);
        HttpResponse<String> current = step(id, step, token(who), body, "If-Match", "\"0\"");
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        assertThat(current.headers().firstValue("ETag")).hasValue("\"1\"");
    }

    @Test
    void anUnknownReferralIsNotFoundForEveryone() {
        String unknown = UUID.randomUUID().toString();

        assertThat(get("/api/referrals/" + unknown, token("admin")).statusCode())
                .isEqualTo(404);
        for (String step : new String[] {"acceptance", "first-contact", "completion"}) {
            assertThat(step(unknown, step, token("coord-bievre"), NONE).statusCode())
                    .isEqualTo(404);
        }
        assertThat(step(unknown, "decline", token("coord-bievre"), Map.of("reason", "DUPLICATE"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(step(unknown, "cancellation", token("dr-martin"), Map.of("reason", "x"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void withoutATokenNothingIsAnswered() {
        String id = referralToEpsm()[0];

        assertThat(get("/api/referrals/" + id, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/referrals?mine=true", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/referrals", null, json(Map.of())).statusCode()).isEqualTo(401);
        for (String step :
                new String[] {"acceptance", "decline", "redirection", "first-contact", "completion", "cancellation"}) {
            assertThat(step(id, step, null, NONE).statusCode()).as(step).isEqualTo(401);
        }
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
    }
}
