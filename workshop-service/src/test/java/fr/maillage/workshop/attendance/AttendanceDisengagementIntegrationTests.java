package fr.maillage.workshop.attendance;

import static fr.maillage.workshop.attendance.Mark.ABSENT;
import static fr.maillage.workshop.attendance.Mark.EXCUSED;
import static fr.maillage.workshop.attendance.Mark.PRESENT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.testing.EventSchemas;
import fr.maillage.workshop.attendance.SessionRoster.Participant;
import fr.maillage.workshop.attendance.SessionRoster.Roster;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Recorded attendance reaches workshop.events.v1, and a disengagement is told once per episode. */
class AttendanceDisengagementIntegrationTests extends AttendanceIntegrationSupport {

    private static final String SESSION_HELD = "fr.maillage.workshop.session-held.v1";
    private static final String DISENGAGED = "fr.maillage.workshop.participant-disengaged.v1";

    @Autowired
    AttendanceLedger ledger;

    private static List<JsonNode> of(List<JsonNode> events, Participant participant) {
        return events.stream()
                .filter(event ->
                        event.path("data").path("enrolmentId").asString().equals(participant.enrolmentId()))
                .toList();
    }

    @Test
    void twoConsecutiveAbsencesPublishParticipantDisengagedExactlyOnce() {
        Participant anna = referred();
        Participant bruno = enrolledByACoordinator();
        Participant chloe = referred();
        Roster group = heldGroup(anna, bruno, chloe);

        recorded(group, 1, "psy-durand", marks(mark(anna, ABSENT), mark(bruno, ABSENT), mark(chloe, PRESENT)));
        assertThat(publishedEvents(group.groupId(), DISENGAGED)).isEmpty();
        recorded(group, 2, "ide-bernard", marks(mark(anna, ABSENT), mark(bruno, ABSENT), mark(chloe, ABSENT)));

        List<JsonNode> disengaged = publishedEvents(group.groupId(), DISENGAGED);
        assertThat(disengaged).hasSize(2);
        JsonNode annas = of(disengaged, anna).getFirst();
        assertThat(annas.path("subject").asString()).isEqualTo(group.groupId());
        assertThat(annas.path("territory").asString()).isEqualTo("bievre");
        assertThat(annas.path("audience").asString().split(" ")).containsExactlyInAnyOrder("lieu-dit", "msp-bievre");
        JsonNode data = annas.path("data");
        EventSchemas.assertValid(DISENGAGED, data.toString());
        assertThat(data.path("personRef").asString()).isEqualTo(anna.personRef());
        assertThat(data.path("referralId").asString()).isEqualTo(anna.referralId());
        assertThat(data.path("groupId").asString()).isEqualTo(group.groupId());
        assertThat(data.path("programmeId").asString()).isEqualTo(group.programmeId());
        assertThat(data.path("episode").asInt()).isEqualTo(1);
        assertThat(data.path("consecutiveAbsences").asInt()).isEqualTo(2);
        assertThat(data.path("disengagedAt").asString()).isNotBlank();
        // Enrolled by a coordinator: told too, with a null referral, to the programme's institution only.
        JsonNode brunos = of(disengaged, bruno).getFirst();
        EventSchemas.assertValid(DISENGAGED, brunos.path("data").toString());
        assertThat(brunos.path("data").has("referralId")).isTrue();
        assertThat(brunos.path("data").path("referralId").isNull()).isTrue();
        assertThat(brunos.path("audience").asString()).isEqualTo("lieu-dit");

        List<JsonNode> held = publishedEvents(group.groupId(), SESSION_HELD);
        assertThat(held).hasSize(2);
        held.forEach(event ->
                EventSchemas.assertValid(SESSION_HELD, event.path("data").toString()));
        JsonNode second = held.get(1).path("data");
        assertThat(second.path("sessionNumber").asInt()).isEqualTo(2);
        assertThat(second.path("kind").asString()).isEqualTo("INDIVIDUAL");
        assertThat(second.path("enrolled").asInt()).isEqualTo(3);
        assertThat(second.path("absent").asInt()).isEqualTo(3);
        assertThat(second.path("revision").asInt()).isEqualTo(1);
        assertThat(second.has("personRef")).isFalse();
    }

    @Test
    void aRetriedRecordingOrACorrectionNeverTellsTheSameEpisodeTwice() {
        Participant anna = referred();
        Roster group = heldGroup(anna);
        recorded(group, 1, "psy-durand", marks(mark(anna, ABSENT)));
        recorded(group, 2, "psy-durand", marks(mark(anna, ABSENT)));
        assertThat(publishedEvents(group.groupId(), DISENGAGED)).hasSize(1);

        JsonNode retried = recorded(group, 2, "psy-durand", marks(mark(anna, ABSENT)));
        assertThat(retried.path("revision").asInt()).isEqualTo(1);
        recorded(group, 2, "ide-bernard", marks(mark(anna, EXCUSED)));
        JsonNode corrected = recorded(group, 2, "ide-bernard", marks(mark(anna, ABSENT)));
        assertThat(corrected.path("revision").asInt()).isEqualTo(3);
        recorded(group, 3, "psy-durand", marks(mark(anna, ABSENT)));

        assertThat(publishedEvents(group.groupId(), DISENGAGED))
                .singleElement()
                .satisfies(event ->
                        assertThat(event.path("data").path("episode").asInt()).isEqualTo(1));
        assertThat(publishedEvents(group.groupId(), SESSION_HELD))
                .extracting(event -> event.path("data").path("sessionNumber").asInt() + "r"
                        + event.path("data").path("revision").asInt())
                .containsExactly("1r1", "2r1", "2r2", "2r3", "3r1");
    }

    @Test
    void comingBackThenMissingTwoMoreIsTheSecondEpisode() {
        Participant anna = referred();
        Roster group = heldGroup(anna);
        recorded(group, 1, "psy-durand", marks(mark(anna, ABSENT)));
        recorded(group, 2, "psy-durand", marks(mark(anna, ABSENT)));
        recorded(group, 3, "psy-durand", marks(mark(anna, PRESENT)));
        recorded(group, 4, "psy-durand", marks(mark(anna, ABSENT)));
        assertThat(publishedEvents(group.groupId(), DISENGAGED)).hasSize(1);

        recorded(group, 5, "psy-durand", marks(mark(anna, ABSENT)));
        // Session 3 was in fact missed too: one long run, already told by both episodes.
        recorded(group, 3, "psy-durand", marks(mark(anna, ABSENT)));

        assertThat(publishedEvents(group.groupId(), DISENGAGED))
                .extracting(event -> event.path("data").path("episode").asInt())
                .containsExactly(1, 2);
    }

    @Test
    void theLedgerCountsEachParticipantsGroupSessionsAttended() {
        Participant anna = referred();
        Participant bruno = referred();
        Roster group = heldGroup(anna, bruno);
        recorded(group, 1, "psy-durand", marks(mark(anna, PRESENT), mark(bruno, ABSENT)));
        recorded(group, 2, "psy-durand", marks(mark(anna, PRESENT), mark(bruno, PRESENT)));
        recorded(group, 3, "ide-bernard", marks(mark(anna, PRESENT), mark(bruno, PRESENT)));

        assertThat(ledger.groupSessionsAttended(group.groupId()))
                .containsEntry(anna.enrolmentId(), 2)
                .containsEntry(bruno.enrolmentId(), 1)
                .hasSize(2);
        assertThat(ledger.groupSessionsAttended(UUID.randomUUID().toString())).isEmpty();
    }
}
