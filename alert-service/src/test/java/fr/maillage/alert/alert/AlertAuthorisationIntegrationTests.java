package fr.maillage.alert.alert;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.alert.AlertIntegrationSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every endpoint x every kind of caller. The alert is in bievre, raised by partner-epsm. Staff =
 * coordinator or clinician of bievre; coordinator-only steps refuse clinicians and the raising partner
 * (403); whoever may not see the alert at all (another territory, another partner, admin, steering, a
 * facilitator who is not a clinician) gets 404 on it, and 403 on the collection.
 */
class AlertAuthorisationIntegrationTests extends AlertIntegrationSupport {

    private String tokenOf(String who) {
        return who.equals("facilitator-only") ? facilitatorOnly() : token(who);
    }

    private void assertAnswer(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (status >= 400) {
            assertThat(problem(response)).isNotBlank();
            assertThat(response.body()).doesNotContain(SITUATION, EMITTER_NAME);
        }
    }

    @ParameterizedTest(name = "{0} raising an alert in bievre -> {1} {2}")
    @CsvSource({
        "coord-bievre, 201, ",
        "dr-martin, 201, ",
        "psy-durand, 201, ",
        "partner-epsm, 201, ",
        "coord-lyon, 403, territory-not-covered",
        "partner-dac, 403, territory-not-covered",
        "facilitator-only, 403, forbidden",
        "copil-bievre, 403, forbidden",
        "admin, 403, forbidden"
    })
    void raising(String who, int status, String slug) {
        HttpResponse<String> response =
                post("/api/alerts", tokenOf(who), alertBody("bievre", "38130", freshPersonRef(), "ISOLATION"));

        assertAnswer(response, status);
        if (slug != null) {
            assertThat(problem(response)).isEqualTo(slug);
        }
    }

    @ParameterizedTest(name = "{0} reading the queue -> {1}")
    @CsvSource({
        "coord-bievre, 200",
        "dr-martin, 200",
        "coord-lyon, 200",
        "partner-epsm, 403",
        "facilitator-only, 403",
        "copil-bievre, 403",
        "admin, 403"
    })
    void readingTheQueue(String who, int status) {
        assertAnswer(get("/api/alerts", tokenOf(who)), status);
    }

    @ParameterizedTest(name = "{0} reading the bievre queue -> {1}")
    @CsvSource({"coord-bievre, 200", "dr-martin, 200", "coord-lyon, 403"})
    void readingTheQueueOfATerritory(String who, int status) {
        HttpResponse<String> response = get("/api/alerts?territory=bievre", tokenOf(who));

        assertAnswer(response, status);
        if (status == 403) {
            assertThat(problem(response)).isEqualTo("territory-not-covered");
        }
    }

    @ParameterizedTest(name = "{0} reading an alert -> {1}")
    @CsvSource({
        "coord-bievre, 200",
        "dr-martin, 200",
        "partner-epsm, 200",
        "coord-lyon, 404",
        "partner-dac, 404",
        "facilitator-only, 404",
        "copil-bievre, 404",
        "admin, 404"
    })
    void readingAnAlert(String who, int status) {
        String id = raiseStableAlert();

        HttpResponse<String> response = get("/api/alerts/" + id, tokenOf(who));

        assertAnswer(response, status);
        if (status == 200) {
            assertThat(response.headers().firstValue("ETag")).isPresent();
            assertThat(json(response).has("rationale"))
                    .as("staff get the whole alert, the partner its own view")
                    .isEqualTo(!who.equals("partner-epsm"));
        }
    }

    @ParameterizedTest(name = "{0} reading the history -> {1}")
    @CsvSource({
        "coord-bievre, 200",
        "dr-martin, 200",
        "partner-epsm, 403",
        "coord-lyon, 404",
        "partner-dac, 404",
        "facilitator-only, 404",
        "copil-bievre, 404",
        "admin, 404"
    })
    void readingTheHistory(String who, int status) {
        String id = raiseStableAlert();

        assertAnswer(get("/api/alerts/" + id + "/history", tokenOf(who)), status);
    }

    /** Each step from the state it needs; the ones refused leave the alert as it was. */
    @ParameterizedTest(name = "{1} on an alert {0} by {2} -> {3}")
    @CsvSource({
        "RAISED, qualification, coord-bievre, 200",
        "RAISED, qualification, dr-martin, 200",
        "RAISED, qualification, partner-epsm, 403",
        "RAISED, qualification, coord-lyon, 404",
        "RAISED, qualification, partner-dac, 404",
        "RAISED, qualification, facilitator-only, 404",
        "RAISED, qualification, copil-bievre, 404",
        "RAISED, qualification, admin, 404",
        "QUALIFIED, assignment, coord-bievre, 200",
        "QUALIFIED, assignment, dr-martin, 403",
        "QUALIFIED, assignment, psy-durand, 403",
        "QUALIFIED, assignment, partner-epsm, 403",
        "QUALIFIED, assignment, coord-lyon, 404",
        "QUALIFIED, assignment, partner-dac, 404",
        "QUALIFIED, assignment, facilitator-only, 404",
        "QUALIFIED, assignment, copil-bievre, 404",
        "QUALIFIED, assignment, admin, 404",
        "ASSIGNED, response, coord-bievre, 200",
        "ASSIGNED, response, dr-martin, 200",
        "ASSIGNED, response, psy-durand, 200",
        "ASSIGNED, response, partner-epsm, 403",
        "ASSIGNED, response, coord-lyon, 404",
        "ASSIGNED, response, partner-dac, 404",
        "ASSIGNED, response, facilitator-only, 404",
        "ASSIGNED, response, copil-bievre, 404",
        "ASSIGNED, response, admin, 404",
        "RESPONDED, feedback, coord-bievre, 200",
        "RESPONDED, feedback, dr-martin, 200",
        "RESPONDED, feedback, partner-epsm, 403",
        "RESPONDED, feedback, coord-lyon, 404",
        "RESPONDED, feedback, partner-dac, 404",
        "RESPONDED, feedback, facilitator-only, 404",
        "RESPONDED, feedback, copil-bievre, 404",
        "RESPONDED, feedback, admin, 404",
        "FEEDBACK_GIVEN, closure, coord-bievre, 200",
        "FEEDBACK_GIVEN, closure, dr-martin, 403",
        "FEEDBACK_GIVEN, closure, partner-epsm, 403",
        "FEEDBACK_GIVEN, closure, coord-lyon, 404",
        "FEEDBACK_GIVEN, closure, partner-dac, 404",
        "FEEDBACK_GIVEN, closure, facilitator-only, 404",
        "FEEDBACK_GIVEN, closure, copil-bievre, 404",
        "FEEDBACK_GIVEN, closure, admin, 404"
    })
    void takingAStep(String state, String step, String who, int status) {
        String id = stableAlertIn(state);
        String before = get("/api/alerts/" + id, token("coord-bievre"))
                .headers()
                .firstValue("ETag")
                .orElseThrow();

        HttpResponse<String> response = post("/api/alerts/" + id + "/" + step, tokenOf(who), stepBody(step));

        assertAnswer(response, status);
        String after = get("/api/alerts/" + id, token("coord-bievre"))
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        if (status == 200) {
            assertThat(after).isNotEqualTo(before);
        } else {
            assertThat(after).as("nothing changed").isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "without a token: {0} -> 401")
    @ValueSource(strings = {"/api/alerts", "/api/alerts/x", "/api/alerts/x/history"})
    void withoutATokenIs401(String path) {
        assertThat(get(path, null).statusCode()).isEqualTo(401);
        assertThat(post(path.equals("/api/alerts") ? path : "/api/alerts/x/closure", null, CLOSURE)
                        .statusCode())
                .isEqualTo(401);
    }
}
