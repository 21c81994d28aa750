package fr.maillage.referral.resource;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.referral.ReferralServiceTestSupport;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The directory over HTTP: registration, reading, who may do which, and bad input. */
class ResourceIntegrationTests extends ReferralServiceTestSupport {

    @Test
    void aRegisteredResourceIsActiveAndReadableAtItsLocation() {
        HttpResponse<String> created = post(
                "/api/resources", token("coord-bievre"), json(resource("WORKSHOP_PROGRAMME", "lieu-dit", "bievre")));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(body.path("status").asString()).isEqualTo("ACTIVE");
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/resources/" + body.path("id").asString());
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");

        HttpResponse<String> read = get(location, token("partner-dac"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).path("name").asString()).isEqualTo("Atelier santé mentale et travail");
        assertThat(json(read).path("communes").get(0).asString()).isEqualTo("38260");
    }

    @ParameterizedTest(name = "{0} registers a bievre resource -> {1}")
    @CsvSource({
        "admin, 201",
        "coord-bievre, 201",
        "coord-lyon, 403",
        "dr-martin, 403",
        "psy-durand, 403",
        "copil-bievre, 403",
        "partner-epsm, 403"
    })
    void whoMayRegisterAResource(String who, int expected) {
        HttpResponse<String> response =
                post("/api/resources", token(who), json(resource("CMP", "epsm-bievre", "bievre")));

        assertThat(response.statusCode()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} reads a resource")
    @ValueSource(
            strings = {
                "admin",
                "coord-bievre",
                "coord-lyon",
                "dr-martin",
                "psy-durand",
                "ide-bernard",
                "copil-bievre",
                "partner-epsm",
                "partner-dac"
            })
    void everyStaffMemberAndPartnerReadsTheDirectory(String who) {
        String id = registerWorkshop();

        assertThat(get("/api/resources/" + id, token(who)).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownResourceIsNotFoundAndAnonymousReadersAreRefused() {
        assertThat(get("/api/resources/" + UUID.randomUUID(), token("admin")).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/resources/" + registerWorkshop(), null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void badResourcesAreProblemsAndNothingIsWritten() {
        long before = mongo.getCollection("resources").countDocuments();
        Map<String, Object> wrongType = new LinkedHashMap<>(resource("CMP", "lieu-dit", "bievre"));
        wrongType.put("type", "SPA");
        Map<String, Object> noName = new LinkedHashMap<>(resource("CMP", "lieu-dit", "bievre"));
        noName.remove("name");
        Map<String, Object> badCommune = new LinkedHashMap<>(resource("CMP", "lieu-dit", "bievre"));
        badCommune.put("communes", java.util.List.of("Grenoble"));

        for (String body : new String[] {"{\"name\": ", json(wrongType), json(noName), json(badCommune)}) {
            HttpResponse<String> response = post("/api/resources", token("admin"), body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(mongo.getCollection("resources").countDocuments()).isEqualTo(before);
    }
}
