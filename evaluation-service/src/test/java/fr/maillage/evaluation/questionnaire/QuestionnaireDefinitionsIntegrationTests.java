package fr.maillage.evaluation.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The definitions are read by every member of staff; partners' systems are refused; unknown ones do not exist. */
class QuestionnaireDefinitionsIntegrationTests extends QuestionnaireIntegrationSupport {

    @Test
    void everyMemberOfStaffListsTheQuestionnaires() {
        for (String staff : List.of("coord-bievre", "copil-bievre", MARTIN, PSY, "admin")) {
            HttpResponse<String> response = get("/api/questionnaires", staff);
            assertThat(response.statusCode()).as(staff).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            json(response).get("items").forEach(item -> ids.add(item.get("id").asString()));
            assertThat(ids).containsExactly("professional-satisfaction", "who-5", "workshop-satisfaction");
        }
    }

    @Test
    void aQuestionnaireIsReadWholeInItsLatestOrAGivenVersion() {
        HttpResponse<String> latest = get("/api/questionnaires/who-5", "copil-bievre");
        HttpResponse<String> first = get("/api/questionnaires/who-5?version=1", MARTIN);

        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(latest.body());
        JsonNode who5 = json(latest);
        assertThat(who5.get("version").asInt()).isEqualTo(1);
        assertThat(who5.get("versions").toString()).isEqualTo("[1]");
        assertThat(who5.get("items")).hasSize(5);
        assertThat(who5.get("items").get(0).get("text").asString())
                .isEqualTo("I have felt cheerful and in good spirits");
        assertThat(who5.get("items").get(0).get("options")).hasSize(6);
        assertThat(who5.get("scoring").get("percentMultiplier").asDouble()).isEqualTo(4.0);
        assertThat(who5.get("maxRaw").asInt()).isEqualTo(25);
        assertThat(who5.get("bands").get(0).get("code").asString()).isEqualTo("POOR_WELLBEING");
        assertThat(who5.get("licence").asString()).contains("public domain");
        assertThat(who5.get("labels").get("fr").get("items").get("calm").asString())
                .isEqualTo("Je me suis senti(e) calme et tranquille");
    }

    @Test
    void anUnknownQuestionnaireOrVersionDoesNotExist() {
        assertProblem(get("/api/questionnaires/csq-8", "coord-bievre"), 404, "not-found");
        assertProblem(get("/api/questionnaires/who-5?version=2", "coord-bievre"), 404, "not-found");
        assertProblem(get("/api/questionnaires/who-5?version=0", "coord-bievre"), 400, "validation-failed");
    }

    @Test
    void partnersSystemsAreRefusedAndAnonymousCallersUnauthorised() {
        assertProblem(get("/api/questionnaires", PARTNER_EPSM), 403, "forbidden");
        assertProblem(get("/api/questionnaires/who-5", "partner-dac"), 403, "forbidden");
        assertThat(get("/api/questionnaires", null).statusCode()).isEqualTo(401);
        assertProblem(get("/api/questionnaires/due", PSY), 400, "bad-request");
    }
}
