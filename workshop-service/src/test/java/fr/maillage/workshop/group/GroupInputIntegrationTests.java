package fr.maillage.workshop.group;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.workshop.WorkshopIntegrationSupport;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Bad input answers a 4xx problem and writes nothing. */
class GroupInputIntegrationTests extends WorkshopIntegrationSupport {

    @Autowired
    MongoTemplate mongo;

    private String programmeId;

    @BeforeEach
    void aBievreProgramme() {
        programmeId = registerProgramme();
    }

    private String body(int capacity, String facilitators) {
        return groupBody(programmeId, capacity, facilitators, freshVenue(), nextFirstSession());
    }

    @Test
    void oneFacilitatorIsRefusedNamingTheRule() {
        HttpResponse<String> response = open(body(8, facilitators(PSY_DURAND)));

        assertProblem(response, 400, "urn:maillage:problem:two-distinct-facilitators");
        assertThat(json(response).get("detail").asString()).contains("exactly two distinct facilitators");
    }

    @Test
    void theSameFacilitatorTwiceIsRefusedNamingTheRule() {
        HttpResponse<String> response = open(body(8, facilitators(PSY_DURAND, PSY_DURAND)));

        assertProblem(response, 400, "urn:maillage:problem:two-distinct-facilitators");
        assertThat(json(response).get("rule").asString()).isEqualTo("two-distinct-facilitators");
    }

    @Test
    void threeFacilitatorsAreRefused() {
        HttpResponse<String> response = open(body(8, facilitators(PSY_DURAND, IDE_BERNARD, "x")));

        assertProblem(response, 400, "urn:maillage:problem:two-distinct-facilitators");
    }

    @Test
    void aFacilitatorWithoutAProfessionIsRefused() {
        assertProblem(
                open(body(
                        8,
                        "[{\"id\":\"%s\"},{\"id\":\"%s\",\"profession\":\"nurse\"}]"
                                .formatted(PSY_DURAND, IDE_BERNARD))),
                400,
                null);
        // The issue-4 body (bare ids) is refused too: a facilitator comes with a profession now.
        assertProblem(open(body(8, "[\"%s\",\"%s\"]".formatted(PSY_DURAND, IDE_BERNARD))), 400, null);
    }

    @Test
    void capacityZeroOrAboveFiftyIsRefused() {
        assertProblem(open(groupBody(programmeId, 0)), 400, null);
        assertProblem(open(groupBody(programmeId, 51)), 400, null);
    }

    @Test
    void capacityAboveTheProgrammesMaximumIsUnprocessable() {
        HttpResponse<String> response = open(groupBody(programmeId, 11));

        assertProblem(response, 422, "urn:maillage:problem:capacity-above-programme-maximum");
        assertThat(json(response).get("maxParticipants").asInt()).isEqualTo(10);
    }

    @Test
    void aFirstSessionInThePastIsUnprocessable() {
        LocalDateTime anHourAgo =
                LocalDateTime.ofInstant(clock.instant(), PARIS).minusHours(1);

        HttpResponse<String> response = open(groupBody(programmeId, 8, demoFacilitators(), freshVenue(), anHourAgo));

        assertProblem(response, 422, "urn:maillage:problem:session-in-the-past");
    }

    @Test
    void malformedJsonIsRefused() {
        assertProblem(open("{\"programmeId\":\"" + programmeId + "\",\"capacity\":"), 400, null);
    }

    @Test
    void aMissingOrMistypedFieldIsRefused() {
        String valid = groupBody(programmeId, 8);
        JsonNode fields = JSON.readTree(valid);
        for (String field : new String[] {"programmeId", "facilitators", "venue", "firstSessionAt"}) {
            assertProblem(open(without(fields, field)), 400, null);
        }
        assertProblem(open(valid.replace("\"capacity\":8", "\"capacity\":\"eight\"")), 400, null);
        assertProblem(
                open(valid.replaceAll("\"firstSessionAt\":\"[^\"]+\"", "\"firstSessionAt\":\"tomorrow\"")), 400, null);
        assertProblem(open(valid.replaceAll("\"venue\":\"[^\"]+\"", "\"venue\":\"  \"")), 400, null);
        assertProblem(open(valid.replace("}", ",\"materials\":[\"\"]}")), 400, null);
    }

    private static String without(JsonNode fields, String field) {
        ObjectNode copy = (ObjectNode) fields.deepCopy();
        copy.remove(field);
        return JSON.writeValueAsString(copy);
    }

    @Test
    void anUnknownProgrammeIsUnprocessableAndSaysItMayNotHaveArrivedYet() {
        HttpResponse<String> response = open(groupBody("not-yet-" + UUID.randomUUID(), 8));

        assertProblem(response, 422, "urn:maillage:problem:unknown-programme");
        assertThat(json(response).get("detail").asString()).contains("may not have arrived yet");
    }

    @Test
    void anUnknownGroupIsNotFound() {
        HttpResponse<String> response = get("/api/workshops/groups/" + UUID.randomUUID(), "admin");

        assertProblem(response, 404, "urn:maillage:problem:not-found");
    }

    @Test
    void anUnknownGroupSessionOrEnrolmentIsNotFoundWhateverTheAction() {
        String unknown = "/api/workshops/groups/" + UUID.randomUUID();
        assertProblem(post(unknown + "/opening", "coord-bievre", "{}"), 404, "urn:maillage:problem:not-found");
        assertProblem(
                post(unknown + "/cancellation", "coord-bievre", "{\"reason\":\"no-room\"}"),
                404,
                "urn:maillage:problem:not-found");
        assertProblem(
                post(unknown + "/enrolments", "coord-bievre", "{\"personRef\":\"p\",\"priority\":\"ROUTINE\"}"),
                404,
                "urn:maillage:problem:not-found");
        assertProblem(
                put(unknown + "/sessions/1", "coord-bievre", "{\"venue\":\"Salle B\"}"),
                404,
                "urn:maillage:problem:not-found");
    }

    private HttpResponse<String> open(String body) {
        return post("/api/workshops/groups", "coord-bievre", body);
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("type").asString()).startsWith("urn:maillage:problem:");
        if (type != null) {
            assertThat(problem.get("type").asString()).isEqualTo(type);
        }
        assertThat(response.body()).doesNotContain("Exception");
        assertThat(mongo.count(Query.query(Criteria.where("programmeId").is(programmeId)), "groups"))
                .as("nothing written")
                .isZero();
    }
}
