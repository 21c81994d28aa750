package fr.maillage.evaluation.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.evaluation.questionnaire.DueSchedule.Due;
import fr.maillage.evaluation.questionnaire.QuestionnaireDue.DueAnnounced;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A due is announced once, when its time has come, and never once answered. */
class QuestionnaireDueTests {

    private static final Instant DUE_AT = Instant.parse("2027-02-20T16:00:00Z");

    private final String enrolmentId = UUID.randomUUID().toString();
    private final Due followUp = new Due(
            DueSchedule.dueId(enrolmentId, "who-5", Timepoint.FOLLOW_UP_3M),
            "who-5",
            Timepoint.FOLLOW_UP_3M,
            UUID.randomUUID().toString(),
            enrolmentId,
            UUID.randomUUID().toString(),
            "bievre",
            DUE_AT);

    private QuestionnaireDue scheduled() {
        return QuestionnaireDue.schedule(followUp, Set.of("msp-bievre", "lieu-dit"), DUE_AT.minusSeconds(86_400 * 90));
    }

    @Test
    void aDueIsNotAnnouncedBeforeItsTimeAndIsAnnouncedOnceFromThen() {
        QuestionnaireDue due = scheduled();

        assertThat(due.announce(DUE_AT.minusMillis(1))).isEmpty();
        assertThat(due.announce(DUE_AT))
                .contains(new DueAnnounced(
                        followUp.dueId(),
                        "who-5",
                        Timepoint.FOLLOW_UP_3M,
                        followUp.personRef(),
                        enrolmentId,
                        followUp.groupId(),
                        "bievre",
                        List.of("lieu-dit", "msp-bievre"),
                        DUE_AT));
        assertThat(due.announcedAt()).isEqualTo(DUE_AT);
        assertThat(due.announce(DUE_AT.plusSeconds(60))).isEmpty();
        assertThat(due.status()).isEqualTo(DueStatus.DUE);
    }

    @Test
    void aDueAnsweredBeforeItsTimeIsNeverAnnounced() {
        QuestionnaireDue due = scheduled();
        String responseId = UUID.randomUUID().toString();

        due.answeredBy(responseId, DUE_AT.minusSeconds(3600));

        assertThat(due.status()).isEqualTo(DueStatus.ANSWERED);
        assertThat(due.responseId()).isEqualTo(responseId);
        assertThat(due.announce(DUE_AT.plusSeconds(1))).isEmpty();
    }

    @Test
    void aNewDueIsDueWithItsDeterministicIdAndNothingToPublish() {
        QuestionnaireDue due = scheduled();

        assertThat(due.id()).isEqualTo(followUp.dueId());
        assertThat(due.status()).isEqualTo(DueStatus.DUE);
        assertThat(due.announcedAt()).isNull();
        assertThat(due.pendingEvents()).isEmpty();
        assertThat(due.version()).isNull();
    }
}
