package fr.maillage.workshop.group;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.workshop.WorkshopIntegrationSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Role x endpoint, and scope: out of one's territory or group answers 404, never the data. */
class GroupAuthorisationIntegrationTests extends WorkshopIntegrationSupport {

    private String programmeId;

    @BeforeEach
    void aBievreProgramme() {
        programmeId = registerProgramme();
    }

    @ParameterizedTest(name = "{0} opening a group of a bievre programme -> {1}")
    @CsvSource({
        "coord-bievre, 201",
        "admin, 201",
        "coord-lyon, 404",
        "dr-martin, 403",
        "psy-durand, 403",
        "ide-bernard, 403",
        "copil-bievre, 403",
        "partner-epsm, 403",
        "partner-dac, 403"
    })
    void openingAGroup(String who, int status) {
        HttpResponse<String> response = post("/api/workshops/groups", who, groupBody(programmeId, 8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void openingAGroupWithoutATokenIs401() {
        assertThat(post("/api/workshops/groups", null, groupBody(programmeId, 8))
                        .statusCode())
                .isEqualTo(401);
    }

    @ParameterizedTest(name = "{0} reading a bievre group facilitated by psy-durand and ide-bernard -> {1}")
    @CsvSource({
        "coord-bievre, 200",
        "admin, 200",
        "psy-durand, 200",
        "ide-bernard, 200",
        "coord-lyon, 404",
        "dr-martin, 404",
        "copil-bievre, 404",
        "partner-epsm, 404",
        "partner-dac, 404"
    })
    void readingAGroup(String who, int status) {
        String groupId = openGroup(programmeId, 8);

        HttpResponse<String> response = get("/api/workshops/groups/" + groupId, who);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (status == 200) {
            assertThat(json(response).get("id").asString()).isEqualTo(groupId);
            assertThat(response.headers().firstValue("ETag")).isPresent();
        } else {
            assertThat(response.body()).doesNotContain(programmeId);
        }
    }

    @Test
    void aFacilitatorSeesOnlyTheGroupsTheyFacilitate() {
        String other = "6f1c1a3e-0001-4000-8000-0000000000aa";
        String groupId =
                schedule(groupBody(programmeId, 8, facilitators(PSY_DURAND, other), freshVenue(), nextFirstSession()));

        assertThat(get("/api/workshops/groups/" + groupId, "psy-durand").statusCode())
                .isEqualTo(200);
        assertThat(get("/api/workshops/groups/" + groupId, "ide-bernard").statusCode())
                .isEqualTo(404);
    }

    @Test
    void readingAGroupWithoutATokenIs401() {
        String groupId = openGroup(programmeId, 8);

        assertThat(get("/api/workshops/groups/" + groupId, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aLyonProgrammeIsOutOfScopeForTheBievreCoordinatorButNotForLyonsOrTheAdmin() {
        String lyonProgramme = registerResource("WORKSHOP_PROGRAMME", "ptsm-lyon", "lyon-nord");

        assertThat(post("/api/workshops/groups", "coord-bievre", groupBody(lyonProgramme, 8))
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> lyon = post("/api/workshops/groups", "coord-lyon", groupBody(lyonProgramme, 8));
        assertThat(lyon.statusCode()).isEqualTo(201);
        String lyonGroup = json(lyon).get("id").asString();
        assertThat(get("/api/workshops/groups/" + lyonGroup, "coord-bievre").statusCode())
                .isEqualTo(404);
        assertThat(get("/api/workshops/groups/" + lyonGroup, "coord-lyon").statusCode())
                .isEqualTo(200);
        assertThat(post("/api/workshops/groups", "admin", groupBody(lyonProgramme, 8))
                        .statusCode())
                .isEqualTo(201);
    }
}
