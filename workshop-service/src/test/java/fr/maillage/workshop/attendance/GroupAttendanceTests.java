package fr.maillage.workshop.attendance;

import static fr.maillage.workshop.attendance.Mark.ABSENT;
import static fr.maillage.workshop.attendance.Mark.EXCUSED;
import static fr.maillage.workshop.attendance.Mark.PRESENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import fr.maillage.workshop.attendance.AttendanceEvent.ParticipantDisengaged;
import fr.maillage.workshop.attendance.AttendanceEvent.SessionHeld;
import fr.maillage.workshop.attendance.GroupAttendance.Recording;
import fr.maillage.workshop.attendance.SessionRoster.Participant;
import fr.maillage.workshop.attendance.SessionRoster.Roster;
import fr.maillage.workshop.attendance.SessionRoster.RosterSession;
import fr.maillage.workshop.schedule.SessionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GroupAttendanceTests {

    private static final Instant FIRST = Instant.parse("2026-12-01T13:00:00Z");
    private static final Duration EARLY = Duration.ofMinutes(30);
    private static final DisengagementPolicy POLICY = new DisengagementPolicy(2);

    private final String groupId = UUID.randomUUID().toString();
    private final Participant anna = participant("msp-bievre");
    private final Participant bruno = participant("epsm-bievre");
    private final Participant chloe =
            new Participant(UUID.randomUUID().toString(), UUID.randomUUID().toString(), null, null);

    private static Participant participant(String referrerInstitution) {
        return new Participant(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                "referral-" + UUID.randomUUID(),
                referrerInstitution);
    }

    /** Five entries a week apart: group, individual, group, individual, group. */
    private Roster roster(String status) {
        List<RosterSession> sessions = new ArrayList<>();
        for (int number = 1; number <= 5; number++) {
            Instant startsAt = FIRST.plus(Duration.ofDays(7L * (number - 1)));
            sessions.add(new RosterSession(
                    number,
                    number % 2 == 1 ? SessionKind.GROUP : SessionKind.INDIVIDUAL,
                    startsAt,
                    startsAt.plus(Duration.ofHours(2)),
                    List.of("psy", "ide")));
        }
        return new Roster(
                groupId,
                "programme-1",
                "lieu-dit",
                "bievre",
                status,
                List.of("psy", "ide"),
                sessions,
                List.of(anna, bruno, chloe));
    }

    private final Roster running = roster("RUNNING");

    private static Instant during(int session) {
        return FIRST.plus(Duration.ofDays(7L * (session - 1))).plus(Duration.ofHours(1));
    }

    private static PersonMark mark(Participant participant, Mark mark) {
        return new PersonMark(participant.personRef(), mark);
    }

    private Recording record(GroupAttendance attendance, int session, PersonMark... marks) {
        return attendance.record(running, session, List.of(marks), POLICY, EARLY, during(session));
    }

    @Test
    void aRecordingKeepsMarksByEnrolmentAndTellsTheCountsOnly() {
        GroupAttendance attendance = GroupAttendance.of(groupId);

        Recording recording = record(attendance, 1, mark(anna, PRESENT), mark(bruno, EXCUSED), mark(chloe, ABSENT));

        assertThat(recording.changed()).isTrue();
        assertThat(recording.session().marks())
                .containsEntry(anna.enrolmentId(), PRESENT)
                .containsEntry(bruno.enrolmentId(), EXCUSED)
                .containsEntry(chloe.enrolmentId(), ABSENT)
                .hasSize(3);
        assertThat(recording.session().revision()).isEqualTo(1);
        assertThat(recording.events())
                .singleElement()
                .isEqualTo(new SessionHeld(
                        groupId,
                        "programme-1",
                        "lieu-dit",
                        "bievre",
                        1,
                        SessionKind.GROUP,
                        FIRST,
                        3,
                        1,
                        1,
                        1,
                        1,
                        during(1)));
    }

    @Test
    void someoneNotEnrolledRefusesTheWholeRecording() {
        GroupAttendance attendance = GroupAttendance.of(groupId);
        String stranger = UUID.randomUUID().toString();

        assertThatThrownBy(() -> record(attendance, 1, mark(anna, PRESENT), new PersonMark(stranger, ABSENT)))
                .isInstanceOfSatisfying(AttendanceRuleViolation.class, violation -> {
                    assertThat(violation.rule()).isEqualTo("not-enrolled");
                    assertThat(violation.getMessage()).contains(stranger);
                    assertThat(violation.details()).containsEntry("personRefs", List.of(stranger));
                });
        assertThat(attendance.sessions()).isEmpty();
        assertThat(attendance.engagementOf(anna.enrolmentId())).isEqualTo(Engagement.NONE);
    }

    @Test
    void aCorrectionReplacesOnlyTheMarksGivenAndRaisesTheRevision() {
        GroupAttendance attendance = GroupAttendance.of(groupId);
        record(attendance, 1, mark(anna, ABSENT), mark(bruno, PRESENT));

        Recording correction = record(attendance, 1, mark(anna, EXCUSED), mark(chloe, PRESENT));

        assertThat(correction.session().revision()).isEqualTo(2);
        assertThat(correction.session().marks())
                .containsEntry(anna.enrolmentId(), EXCUSED)
                .containsEntry(bruno.enrolmentId(), PRESENT)
                .containsEntry(chloe.enrolmentId(), PRESENT);
        assertThat(correction.events())
                .singleElement()
                .asInstanceOf(type(SessionHeld.class))
                .satisfies(held -> {
                    assertThat(held.revision()).isEqualTo(2);
                    assertThat(held.present()).isEqualTo(2);
                    assertThat(held.excused()).isEqualTo(1);
                    assertThat(held.absent()).isZero();
                });
    }

    @Test
    void recordingTheSameMarksAgainChangesNothing() {
        GroupAttendance attendance = GroupAttendance.of(groupId);
        record(attendance, 1, mark(anna, ABSENT), mark(bruno, PRESENT));

        Recording again = record(attendance, 1, mark(bruno, PRESENT), mark(anna, ABSENT));

        assertThat(again.changed()).isFalse();
        assertThat(again.events()).isEmpty();
        assertThat(again.session().revision()).isEqualTo(1);
    }

    @Test
    void twoAbsencesAcrossAGroupSessionAndAnIndividualSlotDisengageOnce() {
        GroupAttendance attendance = GroupAttendance.of(groupId);
        record(attendance, 1, mark(anna, ABSENT), mark(bruno, PRESENT));

        Recording second = record(attendance, 2, mark(anna, ABSENT), mark(bruno, ABSENT));

        assertThat(second.events()).hasSize(2);
        assertThat(second.events().get(0)).isInstanceOf(SessionHeld.class);
        assertThat(second.events().get(1))
                .isEqualTo(new ParticipantDisengaged(
                        groupId,
                        "programme-1",
                        "lieu-dit",
                        "bievre",
                        anna.enrolmentId(),
                        anna.referralId(),
                        anna.personRef(),
                        "msp-bievre",
                        1,
                        2,
                        during(2)));
        assertThat(attendance.engagementOf(anna.enrolmentId()).open()).isTrue();

        Recording corrected = record(attendance, 2, mark(anna, EXCUSED));
        Recording back = record(attendance, 2, mark(anna, ABSENT));
        Recording third = record(attendance, 3, mark(anna, ABSENT));

        assertThat(List.of(corrected, back, third))
                .flatMap(Recording::events)
                .noneMatch(ParticipantDisengaged.class::isInstance);
    }

    @Test
    void sessionsRecordedOutOfOrderAreEvaluatedInStartOrder() {
        GroupAttendance attendance = GroupAttendance.of(groupId);
        record(attendance, 3, mark(anna, ABSENT));
        record(attendance, 1, mark(anna, PRESENT));

        Recording second = attendance.record(running, 2, List.of(mark(anna, ABSENT)), POLICY, EARLY, during(3));

        assertThat(second.events()).hasAtLeastOneElementOfType(ParticipantDisengaged.class);
        assertThat(attendance.sessions()).extracting(SessionAttendance::number).containsExactly(1, 2, 3);
    }

    @Test
    void aParticipantEnrolledWithoutReferralIsDisengagedWithoutReferrer() {
        GroupAttendance attendance = GroupAttendance.of(groupId);
        record(attendance, 1, mark(chloe, ABSENT));

        Recording second = record(attendance, 2, mark(chloe, ABSENT));

        assertThat(second.events().get(1))
                .asInstanceOf(type(ParticipantDisengaged.class))
                .satisfies(disengaged -> {
                    assertThat(disengaged.referralId()).isNull();
                    assertThat(disengaged.referrerInstitution()).isNull();
                });
    }

    @Test
    void aSessionCanBeRecordedFromHalfAnHourBeforeItStarts() {
        GroupAttendance attendance = GroupAttendance.of(groupId);
        Instant start = FIRST.plus(Duration.ofDays(14));

        assertThatThrownBy(() -> attendance.record(
                        running, 3, List.of(mark(anna, PRESENT)), POLICY, EARLY, start.minus(Duration.ofMinutes(31))))
                .isInstanceOfSatisfying(AttendanceRuleViolation.class, violation -> {
                    assertThat(violation.rule()).isEqualTo("session-not-started");
                    assertThat(violation.details())
                            .containsEntry("recordableFrom", start.minus(EARLY).toString());
                });
        assertThat(attendance
                        .record(
                                running,
                                3,
                                List.of(mark(anna, PRESENT)),
                                POLICY,
                                EARLY,
                                start.minus(Duration.ofMinutes(30)))
                        .changed())
                .isTrue();
    }

    @Test
    void onlyAnOpenOrRunningGroupTakesAttendance() {
        for (String status : List.of("PLANNED", "CANCELLED", "COMPLETED")) {
            GroupAttendance attendance = GroupAttendance.of(groupId);
            assertThatThrownBy(() -> attendance.record(
                            roster(status), 1, List.of(mark(anna, PRESENT)), POLICY, EARLY, during(1)))
                    .isInstanceOfSatisfying(AttendanceRuleViolation.class, violation -> {
                        assertThat(violation.rule()).isEqualTo("group-not-active");
                        assertThat(violation.details()).containsEntry("currentState", status);
                    });
        }
        assertThat(GroupAttendance.of(groupId)
                        .record(roster("OPEN"), 1, List.of(mark(anna, PRESENT)), POLICY, EARLY, during(1))
                        .changed())
                .isTrue();
    }

    @Test
    void noMarksOrAPersonTwiceIsABadRecording() {
        GroupAttendance attendance = GroupAttendance.of(groupId);

        assertThatThrownBy(() -> record(attendance, 1))
                .isInstanceOfSatisfying(
                        AttendanceRuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo("no-marks"));
        assertThatThrownBy(() -> record(attendance, 1, mark(anna, PRESENT), mark(anna, ABSENT)))
                .isInstanceOfSatisfying(AttendanceRuleViolation.class, violation -> {
                    assertThat(violation.rule()).isEqualTo("duplicate-marks");
                    assertThat(violation.details()).containsEntry("personRefs", List.of(anna.personRef()));
                });
        assertThatThrownBy(() -> record(attendance, 9, mark(anna, PRESENT)))
                .isInstanceOfSatisfying(
                        AttendanceRuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo("unknown-session"));
        assertThat(attendance.sessions()).isEmpty();
    }

    @Test
    void theLedgerCountsPresencesAtGroupSessionsOnly() {
        GroupAttendance attendance = GroupAttendance.of(groupId);
        record(attendance, 1, mark(anna, PRESENT), mark(bruno, PRESENT), mark(chloe, ABSENT));
        record(attendance, 2, mark(anna, PRESENT), mark(bruno, PRESENT));
        record(attendance, 3, mark(anna, PRESENT), mark(bruno, EXCUSED));

        assertThat(attendance.groupSessionsAttended())
                .containsEntry(anna.enrolmentId(), 2)
                .containsEntry(bruno.enrolmentId(), 1)
                .doesNotContainKey(chloe.enrolmentId())
                .hasSize(2);
    }
}
