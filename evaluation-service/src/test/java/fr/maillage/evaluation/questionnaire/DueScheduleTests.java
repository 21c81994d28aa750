package fr.maillage.evaluation.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import fr.maillage.evaluation.period.Period;
import fr.maillage.evaluation.questionnaire.DueSchedule.Due;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a workshop enrolment's life makes due, and when. */
class DueScheduleTests {

    private final DueSchedule schedule = new DueSchedule(java.time.Period.ofMonths(3));

    private final String personRef = UUID.randomUUID().toString();
    private final String enrolmentId = UUID.randomUUID().toString();
    private final String groupId = UUID.randomUUID().toString();

    private static Instant paris(int year, int month, int day, int hour) {
        return LocalDateTime.of(year, month, day, hour, 0).atZone(Period.PARIS).toInstant();
    }

    @Test
    void aConfirmedEnrolmentMakesTheWho5BaselineDueAtOnce() {
        Instant confirmedAt = paris(2026, 10, 5, 9);

        assertThat(schedule.enrolmentConfirmed(personRef, enrolmentId, groupId, "bievre", confirmedAt))
                .containsExactly(new Due(
                        DueSchedule.dueId(enrolmentId, "who-5", Timepoint.BASELINE),
                        "who-5",
                        Timepoint.BASELINE,
                        personRef,
                        enrolmentId,
                        groupId,
                        "bievre",
                        confirmedAt));
    }

    @Test
    void aCompletedParticipantMakesBothEndQuestionnairesDueAtOnceAndTheWho5FollowUpThreeMonthsLater() {
        Instant completedAt = paris(2026, 11, 20, 17);

        List<Due> dues = schedule.participantCompleted(personRef, enrolmentId, groupId, "bievre", completedAt);

        assertThat(dues)
                .extracting(Due::questionnaireId, Due::timepoint, Due::dueAt)
                .containsExactly(
                        tuple("who-5", Timepoint.END, completedAt),
                        tuple("workshop-satisfaction", Timepoint.END, completedAt),
                        tuple("who-5", Timepoint.FOLLOW_UP_3M, paris(2027, 2, 20, 17)));
        assertThat(dues).allSatisfy(due -> {
            assertThat(due.personRef()).isEqualTo(personRef);
            assertThat(due.enrolmentId()).isEqualTo(enrolmentId);
            assertThat(due.groupId()).isEqualTo(groupId);
            assertThat(due.dueId()).isEqualTo(DueSchedule.dueId(enrolmentId, due.questionnaireId(), due.timepoint()));
        });
    }

    @Test
    void theFollowUpIsCountedInCalendarMonthsInParisAcrossSummerTimeAndShortMonths() {
        // 14:00 in Paris stays 14:00, though the offset moves from +01:00 to +02:00.
        assertThat(schedule.followUpAt(paris(2027, 1, 31, 14))).isEqualTo(paris(2027, 4, 30, 14));
        assertThat(schedule.followUpAt(paris(2026, 11, 30, 23))).isEqualTo(paris(2027, 2, 28, 23));
        assertThat(new DueSchedule(java.time.Period.ofDays(10)).followUpAt(paris(2026, 12, 25, 10)))
                .isEqualTo(paris(2027, 1, 4, 10));
    }

    @Test
    void dueIdsAreTheSameForTheSameEnrolmentQuestionnaireAndTimepointAndDifferOtherwise() {
        String baseline = DueSchedule.dueId(enrolmentId, "who-5", Timepoint.BASELINE);

        assertThat(DueSchedule.dueId(enrolmentId, "who-5", Timepoint.BASELINE)).isEqualTo(baseline);
        assertThat(UUID.fromString(baseline).toString()).isEqualTo(baseline);
        assertThat(List.of(
                        DueSchedule.dueId(enrolmentId, "who-5", Timepoint.END),
                        DueSchedule.dueId(enrolmentId, "workshop-satisfaction", Timepoint.BASELINE),
                        DueSchedule.dueId(UUID.randomUUID().toString(), "who-5", Timepoint.BASELINE)))
                .doesNotContain(baseline)
                .doesNotHaveDuplicates();
    }

    @Test
    void aFollowUpThatIsNotAfterTheEndIsRefused() {
        assertThatThrownBy(() -> new DueSchedule(java.time.Period.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DueSchedule(java.time.Period.ofMonths(-3)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
