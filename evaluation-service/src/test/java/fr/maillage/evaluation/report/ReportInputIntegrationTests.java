package fr.maillage.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.testing.TopicReader;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad requests answer a 4xx problem saying what is wrong, never a 500; nothing is stored and nothing is
 * announced.
 */
class ReportInputIntegrationTests extends ReportsIntegrationSupport {

    @Test
    void badRequestsAreProblemsAndLeaveNoReportAndNoEvent() {
        TopicReader events = readFromNow(EVALUATION_TOPIC);
        String territory = freshTerritory("input");
        long stored = storedReports();
        String current = currentQuarter().code();

        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("malformed", post("/api/reports", ADMIN, "{\"territory\": \"" + territory + "\", "));
        answers.put("no body", post("/api/reports", ADMIN, null));
        answers.put("not an object", post("/api/reports", ADMIN, "[\"" + territory + "\"]"));
        answers.put("no territory", post("/api/reports", ADMIN, json(Map.of("quarter", current))));
        answers.put("no quarter", post("/api/reports", ADMIN, json(Map.of("territory", territory))));
        answers.put("bad territory", publish(ADMIN, "Bièvre Sud", current));
        answers.put("quarter 5", publish(ADMIN, territory, "2026-Q5"));
        answers.put("a month", publish(ADMIN, territory, "2026-11"));
        answers.put("backwards", publish(ADMIN, territory, "Q4-2026"));
        answers.put("blank quarter", publish(ADMIN, territory, " "));

        answers.forEach((what, answer) -> {
            assertThat(answer.statusCode()).as("%s: %s", what, answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        });
        assertThat(slug(answers.get("malformed"))).isEqualTo("malformed-json");
        assertThat(slug(answers.get("no territory"))).isEqualTo("validation-failed");
        assertThat(answers.get("no territory").body()).contains("territory");
        assertThat(slug(answers.get("bad territory"))).isEqualTo("invalid-territory");
        assertThat(slug(answers.get("quarter 5"))).isEqualTo("invalid-quarter");
        assertThat(json(answers.get("quarter 5")).get("detail").asString()).contains("2026-Q4");
        assertThat(slug(answers.get("a month"))).isEqualTo("invalid-quarter");
        assertThat(slug(answers.get("backwards"))).isEqualTo("invalid-quarter");

        HttpResponse<String> notStarted =
                publish(ADMIN, territory, nextQuarter().code());
        assertThat(notStarted.statusCode()).as(notStarted.body()).isEqualTo(422);
        assertThat(slug(notStarted)).isEqualTo("period-not-started");
        assertThat(json(notStarted).get("period").asString())
                .isEqualTo(nextQuarter().code());

        assertThat(storedReports()).isEqualTo(stored);
        assertThat(storedReports(territory)).isZero();
        assertThat(board.calls(territory)).as("no figure computed").isZero();
        events.readToEnd();
        assertThat(events.events(TopicReader.withData(REPORT_PUBLISHED, "territory", territory)))
                .isEmpty();
    }

    @Test
    void aCoordinatorAskingForAQuarterNotStartedOfAnotherTerritoryIsToldItDoesNotExist() {
        HttpResponse<String> answer = publish(COORD_LYON, BIEVRE, nextQuarter().code());

        assertThat(answer.statusCode()).isEqualTo(404);
    }

    @Test
    void badListParametersAreProblems() {
        assertThat(get("/api/reports?territory=bievre&quarter=2026-13", COPIL).statusCode())
                .isEqualTo(400);
        assertThat(slug(get("/api/reports?quarter=2026-11", COPIL))).isEqualTo("invalid-quarter");
        assertThat(get("/api/reports?size=0", COPIL).statusCode()).isEqualTo(400);
        assertThat(get("/api/reports?size=101", COPIL).statusCode()).isEqualTo(400);
        assertThat(get("/api/reports?page=-1", COPIL).statusCode()).isEqualTo(400);
        assertThat(get("/api/reports?page=x", COPIL).statusCode()).isEqualTo(400);
    }

    private static String slug(HttpResponse<String> answer) {
        return json(answer).get("type").asString().replace("urn:maillage:problem:", "");
    }
}
