package fr.maillage.referral.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may do what in the directory, endpoint by endpoint: everyone authenticated reads and searches;
 * admins and coordinators of the territory publish, describe and verify; the resource's institution
 * also tells its capacity. A refusal writes nothing.
 */
class ResourceAuthorisationIntegrationTests extends DirectoryTestSupport {

    @ParameterizedTest(name = "{0} searches and reads the directory")
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
    void everyStaffMemberAndPartnerSearchesAndReadsTheDirectory(String who) {
        String id = registerWorkshop();

        assertThat(get("/api/resources/" + id, token(who)).statusCode()).isEqualTo(200);
        assertThat(get("/api/resources?type=WORKSHOP_PROGRAMME&commune=38260", token(who))
                        .statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} publishes a bievre resource -> {1}")
    @CsvSource({
        "admin, 201",
        "coord-bievre, 201",
        "coord-lyon, 403",
        "dr-martin, 403",
        "psy-durand, 403",
        "ide-bernard, 403",
        "copil-bievre, 403",
        "partner-epsm, 403",
        "partner-dac, 403"
    })
    void whoMayPublishAResource(String who, int expected) {
        long before = mongo.getCollection("resources").countDocuments();

        HttpResponse<String> response = post("/api/resources", token(who), json(cmp("CMP " + who, "bievre")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        assertThat(mongo.getCollection("resources").countDocuments()).isEqualTo(before + (expected == 201 ? 1 : 0));
    }

    @Test
    void aCoordinatorPublishesOnlyInTheTerritoriesTheyCoordinate() {
        assertThat(post("/api/resources", token("coord-bievre"), json(cmp("CMP Lyon", "lyon-nord")))
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/api/resources", token("coord-lyon"), json(cmp("CMP Lyon", "lyon-nord")))
                        .statusCode())
                .isEqualTo(201);
    }

    @ParameterizedTest(name = "{0} describes a bievre resource -> {1}")
    @CsvSource({
        "admin, 200",
        "coord-bievre, 200",
        "coord-lyon, 403",
        "dr-martin, 403",
        "psy-durand, 403",
        "copil-bievre, 403",
        "partner-epsm, 403",
        "partner-dac, 403"
    })
    void whoMayDescribeAResource(String who, int expected) {
        String id = publishBievreCmp();
        Document before = settled(id);

        HttpResponse<String> response = put(
                "/api/resources/" + id, token(who), json(cmp("CMP renommé par " + who, "bievre")), "If-Match", "\"0\"");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (expected != 200) {
            assertThat(stored(id)).isEqualTo(before);
        }
    }

    @Test
    void aCoordinatorCannotMoveAResourceIntoATerritoryTheyDoNotCoordinate() {
        String id = publishBievreCmp();
        Document before = settled(id);

        HttpResponse<String> moved =
                put("/api/resources/" + id, token("coord-bievre"), json(cmp("CMP", "lyon-nord")), "If-Match", "\"0\"");

        assertThat(moved.statusCode()).isEqualTo(403);
        assertThat(stored(id)).isEqualTo(before);
        assertThat(put("/api/resources/" + id, token("admin"), json(cmp("CMP", "lyon-nord")), "If-Match", "\"0\"")
                        .statusCode())
                .isEqualTo(200);
        // Now in lyon-nord: bievre's coordinator no longer has a say, lyon's has.
        assertThat(put(
                                "/api/resources/" + id,
                                token("coord-bievre"),
                                json(cmp("CMP 2", "lyon-nord")),
                                "If-Match",
                                "\"1\"")
                        .statusCode())
                .isEqualTo(403);
        assertThat(put(
                                "/api/resources/" + id,
                                token("coord-lyon"),
                                json(cmp("CMP 2", "lyon-nord")),
                                "If-Match",
                                "\"1\"")
                        .statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} verifies a bievre resource -> {1}")
    @CsvSource({
        "admin, 200",
        "coord-bievre, 200",
        "coord-lyon, 403",
        "dr-martin, 403",
        "psy-durand, 403",
        "copil-bievre, 403",
        "partner-epsm, 403",
        "partner-dac, 403"
    })
    void whoMayVerifyAResource(String who, int expected) {
        String id = publishBievreCmp();
        Document before = settled(id);

        HttpResponse<String> response = post("/api/resources/" + id + "/verification", token(who), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (expected != 200) {
            assertThat(stored(id)).isEqualTo(before);
        } else {
            assertThat(stored(id).getString("lastVerifiedBy")).isEqualTo(subOf(who));
        }
    }

    @ParameterizedTest(name = "{1} tells the capacity of a resource of {0} -> {2}")
    @CsvSource({
        "epsm-bievre, admin, 200",
        "epsm-bievre, coord-bievre, 200",
        "epsm-bievre, partner-epsm, 200",
        "epsm-bievre, coord-lyon, 403",
        "epsm-bievre, partner-dac, 403",
        "epsm-bievre, dr-martin, 403",
        "epsm-bievre, copil-bievre, 403",
        "msp-bievre, dr-martin, 200",
        "msp-bievre, ide-bernard, 200",
        "msp-bievre, partner-epsm, 403",
        "lieu-dit, psy-durand, 200",
        "lieu-dit, ide-bernard, 403"
    })
    void whoMayTellTheCapacityOfAResource(String institution, String who, int expected) {
        Map<String, Object> body = cmp("Ressource " + UUID.randomUUID(), "bievre");
        body.put("institution", institution);
        String id = publish("coord-bievre", body).path("id").asString();
        Document before = settled(id);

        HttpResponse<String> response = put(
                "/api/resources/" + id + "/capacity",
                token(who),
                json(Map.of("available", 1, "maximum", 8)),
                "If-Match",
                "\"0\"");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (expected != 200) {
            assertThat(stored(id)).isEqualTo(before);
        }
    }

    @Test
    void anonymousCallersAreRefusedEverywhere() {
        String id = publishBievreCmp();
        Document before = settled(id);
        long count = mongo.getCollection("resources").countDocuments();

        assertThat(get("/api/resources", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/resources/" + id, null).statusCode()).isEqualTo(401);
        assertThat(post("/api/resources", null, json(cmp("CMP", "bievre"))).statusCode())
                .isEqualTo(401);
        assertThat(put("/api/resources/" + id, null, json(cmp("CMP", "bievre")), "If-Match", "\"0\"")
                        .statusCode())
                .isEqualTo(401);
        assertThat(post("/api/resources/" + id + "/verification", null, null).statusCode())
                .isEqualTo(401);
        assertThat(put("/api/resources/" + id + "/capacity", null, json(Map.of("available", 1)), "If-Match", "\"0\"")
                        .statusCode())
                .isEqualTo(401);
        assertThat(stored(id)).isEqualTo(before);
        assertThat(mongo.getCollection("resources").countDocuments()).isEqualTo(count);
    }
}
