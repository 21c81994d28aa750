package fr.maillage.evaluation.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bad responses are refused with a problem that says what is wrong (400 for a malformed request, 422 for
 * one that breaks the questionnaire's rules, 404 for what does not exist for the caller), never a 500, and
 * nothing is written.
 */
class ResponseInputIntegrationTests extends QuestionnaireIntegrationSupport {

    private String personRef;
    private String enrolmentId;

    @BeforeEach
    void aPersonInPsyDurandsGroup() {
        personRef = newId();
        enrolmentId = enrolInNewGroup(personRef).of(personRef);
    }

    private Map<String, Object> valid() {
        return who5Body(personRef, enrolmentId, Timepoint.BASELINE, 14);
    }

    private Map<String, Object> with(String key, Object value) {
        Map<String, Object> body = new LinkedHashMap<>(valid());
        if (value == null) {
            body.remove(key);
        } else {
            body.put(key, value);
        }
        return body;
    }

    private void assertNothingWritten() {
        assertThat(storedResponses(personRef)).isZero();
        assertThat(due(personRef, DueSchedule.dueId(enrolmentId, "who-5", Timepoint.BASELINE), PSY)
                        .get("status")
                        .asString())
                .isEqualTo("DUE");
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(post("/api/responses", PSY, "{\"questionnaireId\": \"who-5\", "), 400, "malformed-json");
        assertProblem(post("/api/responses", PSY, "[1, 2]"), 400, "invalid-body");
        assertProblem(post("/api/responses", PSY, ""), 400, "missing-body");
        assertNothingWritten();
    }

    @Test
    void missingOrMalformedFieldsAreABadRequestNamingThem() {
        HttpResponse<String> noAnswers = record(PSY, with("answers", null));
        assertProblem(noAnswers, 400, "validation-failed");
        assertThat(json(noAnswers).get("errors").toString()).contains("answers");
        HttpResponse<String> noTerritory = record(PSY, with("territory", null));
        assertProblem(noTerritory, 400, "validation-failed");
        assertThat(json(noTerritory).get("errors").toString()).contains("territory");
        assertProblem(record(PSY, with("personRef", "Jean Dupont")), 400, "validation-failed");
        assertProblem(record(PSY, with("enrolmentId", "42")), 400, "validation-failed");
        assertProblem(record(PSY, with("version", 0)), 400, "validation-failed");
        HttpResponse<String> wrongTimepoint = record(PSY, with("timepoint", "LATER"));
        assertThat(wrongTimepoint.statusCode()).as(wrongTimepoint.body()).isEqualTo(400);
        assertThat(wrongTimepoint.body()).contains("FOLLOW_UP_3M");
        assertNothingWritten();
    }

    @Test
    void anUnknownQuestionnaireOrVersionIsUnprocessable() {
        HttpResponse<String> unknown = record(PSY, with("questionnaireId", "wemwbs"));
        assertProblem(unknown, 422, "unknown-questionnaire");
        assertThat(json(unknown).get("questionnaireId").asString()).isEqualTo("wemwbs");
        HttpResponse<String> version = record(PSY, with("version", 7));
        assertProblem(version, 422, "unknown-questionnaire");
        assertThat(json(version).get("versions").toString()).isEqualTo("[1]");
        assertNothingWritten();
    }

    @Test
    void missingExtraAndInvalidAnswersAreUnprocessableListingEveryFault() {
        Map<String, Object> answers = who5(3, 3, 3, 3, 3);
        answers.remove("calm");
        answers.put("rested", 6);
        answers.put("interest", "often");
        answers.put("sleep", 2);

        HttpResponse<String> response = record(PSY, with("answers", answers));

        assertProblem(response, 422, "invalid-answers");
        JsonNode faults = json(response).get("faults");
        assertThat(faults).hasSize(4);
        assertThat(List.of(faults.get(0), faults.get(1), faults.get(2), faults.get(3)))
                .extracting(fault ->
                        fault.get("item").asString() + ":" + fault.get("fault").asString())
                .containsExactly(
                        "calm:missing", "rested:invalid-value", "interest:invalid-value", "sleep:unknown-item");
        assertThat(json(response).get("detail").asString()).contains("4 answers are wrong");
        assertProblem(record(PSY, with("answers", Map.of())), 422, "invalid-answers");
        assertNothingWritten();
    }

    @Test
    void aPersonsQuestionnaireWithoutThePersonOrAnEnrolmentOrAtAnotherTimeIsUnprocessable() {
        assertProblem(record(PSY, with("personRef", null)), 422, "person-required");
        assertProblem(record(PSY, with("timepoint", null)), 422, "timepoint-required");
        Map<String, Object> satisfaction = body(
                "questionnaireId",
                "workshop-satisfaction",
                "personRef",
                personRef,
                "territory",
                BIEVRE,
                "answers",
                satisfaction("workshop-satisfaction", 3));
        assertProblem(record(PSY, satisfaction), 422, "enrolment-required");
        satisfaction.put("enrolmentId", enrolmentId);
        satisfaction.put("timepoint", "BASELINE");
        assertProblem(record(PSY, satisfaction), 422, "timepoint-not-allowed");
        assertNothingWritten();
    }

    @Test
    void aProfessionalsOwnQuestionnaireAboutAPersonIsUnprocessable() {
        HttpResponse<String> response = record(
                PSY,
                body(
                        "questionnaireId",
                        "professional-satisfaction",
                        "personRef",
                        personRef,
                        "territory",
                        BIEVRE,
                        "answers",
                        satisfaction("professional-satisfaction", 3)));

        assertProblem(response, 422, "not-about-a-person");
        assertThat(get("/api/responses", PSY).body()).doesNotContain("professional-satisfaction");
        assertNothingWritten();
    }

    @Test
    void aTerritoryTheCallerDoesNotWorkOnIsUnprocessable() {
        HttpResponse<String> response = record(PSY, with("territory", "lyon-nord"));

        assertProblem(response, 422, "territory-not-covered");
        assertNothingWritten();
    }

    @Test
    void anUnknownDueOrADueOfAnotherTimepointIsRefused() {
        assertProblem(record(PSY, with("dueId", newId())), 404, "not-found");
        String baselineDue = DueSchedule.dueId(enrolmentId, "who-5", Timepoint.BASELINE);
        // The body says BASELINE, as the due: it answers it.
        HttpResponse<String> matching = record(PSY, with("dueId", baselineDue));
        assertThat(matching.statusCode()).as(matching.body()).isEqualTo(201);
        HttpResponse<String> otherTime = record(
                PSY,
                body(
                        "questionnaireId",
                        "who-5",
                        "dueId",
                        baselineDue,
                        "timepoint",
                        "END",
                        "territory",
                        BIEVRE,
                        "answers",
                        who5Raw(10)));
        assertProblem(otherTime, 422, "due-mismatch");
        assertThat(json(otherTime).get("fields").toString()).isEqualTo("[\"timepoint\"]");
        assertThat(storedResponses(personRef)).isEqualTo(1);
    }

    @Test
    void aBodyWithTooManyAnswersIsABadRequest() {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 0; i < 201; i++) {
            answers.put("item-" + i, 1);
        }

        assertProblem(record(PSY, with("answers", answers)), 400, "validation-failed");
        assertNothingWritten();
    }
}
