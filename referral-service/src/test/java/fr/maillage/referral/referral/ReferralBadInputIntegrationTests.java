package fr.maillage.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every refused request is a problem (never a 500, never a stack trace) and leaves nothing behind: the
 * referrals, persons and consents collections keep their counts, and a referral keeps its state.
 */
class ReferralBadInputIntegrationTests extends ReferralIntegrationSupport {

    // ---- submission ----

    @Test
    void malformedJsonIsABadRequest() {
        JsonNode problem = assertRefused("{\"person\": {\"familyName\": ", 400, "malformed-json");
        assertThat(problem.path("detail").asString()).doesNotContain("tools.jackson");
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
    void aPersonGivenBothByPersonRefAndByIdentityIsABadRequest() {
        Map<String, Object> body = validBody(registerWorkshop());
        Map<String, Object> both = new LinkedHashMap<>(person("Dupont", "Marie", "1987-04-12"));
        both.put("personRef", UUID.randomUUID().toString());
        body.put("person", both);

        JsonNode problem = assertRefused(json(body), 400, null);
        assertThat(problem.toString()).contains("personRef");
    }

    @Test
    void aBirthDateInTheFutureOrMalformedIsABadRequest() {
        Map<String, Object> future = validBody(registerWorkshop());
        future.put("person", person("Dupont", "Marie", "2999-01-01"));
        Map<String, Object> malformed = validBody(registerWorkshop());
        malformed.put("person", person("Dupont", "Marie", "12/04/1987"));

        assertThat(assertRefused(json(future), 400, null).toString()).contains("birthDate");
        assertRefused(json(malformed), 400, null);
    }

    @Test
    void aMalformedContactIsABadRequest() {
        Map<String, Object> body = validBody(registerWorkshop());
        Map<String, Object> person = new LinkedHashMap<>(person("Dupont", "Marie", "1987-04-12"));
        person.put("email", "not an email");
        body.put("person", person);

        assertThat(assertRefused(json(body), 400, null).toString()).contains("email");
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
        Map<String, Object> onlyAnId = validBody(registerWorkshop());
        onlyAnId.put("consent", Map.of("consentId", UUID.randomUUID().toString()));

        assertRefused(json(refused), 422, "consent-required");
        assertRefused(json(missing), 422, "consent-required");
        // A new identity has no consent on record: looking for one would already register the person.
        assertRefused(json(onlyAnId), 422, "consent-required");
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
        deactivate(resourceId);

        assertRefused(json(validBody(resourceId)), 422, "resource-inactive");
    }

    // ---- the loop's steps ----

    @Test
    void anUnknownDeclineReasonIsABadRequestNamingTheAcceptedValues() {
        String id = refer("dr-martin", registerWorkshop()).path("id").asString();

        JsonNode problem = assertStepRefused(
                id, "decline", "coord-bievre", json(Map.of("reason", "TOO_BUSY")), 400, null, "SUBMITTED");
        assertThat(problem.toString()).contains("reason").contains("NO_CAPACITY");
    }

    @Test
    void otherWithoutACommentIsABadRequest() {
        String id = refer("dr-martin", registerWorkshop()).path("id").asString();
        String other = registerWorkshop();

        assertStepRefused(
                id, "decline", "coord-bievre", json(Map.of("reason", "OTHER")), 400, "comment-required", "SUBMITTED");
        assertStepRefused(
                id,
                "decline",
                "coord-bievre",
                json(Map.of("reason", "OTHER", "comment", "   ")),
                400,
                "comment-required",
                "SUBMITTED");
        assertStepRefused(
                id,
                "redirection",
                "coord-bievre",
                json(Map.of("resourceId", other, "reason", "OTHER", "consent", Map.of("given", true))),
                400,
                "comment-required",
                "SUBMITTED");
    }

    @Test
    void aDeclineWithoutReasonAndMalformedJsonAreBadRequests() {
        String id = refer("dr-martin", registerWorkshop()).path("id").asString();

        assertStepRefused(id, "decline", "coord-bievre", json(Map.of("comment", "non")), 400, null, "SUBMITTED");
        assertStepRefused(id, "decline", "coord-bievre", null, 400, null, "SUBMITTED");
        assertStepRefused(id, "decline", "coord-bievre", "{\"reason\": \"NO_", 400, "malformed-json", "SUBMITTED");
        assertStepRefused(id, "redirection", "coord-bievre", "{", 400, "malformed-json", "SUBMITTED");
        assertStepRefused(id, "cancellation", "dr-martin", json(Map.of("reason", " ")), 400, null, "SUBMITTED");
        assertStepRefused(id, "cancellation", "dr-martin", null, 400, null, "SUBMITTED");
    }

    @Test
    void aRedirectionToAnUnknownInactiveOrTheSameResourceIsRefused() {
        String resourceId = registerWorkshop();
        String id = refer("dr-martin", resourceId).path("id").asString();
        String inactive = registerWorkshop();
        deactivate(inactive);

        assertStepRefused(
                id,
                "redirection",
                "coord-bievre",
                json(redirection(UUID.randomUUID().toString())),
                422,
                "unknown-resource",
                "SUBMITTED");
        assertStepRefused(
                id, "redirection", "coord-bievre", json(redirection(inactive)), 422, "resource-inactive", "SUBMITTED");
        assertStepRefused(
                id, "redirection", "coord-bievre", json(redirection(resourceId)), 422, "same-resource", "SUBMITTED");
    }

    @Test
    void aRedirectionToAnInstitutionTheConsentDoesNotCoverNeedsConsentGiven() {
        String id = refer("dr-martin", registerWorkshop()).path("id").asString();
        String elsewhere = registerResource("CMP", "epsm-bievre");
        Map<String, Object> withoutConsent = new LinkedHashMap<>(redirection(elsewhere));
        withoutConsent.remove("consent");
        Map<String, Object> refused = new LinkedHashMap<>(redirection(elsewhere));
        refused.put("consent", Map.of("given", false));

        assertStepRefused(
                id, "redirection", "coord-bievre", json(withoutConsent), 422, "consent-required", "SUBMITTED");
        assertStepRefused(id, "redirection", "coord-bievre", json(refused), 422, "consent-required", "SUBMITTED");
    }

    @Test
    void aFirstContactInTheFutureOrBeforeTheReferralIsRefused() {
        String id = refer("dr-martin", registerWorkshop()).path("id").asString();
        stepOk(id, "acceptance", "coord-bievre", null);

        assertStepRefused(
                id,
                "first-contact",
                "coord-bievre",
                json(Map.of("at", Instant.now().plusSeconds(86_400).toString())),
                422,
                "invalid-first-contact-time",
                "ACCEPTED");
        assertStepRefused(
                id,
                "first-contact",
                "coord-bievre",
                json(Map.of("at", "2020-01-01T00:00:00Z")),
                422,
                "invalid-first-contact-time",
                "ACCEPTED");
        assertStepRefused(id, "first-contact", "coord-bievre", json(Map.of("at", "yesterday")), 400, null, "ACCEPTED");
    }

    @Test
    void aStaleIfMatchWritesNothing() {
        String id = refer("dr-martin", registerWorkshop()).path("id").asString();
        String other = registerWorkshop();

        HttpResponse<String> stale = post(
                "/api/referrals/" + id + "/redirection",
                token("coord-bievre"),
                json(redirection(other)),
                "If-Match",
                "\"3\"");

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
    }

    @Test
    void listingNeedsExactlyOneScopeAndValidParameters() {
        assertListRefused("/api/referrals", "scope-required");
        assertListRefused("/api/referrals?mine=true&incoming=true", "scope-required");
        assertListRefused("/api/referrals?mine=true&status=LOST", "invalid-parameter");
        assertListRefused("/api/referrals?mine=true&size=1000", null);
        assertListRefused("/api/referrals?mine=true&page=-1", null);
        assertListRefused("/api/referrals?territory=Bi%C3%A8vre!", null);
    }

    private void assertListRefused(String path, String slug) {
        HttpResponse<String> response = get(path, token("coord-bievre"));
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(400);
        if (slug != null) {
            assertThat(json(response).path("type").asString()).isEqualTo("urn:maillage:problem:" + slug);
        }
    }

    private static Map<String, Object> redirection(String resourceId) {
        return Map.of("resourceId", resourceId, "reason", "NO_CAPACITY", "consent", Map.of("given", true));
    }

    private Map<String, Object> validBody(String resourceId) {
        return new LinkedHashMap<>(
                referral(person("Badinput-" + UUID.randomUUID(), "Marie", "1987-04-12"), resourceId, "suivi"));
    }

    private JsonNode assertRefused(String body, int status, String slug) {
        return assertNothingWritten(() -> post("/api/referrals", token("dr-martin"), body), status, slug);
    }

    private JsonNode assertStepRefused(
            String id, String step, String who, String body, int status, String slug, String state) {
        JsonNode problem =
                assertNothingWritten(() -> post("/api/referrals/" + id + "/" + step, token(who), body), status, slug);
        JsonNode referral = json(get("/api/referrals/" + id, token("admin")));
        assertThat(referral.path("status").asString()).isEqualTo(state);
        return problem;
    }

    private JsonNode assertNothingWritten(Supplier<HttpResponse<String>> request, int status, String slug) {
        long referrals = count("referrals");
        long persons = count("persons");
        long consents = count("consents");

        HttpResponse<String> response = request.get();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        if (slug != null) {
            assertThat(problem.path("type").asString()).isEqualTo("urn:maillage:problem:" + slug);
        }
        assertThat(response.body()).doesNotContain("Exception", "at fr.maillage");
        assertThat(count("referrals")).isEqualTo(referrals);
        assertThat(count("persons")).isEqualTo(persons);
        assertThat(count("consents")).isEqualTo(consents);
        return problem;
    }
}
