package fr.maillage.workshop.group;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.workshop.WorkshopIntegrationSupport;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** Bad input answers a 4xx problem and writes nothing. */
class GroupInputIntegrationTests extends WorkshopIntegrationSupport {

    @Autowired
    MongoTemplate mongo;

    private String programmeId;

    @BeforeEach
    void aBievreProgramme() {
        programmeId = registerProgramme();
    }

    @Test
    void oneFacilitatorIsRefusedNamingTheRule() {
        HttpResponse<String> response = open("""
                {"programmeId":"%s","capacity":8,"facilitators":["%s"]}""".formatted(programmeId, PSY_DURAND));

        assertProblem(response, 400, "urn:maillage:problem:two-distinct-facilitators");
        assertThat(json(response).get("detail").asString()).contains("exactly two distinct facilitators");
    }

    @Test
    void theSameFacilitatorTwiceIsRefusedNamingTheRule() {
        HttpResponse<String> response = open("""
                {"programmeId":"%s","capacity":8,"facilitators":["%s","%s"]}""".formatted(programmeId, PSY_DURAND, PSY_DURAND));

        assertProblem(response, 400, "urn:maillage:problem:two-distinct-facilitators");
    }

    @Test
    void threeFacilitatorsAreRefused() {
        HttpResponse<String> response = open("""
                {"programmeId":"%s","capacity":8,"facilitators":["%s","%s","x"]}""".formatted(programmeId, PSY_DURAND, IDE_BERNARD));

        assertProblem(response, 400, "urn:maillage:problem:two-distinct-facilitators");
    }

    @Test
    void capacityZeroOrAboveFiftyIsRefused() {
        assertProblem(open(groupBody(programmeId, 0)), 400, null);
        assertProblem(open(groupBody(programmeId, 51)), 400, null);
    }

    @Test
    void malformedJsonIsRefused() {
        assertProblem(open("{\"programmeId\":\"" + programmeId + "\",\"capacity\":"), 400, null);
    }

    @Test
    void aMissingOrMistypedFieldIsRefused() {
        assertProblem(open("""
                {"capacity":8,"facilitators":["%s","%s"]}""".formatted(PSY_DURAND, IDE_BERNARD)), 400, null);
        assertProblem(open("""
                {"programmeId":"%s","capacity":"eight","facilitators":["%s","%s"]}""".formatted(programmeId, PSY_DURAND, IDE_BERNARD)), 400, null);
        assertProblem(open("""
                {"programmeId":"%s","capacity":8}""".formatted(programmeId)), 400, null);
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
