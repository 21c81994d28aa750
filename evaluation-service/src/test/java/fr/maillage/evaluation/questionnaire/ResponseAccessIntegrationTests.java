package fr.maillage.evaluation.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.evaluation.period.Period;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Responses are scored on the server, and a person's answers exist only for their care team: the
 * facilitators of the person's groups, the clinicians and facilitators of the institutions their referrals
 * name. For everyone else (another clinician, coordinators, steering, admins, partners) they do not exist:
 * 404. Roles that never record a person's answers are refused (403). A professional's own answers are theirs
 * alone.
 */
class ResponseAccessIntegrationTests extends QuestionnaireIntegrationSupport {

    @Test
    void theFacilitatorsOfThePersonsGroupRecordAndReadTheWho5ScoredOnTheServer() {
        String personRef = newId();
        Enrolments enrolments = enrolInNewGroup(personRef);
        String enrolmentId = enrolments.of(personRef);

        JsonNode recorded = recorded(PSY, who5Body(personRef, enrolmentId, Timepoint.BASELINE, 12));

        assertThat(recorded.get("questionnaireId").asString()).isEqualTo("who-5");
        assertThat(recorded.get("version").asInt()).isEqualTo(1);
        assertThat(recorded.get("timepoint").asString()).isEqualTo("BASELINE");
        JsonNode score = recorded.get("score");
        assertThat(score.get("raw").asInt()).isEqualTo(12);
        assertThat(score.get("percent").asDouble()).isEqualTo(48.0);
        assertThat(score.get("band").asString()).isEqualTo("POOR_WELLBEING");
        assertThat(score.get("flag").asBoolean()).isTrue();
        String responseId = recorded.get("responseId").asString();

        // The other facilitator reads it, whole.
        HttpResponse<String> read = get("/api/responses/" + responseId, IDE);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode response = json(read);
        assertThat(response.get("personRef").asString()).isEqualTo(personRef);
        assertThat(response.get("enrolmentId").asString()).isEqualTo(enrolmentId);
        assertThat(response.get("respondent").asString()).isEqualTo("PERSON");
        assertThat(response.get("recordedBy").asString()).isEqualTo(PSY_DURAND);
        assertThat(response.get("answers").get("cheerful").asInt()).isEqualTo(5);
        assertThat(response.get("answers").get("calm").asInt()).isEqualTo(5);
        assertThat(response.get("answers").get("active").asInt()).isEqualTo(2);
        assertThat(response.get("score").get("raw").asInt()).isEqualTo(12);
        String baselineDue = DueSchedule.dueId(enrolmentId, "who-5", Timepoint.BASELINE);
        assertThat(response.get("dueId").asString()).isEqualTo(baselineDue);
        // The person's list, and the due it answered.
        HttpResponse<String> list = get("/api/responses?personRef=" + personRef, PSY);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(texts(toList(json(list).get("items")), "responseId")).containsExactly(responseId);
        JsonNode due = due(personRef, baselineDue, PSY);
        assertThat(due.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(due.get("responseId").asString()).isEqualTo(responseId);
        // Once only per enrolment and timepoint.
        HttpResponse<String> again = record(IDE, who5Body(personRef, enrolmentId, Timepoint.BASELINE, 20));
        assertProblem(again, 409, "already-answered");
        assertThat(json(again).get("responseId").asString()).isEqualTo(responseId);
        assertThat(storedResponses(personRef)).isEqualTo(1);
    }

    @Test
    void theCliniciansOfAnInstitutionAReferralAboutThePersonNamesAreInTheCareTeam() {
        String personRef = personReferredByMspBievre();

        JsonNode recorded = recorded(MARTIN, who5Body(personRef, null, Timepoint.BASELINE, 13));

        assertThat(recorded.get("score").get("band").asString()).isEqualTo("ADEQUATE");
        assertThat(recorded.get("score").get("flag").asBoolean()).isFalse();
        assertThat(recorded.get("score").get("percent").asDouble()).isEqualTo(52.0);
        String responseId = recorded.get("responseId").asString();
        // ide-bernard is a clinician of msp-bievre too.
        assertThat(get("/api/responses/" + responseId, IDE).statusCode()).isEqualTo(200);
        assertThat(get("/api/responses?personRef=" + personRef, IDE).statusCode())
                .isEqualTo(200);
        // Without an enrolment, a person may answer again (a new measure).
        recorded(IDE, who5Body(personRef, null, Timepoint.BASELINE, 15));
        assertThat(storedResponses(personRef)).isEqualTo(2);
    }

    @Test
    void outsideTheCareTeamAPersonsAnswersAndDuesDoNotExist() {
        String personRef = newId();
        Enrolments enrolments = enrolInNewGroup(personRef);
        awaitConsumed(QUESTIONNAIRES_GROUP, referralSubmitted(personRef, List.of("msp-bievre", "epsm-bievre")));
        String responseId = recorded(PSY, who5Body(personRef, enrolments.of(personRef), Timepoint.BASELINE, 9))
                .get("responseId")
                .asString();
        // A person nobody knows here: the same answer as for a person whose care team you are not in.
        String stranger = newId();

        for (String outsider : List.of("coord-bievre", "copil-bievre", "admin", "coord-lyon", PARTNER_EPSM)) {
            assertProblem(get("/api/responses/" + responseId, outsider), 404, "not-found");
            assertProblem(get("/api/responses?personRef=" + personRef, outsider), 404, "not-found");
            assertProblem(get("/api/questionnaires/due?personRef=" + personRef, outsider), 404, "not-found");
        }
        for (String member : List.of(PSY, IDE, MARTIN)) {
            assertThat(get("/api/responses/" + responseId, member).statusCode())
                    .as(member)
                    .isEqualTo(200);
            assertThat(get("/api/questionnaires/due?personRef=" + personRef, member)
                            .statusCode())
                    .as(member)
                    .isEqualTo(200);
            assertProblem(get("/api/responses?personRef=" + stranger, member), 404, "not-found");
        }
        assertThat(get("/api/responses/" + responseId, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aClinicianOutsideTheCareTeamIsToldThePersonDoesNotExistAndNothingIsWritten() {
        String personRef = personReferredByMspBievre();

        // psy-durand (lieu-dit) facilitates none of the person's groups; lieu-dit is not in the referral.
        assertProblem(record(PSY, who5Body(personRef, null, Timepoint.BASELINE, 10)), 404, "not-found");
        HttpResponse<String> read = get("/api/responses?personRef=" + personRef, PSY);
        assertProblem(read, 404, "not-found");
        assertThat(storedResponses(personRef)).isZero();
    }

    @Test
    void rolesThatNeverRecordAPersonsAnswersAreRefused() {
        String personRef = personReferredByMspBievre();

        for (String refused : List.of("coord-bievre", "copil-bievre", "admin", PARTNER_EPSM)) {
            assertProblem(record(refused, who5Body(personRef, null, Timepoint.BASELINE, 10)), 403, "forbidden");
        }
        assertThat(record(null, who5Body(personRef, null, Timepoint.BASELINE, 10))
                        .statusCode())
                .isEqualTo(401);
        assertThat(storedResponses(personRef)).isZero();
    }

    @Test
    void aProfessionalAnswersTheirOwnQuestionnaireOnceAQuarterAndAloneReadsIt() {
        JsonNode recorded = recorded(
                IDE,
                body(
                        "questionnaireId",
                        "professional-satisfaction",
                        "territory",
                        BIEVRE,
                        "answers",
                        satisfaction("professional-satisfaction", 3)));

        assertThat(recorded.get("timepoint").asString())
                .as("its only timepoint")
                .isEqualTo("END");
        assertThat(recorded.get("score").get("raw").asInt()).isEqualTo(18);
        assertThat(recorded.get("score").get("percent").asDouble()).isEqualTo(66.7);
        assertThat(recorded.get("score").get("band").asString()).isEqualTo("SATISFIED");
        String responseId = recorded.get("responseId").asString();
        HttpResponse<String> again = record(
                IDE,
                body(
                        "questionnaireId",
                        "professional-satisfaction",
                        "territory",
                        BIEVRE,
                        "answers",
                        satisfaction("professional-satisfaction", 1)));
        assertProblem(again, 409, "already-answered");

        HttpResponse<String> own = get("/api/responses", IDE);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        List<JsonNode> items = toList(json(own).get("items"));
        assertThat(texts(items, "responseId")).containsExactly(responseId);
        assertThat(items.getFirst().get("respondent").asString()).isEqualTo("PROFESSIONAL");
        assertThat(items.getFirst().get("personRef").isNull()).isTrue();
        assertThat(items.getFirst().get("quarter").asString())
                .isEqualTo(Period.quarterOf(clock.instant()).code());
        assertThat(get("/api/responses/" + responseId, IDE).statusCode()).isEqualTo(200);
        for (String other : List.of(PSY, MARTIN, "coord-bievre", "copil-bievre", "admin", PARTNER_EPSM)) {
            assertProblem(get("/api/responses/" + responseId, other), 404, "not-found");
            assertThat(texts(toList(json(get("/api/responses", other)).get("items")), "responseId"))
                    .doesNotContain(responseId);
        }
        // A coordinator answers for themselves too; steering and partners do not answer it.
        assertThat(record(
                                "coord-bievre",
                                body(
                                        "questionnaireId",
                                        "professional-satisfaction",
                                        "territory",
                                        BIEVRE,
                                        "answers",
                                        satisfaction("professional-satisfaction", 2)))
                        .statusCode())
                .isEqualTo(201);
        for (String refused : List.of("copil-bievre", PARTNER_EPSM, "admin")) {
            assertProblem(
                    record(
                            refused,
                            body(
                                    "questionnaireId",
                                    "professional-satisfaction",
                                    "territory",
                                    BIEVRE,
                                    "answers",
                                    satisfaction("professional-satisfaction", 2))),
                    403,
                    "forbidden");
        }
    }

    @Test
    void theWorkshopSatisfactionIsAnsweredForAnEnrolmentAtItsEnd() {
        String personRef = newId();
        Enrolments enrolments = enrolInNewGroup(personRef);

        JsonNode recorded = recorded(
                IDE,
                body(
                        "questionnaireId",
                        "workshop-satisfaction",
                        "personRef",
                        personRef,
                        "enrolmentId",
                        enrolments.of(personRef),
                        "territory",
                        BIEVRE,
                        "answers",
                        satisfaction("workshop-satisfaction", 4)));

        assertThat(recorded.get("timepoint").asString()).isEqualTo("END");
        assertThat(recorded.get("score").get("percent").asDouble()).isEqualTo(100.0);
        assertThat(recorded.get("score").get("flag").asBoolean()).isFalse();
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }
}
