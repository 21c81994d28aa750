package fr.maillage.referral.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.localstack.oidc.DemoUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Facilitators join a person's care team from workshop-service's real events ({@code group-opened.v1}
 * names them, {@code enrolment-confirmed.v1} names the person), in either order.
 */
class CareTeamFromWorkshopIntegrationTests extends PersonTestSupport {

    private static final String GROUP_OPENED = "fr.maillage.workshop.group-opened.v1";
    private static final String ENROLMENT_CONFIRMED = "fr.maillage.workshop.enrolment-confirmed.v1";
    private static final String PSY_DURAND = DemoUsers.PSY_DURAND_ID.toString();
    private static final String IDE_BERNARD = DemoUsers.IDE_BERNARD_ID.toString();

    private void groupOpened(String groupId) {
        playWorkshop(
                GROUP_OPENED,
                groupId,
                "lieu-dit",
                Map.of(
                        "groupId",
                        groupId,
                        "programmeId",
                        UUID.randomUUID().toString(),
                        "territory",
                        "bievre",
                        "capacity",
                        8,
                        "facilitatorIds",
                        List.of(PSY_DURAND, IDE_BERNARD)));
    }

    private void enrolmentConfirmed(String groupId, String personRef) {
        playWorkshop(
                ENROLMENT_CONFIRMED,
                groupId,
                "lieu-dit msp-bievre",
                Map.of(
                        "enrolmentId",
                        UUID.randomUUID().toString(),
                        "groupId",
                        groupId,
                        "programmeId",
                        UUID.randomUUID().toString(),
                        "referralId",
                        UUID.randomUUID().toString(),
                        "personRef",
                        personRef,
                        "territory",
                        "bievre",
                        "confirmedAt",
                        "2026-11-23T10:00:00Z"));
    }

    @Test
    void theFacilitatorsOfTheGroupAPersonIsConfirmedInJoinTheirCareTeam() {
        String personRef = registerNew("dr-martin");
        String groupId = UUID.randomUUID().toString();
        assertThat(readIdentity(personRef, "psy-durand", "préparer l'atelier").statusCode())
                .isEqualTo(404);

        groupOpened(groupId);
        enrolmentConfirmed(groupId, personRef);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> readIdentity(personRef, "psy-durand", "preparer l'atelier")
                                .statusCode()
                        == 200);
        assertThat(readIdentity(personRef, "ide-bernard", "preparer l'atelier").statusCode())
                .isEqualTo(200);
        JsonNode team = json(get("/api/persons/" + personRef + "/care-team", token("psy-durand")));
        assertThat(team)
                .filteredOn(member -> member.path("role").asString().equals("FACILITATOR"))
                .extracting(member -> member.path("professionalId").asString())
                .containsExactlyInAnyOrder(PSY_DURAND, IDE_BERNARD);
        assertThat(team)
                .filteredOn(member -> member.path("role").asString().equals("FACILITATOR"))
                .allSatisfy(member -> {
                    assertThat(member.path("institution").asString()).isEqualTo("lieu-dit");
                    assertThat(member.path("territory").asString()).isEqualTo("bievre");
                    assertThat(member.path("source").asString()).isEqualTo("workshop-group:" + groupId);
                });
    }

    @Test
    void aConfirmationHeardBeforeTheGroupsOpeningStillBringsTheFacilitators() {
        String personRef = registerNew("dr-martin");
        String groupId = UUID.randomUUID().toString();

        enrolmentConfirmed(groupId, personRef);
        groupOpened(groupId);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> readIdentity(personRef, "ide-bernard", "atelier").statusCode() == 200);
    }

    @Test
    void aConfirmationReplayedOrForAPersonNotInTheRegistryChangesNothingElse() {
        String personRef = registerNew("dr-martin");
        String groupId = UUID.randomUUID().toString();

        groupOpened(groupId);
        enrolmentConfirmed(groupId, UUID.randomUUID().toString());
        enrolmentConfirmed(groupId, personRef);
        enrolmentConfirmed(groupId, personRef);
        groupOpened(groupId);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> readIdentity(personRef, "psy-durand", "atelier").statusCode() == 200);
        // Same key, so one partition: a marker played after the replays is applied after them.
        String marker = registerNew("dr-martin");
        enrolmentConfirmed(groupId, marker);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> readIdentity(marker, "psy-durand", "atelier").statusCode() == 200);
        assertThat(json(get("/api/persons/" + personRef + "/care-team", token("dr-martin"))))
                .filteredOn(member -> member.path("role").asString().equals("FACILITATOR"))
                .hasSize(2);
    }
}
