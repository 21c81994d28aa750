package fr.maillage.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.referral.ReferralServiceTestSupport;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every refused submission is a problem, and leaves no person and no referral behind. */
class ReferralBadInputIntegrationTests extends ReferralServiceTestSupport {

    @Test
    void malformedJsonIsABadRequest() {
        assertRefused("{\"person\": {\"familyName\": ", 400, null);
    }

    @Test
    void aReferralWithoutAPersonIsABadRequestNamingTheField() {
        Map<String, Object> body = validBody(registerWorkshop());
        body.remove("person");

        JsonNode problem = assertRefused(json(body), 400, null);
        assertThat(problem.toString()).contains("person");
    }

    @Test
    void anIncompletePersonIsABadRequest() {
        Map<String, Object> body = validBody(registerWorkshop());
        body.put("person", Map.of("familyName", "Dupont", "commune", "38260"));

        assertRefused(json(body), 400, null);
    }

    @Test
    void aBirthDateInTheFutureOrMalformedIsABadRequest() {
        Map<String, Object> future = validBody(registerWorkshop());
        future.put("person", person("Dupont", "Marie", "2999-01-01"));
        Map<String, Object> malformed = validBody(registerWorkshop());
        malformed.put("person", person("Dupont", "Marie", "12/04/1987"));

        assertRefused(json(future), 400, null);
        assertRefused(json(malformed), 400, null);
    }

    @Test
    void anUnknownPriorityIsABadRequestNamingTheAcceptedValues() {
        Map<String, Object> body = validBody(registerWorkshop());
        body.put("priority", "WHENEVER");

        JsonNode problem = assertRefused(json(body), 400, null);
        assertThat(problem.toString()).contains("priority").contains("ROUTINE");
    }

    @Test
    void withoutConsentThereIsNoReferral() {
        Map<String, Object> refused = validBody(registerWorkshop());
        refused.put("consent", Map.of("given", false));
        Map<String, Object> missing = validBody(registerWorkshop());
        missing.remove("consent");

        assertRefused(json(refused), 422, "consent-required");
        assertRefused(json(missing), 422, "consent-required");
    }

    @Test
    void anUnknownResourceIsUnprocessableWithAClearProblem() {
        String unknown = UUID.randomUUID().toString();

        JsonNode problem = assertRefused(json(validBody(unknown)), 422, "unknown-resource");
        assertThat(problem.path("detail").asString()).contains(unknown);
    }

    @Test
    void anInactiveResourceTakesNoReferral() {
        String resourceId = registerWorkshop();
        mongo.getCollection("resources")
                .updateOne(new Document("_id", resourceId), new Document("$set", new Document("status", "INACTIVE")));

        assertRefused(json(validBody(resourceId)), 422, "resource-inactive");
    }

    private Map<String, Object> validBody(String resourceId) {
        return new LinkedHashMap<>(
                referral(person("Badinput-" + UUID.randomUUID(), "Marie", "1987-04-12"), resourceId, "suivi"));
    }

    private JsonNode assertRefused(String body, int status, String slug) {
        long referrals = mongo.getCollection("referrals").countDocuments();
        long persons = mongo.getCollection("persons").countDocuments();

        HttpResponse<String> response = post("/api/referrals", token("dr-martin"), body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        if (slug != null) {
            assertThat(problem.path("type").asString()).isEqualTo("urn:maillage:problem:" + slug);
        }
        assertThat(response.body()).doesNotContain("Exception", "at fr.maillage");
        assertThat(mongo.getCollection("referrals").countDocuments()).isEqualTo(referrals);
        assertThat(mongo.getCollection("persons").countDocuments()).isEqualTo(persons);
        return problem;
    }
}
