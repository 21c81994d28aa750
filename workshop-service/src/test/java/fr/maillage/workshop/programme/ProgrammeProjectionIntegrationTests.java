package fr.maillage.workshop.programme;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.workshop.WorkshopIntegrationSupport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The programmes projection follows the directory, idempotently and never backwards. */
class ProgrammeProjectionIntegrationTests extends WorkshopIntegrationSupport {

    private static final String REGISTERED = "fr.maillage.referral.resource-registered.v1";
    private static final String UPDATED = "fr.maillage.referral.resource-updated.v1";

    @Autowired
    ProgrammeRepository programmes;

    private static Map<String, Object> resource(String id, String status) {
        return Map.of(
                "resourceId",
                id,
                "type",
                "WORKSHOP_PROGRAMME",
                "institution",
                "lieu-dit",
                "territory",
                "bievre",
                "communes",
                List.of("38260", "38870"),
                "status",
                status);
    }

    @Test
    void aRegisteredWorkshopProgrammeIsKeptOnceWithItsInstitutionAndTerritory() {
        String id = UUID.randomUUID().toString();
        String registered = referralEvent(REGISTERED, id, "bievre", Set.of("lieu-dit"), resource(id, "ACTIVE"));

        play(id, registered);
        awaitConsumed(play(id, registered));

        assertThat(programmes.findAll())
                .filteredOn(programme -> programme.id().equals(id))
                .singleElement()
                .satisfies(programme -> {
                    assertThat(programme.institution()).isEqualTo("lieu-dit");
                    assertThat(programme.territory()).isEqualTo("bievre");
                    assertThat(programme.status()).isEqualTo("ACTIVE");
                    assertThat(programme.communes()).containsExactly("38260", "38870");
                });
    }

    @Test
    void anInactiveProgrammeTakesNoNewGroup() {
        String id = registerProgramme();
        awaitConsumed(play(id, referralEvent(UPDATED, id, "bievre", Set.of("lieu-dit"), resource(id, "INACTIVE"))));

        var response = post("/api/workshops/groups", "coord-bievre", groupBody(id, 8));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("type").asString()).isEqualTo("urn:maillage:problem:programme-not-open");
    }

    @Test
    void anOlderDescriptionDeliveredLateDoesNotOverwriteANewerOne() {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        play(id, referralEventAt(now, UPDATED, id, "bievre", Set.of("lieu-dit"), resource(id, "INACTIVE")));
        awaitConsumed(play(
                id,
                referralEventAt(
                        now.minusSeconds(60), REGISTERED, id, "bievre", Set.of("lieu-dit"), resource(id, "ACTIVE"))));

        assertThat(programmes.findById(id)).get().extracting(Programme::status).isEqualTo("INACTIVE");
    }
}
