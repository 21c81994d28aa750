package fr.maillage.workshop.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.events.EventOutbox;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.testing.EventSchemas;
import fr.maillage.workshop.attendance.AttendanceEvent.ParticipantDisengaged;
import fr.maillage.workshop.attendance.AttendanceEvent.SessionHeld;
import fr.maillage.workshop.schedule.SessionKind;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AttendanceMessagesTests {

    private static final Instant NOW = Instant.parse("2026-12-08T14:30:00.123Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AttendanceMessages messages = new AttendanceMessages(EventOutbox.standalone());
    private final String groupId = UUID.randomUUID().toString();
    private final GroupAttendance attendance = GroupAttendance.of(groupId);

    private SessionHeld held() {
        return new SessionHeld(
                groupId,
                "programme-1",
                "lieu-dit",
                "bievre",
                2,
                SessionKind.INDIVIDUAL,
                Instant.parse("2026-12-08T13:00:00Z"),
                8,
                5,
                1,
                2,
                3,
                NOW);
    }

    private ParticipantDisengaged disengaged(String referralId, String referrerInstitution) {
        return new ParticipantDisengaged(
                groupId,
                "programme-1",
                "lieu-dit",
                "bievre",
                UUID.randomUUID().toString(),
                referralId,
                UUID.randomUUID().toString(),
                referrerInstitution,
                1,
                2,
                NOW);
    }

    private OutboundEvent appended(AttendanceEvent event) {
        messages.append(attendance, event);
        return attendance.pendingEvents().getLast();
    }

    @Test
    void sessionHeldMatchesItsSchemaAndCarriesCountsOnly() {
        OutboundEvent event = appended(held());

        assertThat(event.type()).isEqualTo("fr.maillage.workshop.session-held.v1");
        EventSchemas.assertValid(event.type(), JSON.writeValueAsString(event.data()));
        assertThat(event.subject()).isEqualTo(groupId);
        assertThat(event.territory()).isEqualTo("bievre");
        assertThat(event.audience()).containsExactly("lieu-dit");
        assertThat(event.data())
                .containsEntry("kind", "INDIVIDUAL")
                .containsEntry("startsAt", "2026-12-08T13:00:00Z")
                .containsEntry("revision", 3)
                .containsEntry("recordedAt", "2026-12-08T14:30:00.123Z")
                .doesNotContainKeys("personRef", "enrolmentId", "marks");
    }

    @Test
    void participantDisengagedMatchesItsSchemaAndGoesToTheProgrammeAndTheReferrer() {
        OutboundEvent event = appended(disengaged("referral-1", "msp-bievre"));

        assertThat(event.type()).isEqualTo("fr.maillage.workshop.participant-disengaged.v1");
        EventSchemas.assertValid(event.type(), JSON.writeValueAsString(event.data()));
        assertThat(event.subject()).isEqualTo(groupId);
        assertThat(event.audience()).containsExactlyInAnyOrder("lieu-dit", "msp-bievre");
        // The names alert-service's WorkshopEventsListener reads.
        assertThat(event.data())
                .containsKeys(
                        "groupId",
                        "personRef",
                        "territory",
                        "episode",
                        "enrolmentId",
                        "consecutiveAbsences",
                        "disengagedAt")
                .containsEntry("episode", 1)
                .containsEntry("consecutiveAbsences", 2)
                .containsEntry("disengagedAt", "2026-12-08T14:30:00.123Z");
    }

    @Test
    void aParticipantEnrolledByACoordinatorHasANullReferralAndNoReferrerInTheAudience() {
        OutboundEvent event = appended(disengaged(null, null));

        EventSchemas.assertValid(event.type(), JSON.writeValueAsString(event.data()));
        assertThat(event.data()).containsEntry("referralId", null);
        assertThat(event.audience()).containsExactly("lieu-dit");
    }

    @Test
    void theSchemasRefuseANameOrTheMarksSneakingIn() {
        String withName = """
                {"groupId":"%s","programmeId":"p","territory":"bievre","enrolmentId":"%s","referralId":null,
                 "personRef":"%s","episode":1,"consecutiveAbsences":2,"disengagedAt":"2026-12-08T14:30:00Z",
                 "familyName":"Dupont"}""".formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        String withMarks = """
                {"groupId":"%s","programmeId":"p","territory":"bievre","sessionNumber":1,"kind":"GROUP",
                 "startsAt":"2026-12-08T13:00:00Z","enrolled":2,"present":1,"excused":0,"absent":1,"revision":1,
                 "recordedAt":"2026-12-08T14:30:00Z","marks":{"x":"ABSENT"}}""".formatted(UUID.randomUUID());

        assertThat(EventSchemas.violations("fr.maillage.workshop.participant-disengaged.v1", withName))
                .isNotEmpty();
        assertThat(EventSchemas.violations("fr.maillage.workshop.session-held.v1", withMarks))
                .isNotEmpty();
    }

    @Test
    void theDisengagementSchemaWantsAnEpisodeOfAtLeastOne() {
        String episodeZero = """
                {"groupId":"%s","programmeId":"p","territory":"bievre","enrolmentId":"%s","referralId":"r",
                 "personRef":"%s","episode":0,"consecutiveAbsences":2,"disengagedAt":"2026-12-08T14:30:00Z"}""".formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        assertThat(EventSchemas.violations("fr.maillage.workshop.participant-disengaged.v1", episodeZero))
                .isNotEmpty();
    }
}
