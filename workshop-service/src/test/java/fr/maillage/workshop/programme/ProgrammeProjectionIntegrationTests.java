package fr.maillage.workshop.programme;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.workshop.WorkshopIntegrationSupport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The programmes projection follows the directory, idempotently and never backwards. */
class ProgrammeProjectionIntegrationTests extends WorkshopIntegrationSupport {

    private static final String PUBLISHED = "fr.maillage.referral.resource-published.v1";
    /** The directory's former name for {@code resource-published.v1}, still read. */
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

    /** The data of {@code resource-published.v1} / {@code resource-updated.v1} as the directory sends it. */
    private static Map<String, Object> directoryData(String id, String status, String timeField) {
        Map<String, Object> data = new LinkedHashMap<>(resource(id, status));
        data.put("name", "Atelier santé mentale et travail");
        data.put("minimumAge", 18);
        data.put("maximumAge", null);
        data.put("capacityAvailable", null);
        data.put("capacityMaximum", null);
        data.put(timeField, Instant.now().toString());
        return data;
    }

    @Test
    void aPublishedWorkshopProgrammeIsKeptOnceWithItsInstitutionAndTerritory() {
        String id = UUID.randomUUID().toString();
        String published =
                referralEvent(PUBLISHED, id, "bievre", Set.of("lieu-dit"), directoryData(id, "ACTIVE", "publishedAt"));

        play(id, published);
        awaitConsumed(play(id, published));

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
    void aTemporarilyClosedProgrammeTakesNoNewGroup() {
        String id = UUID.randomUUID().toString();
        play(
                id,
                referralEvent(PUBLISHED, id, "bievre", Set.of("lieu-dit"), directoryData(id, "ACTIVE", "publishedAt")));
        awaitConsumed(play(
                id,
                referralEvent(
                        UPDATED,
                        id,
                        "bievre",
                        Set.of("lieu-dit"),
                        directoryData(id, "TEMPORARILY_CLOSED", "updatedAt"))));

        assertThat(programmes.findById(id)).get().extracting(Programme::status).isEqualTo("TEMPORARILY_CLOSED");
        var response = post("/api/workshops/groups", "coord-bievre", groupBody(id, 8));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("type").asString()).isEqualTo("urn:maillage:problem:programme-not-open");
    }

    @Test
    void aProgrammeAnnouncedByAProducerNotYetUpgradedIsKeptOnceWithItsInstitutionAndTerritory() {
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
