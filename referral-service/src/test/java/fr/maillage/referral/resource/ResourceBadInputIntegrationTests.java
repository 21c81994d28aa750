package fr.maillage.referral.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Bad input to the directory: a 4xx problem that says what is wrong, never a 500, and nothing written. */
class ResourceBadInputIntegrationTests extends DirectoryTestSupport {

    private static final String MALFORMED = "{\"name\": ";

    private static String changed(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = new LinkedHashMap<>(cmp("CMP adultes", "bievre"));
        change.accept(body);
        return json(body);
    }

    private static List<String> badResources() {
        return List.of(
                MALFORMED,
                "[]",
                changed(body -> body.put("type", "SPA")),
                changed(body -> body.remove("type")),
                changed(body -> body.remove("name")),
                changed(body -> body.put("name", " ")),
                changed(body -> body.put("communes", List.of("Grenoble"))),
                changed(body -> body.put("institution", "EPSM Bièvre")),
                changed(body -> {
                    body.put("minimumAge", 65);
                    body.put("maximumAge", 18);
                }),
                changed(body -> body.put("minimumAge", -1)),
                changed(body -> body.put("maximumAge", 200)),
                changed(body -> body.put("minimumAge", "adulte")),
                changed(body -> body.put("status", "CLOSED")),
                changed(body -> body.put("contact", Map.of("email", "pas-un-email"))),
                changed(body -> body.put("contact", Map.of("website", "javascript:alert(1)"))),
                changed(body -> body.put("languages", List.of(""))),
                changed(body -> body.put("capacity", Map.of("available", 5, "maximum", 2))),
                changed(body -> body.put("capacity", Map.of("available", -1))),
                changed(body -> body.put("capacity", Map.of("maximum", 3))));
    }

    @Test
    void aBadResourceIsAProblemAndNothingIsPublished() {
        long before = mongo.getCollection("resources").countDocuments();

        for (String body : badResources()) {
            assertProblem(post("/api/resources", token("admin"), body), 400, body);
        }
        assertThat(mongo.getCollection("resources").countDocuments()).isEqualTo(before);
    }

    @Test
    void minimumAgeAboveMaximumAgeIsNamedInTheProblem() {
        JsonNode problem = assertProblem(
                post("/api/resources", token("admin"), changed(body -> {
                    body.put("minimumAge", 65);
                    body.put("maximumAge", 18);
                })),
                400,
                "ages");

        assertThat(problem.toString()).contains("minimumAge must not be greater than maximumAge");
    }

    @Test
    void anUnknownTypeIsNamedWithTheAcceptedValues() {
        JsonNode problem = assertProblem(
                post("/api/resources", token("admin"), changed(body -> body.put("type", "SPA"))), 400, "type");

        assertThat(problem.path("acceptedValues").toString()).contains("CMP", "MOBILE_CRISIS_TEAM");
    }

    @Test
    void aBadDescriptionChangesNothing() {
        String id = publishBievreCmp();
        Document before = settled(id);

        for (String body : badResources()) {
            if (body.contains("capacity")) {
                continue; // capacity is ignored by PUT
            }
            assertProblem(put("/api/resources/" + id, token("admin"), body, "If-Match", "\"0\""), 400, body);
        }
        assertThat(stored(id)).isEqualTo(before);
    }

    @Test
    void aDescriptionWithoutIfMatchIsRefusedAndAStaleOneTooAndNothingIsWritten() {
        String id = publishBievreCmp();
        String body = changed(change -> change.put("name", "CMP renommé"));
        assertThat(put("/api/resources/" + id, token("coord-bievre"), body, "If-Match", "\"0\"")
                        .statusCode())
                .isEqualTo(200);
        Document before = settled(id);

        JsonNode missing = assertProblem(put("/api/resources/" + id, token("coord-bievre"), body), 428, "no If-Match");
        JsonNode stale = assertProblem(
                put(
                        "/api/resources/" + id,
                        token("coord-bievre"),
                        changed(c -> c.put("name", "Autre")),
                        "If-Match",
                        "\"0\""),
                412,
                "stale If-Match");

        assertThat(missing.path("type").asString()).isEqualTo("urn:maillage:problem:precondition-required");
        assertThat(stale.path("type").asString()).isEqualTo("urn:maillage:problem:stale-version");
        assertThat(stale.path("currentETag").asString()).isEqualTo("\"1\"");
        assertThat(stored(id)).isEqualTo(before);
    }

    @Test
    void capacityNeedsTheCurrentETagAndPossibleCountsAndOtherwiseWritesNothing() {
        String id = publishBievreCmp();
        Document before = settled(id);
        String path = "/api/resources/" + id + "/capacity";
        String admin = token("admin");

        assertProblem(put(path, admin, json(Map.of("available", 2))), 428, "no If-Match");
        assertProblem(put(path, admin, json(Map.of("available", 2)), "If-Match", "\"7\""), 412, "stale If-Match");
        assertProblem(put(path, admin, json(Map.of("available", 2)), "If-Match", "not-an-etag"), 412, "not an ETag");
        assertProblem(put(path, admin, json(Map.of("available", 5, "maximum", 2)), "If-Match", "\"0\""), 400, "5 of 2");
        assertProblem(put(path, admin, json(Map.of("available", -1)), "If-Match", "\"0\""), 400, "negative");
        assertProblem(put(path, admin, json(Map.of("maximum", 4)), "If-Match", "\"0\""), 400, "no available");
        assertProblem(put(path, admin, "{\"available\": ", "If-Match", "\"0\""), 400, "malformed");
        assertProblem(put(path, admin, json(Map.of("available", "plenty")), "If-Match", "\"0\""), 400, "not a number");

        assertThat(stored(id)).isEqualTo(before);
    }

    @Test
    void aStaleVerificationIsRefusedAndWritesNothing() {
        String id = publishBievreCmp();
        Document before = settled(id);

        assertProblem(
                post("/api/resources/" + id + "/verification", token("admin"), null, "If-Match", "\"3\""),
                412,
                "stale If-Match");

        assertThat(stored(id)).isEqualTo(before);
        assertThat(post("/api/resources/" + id + "/verification", token("admin"), null, "If-Match", "\"0\"")
                        .statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "GET /api/resources?{0} -> 400")
    @ValueSource(
            strings = {
                "type=SPA",
                "status=CLOSED",
                "age=-1",
                "age=121",
                "age=trente",
                "available=peut-etre",
                "stale=maybe",
                "commune=Grenoble",
                "territory=Bi%C3%A8vre",
                "page=-1",
                "size=0",
                "size=101"
            })
    void aBadSearchIsAProblem(String query) {
        assertProblem(get("/api/resources?" + query, token("dr-martin")), 400, query);
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String what) {
        assertThat(response.statusCode()).as(what + " -> " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .as(what)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        return json(response);
    }
}
