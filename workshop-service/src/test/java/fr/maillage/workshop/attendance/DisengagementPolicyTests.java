package fr.maillage.workshop.attendance;

import static fr.maillage.workshop.attendance.Mark.ABSENT;
import static fr.maillage.workshop.attendance.Mark.EXCUSED;
import static fr.maillage.workshop.attendance.Mark.PRESENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.workshop.attendance.DisengagementPolicy.Episode;
import fr.maillage.workshop.attendance.DisengagementPolicy.Evaluation;
import fr.maillage.workshop.attendance.DisengagementPolicy.SessionMark;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisengagementPolicyTests {

    private final DisengagementPolicy twoAbsences = new DisengagementPolicy(2);

    /**
     * Plays marks session after session (session n gets the n-th mark) as facilitators record them,
     * and returns the episodes opened along the way.
     */
    private static final class Participant {
        private final DisengagementPolicy policy;
        private final List<SessionMark> marks = new ArrayList<>();
        private Engagement engagement = Engagement.NONE;
        private final List<Episode> opened = new ArrayList<>();

        Participant(DisengagementPolicy policy) {
            this.policy = policy;
        }

        Participant attends(Mark... sessions) {
            for (Mark mark : sessions) {
                marks.add(new SessionMark(marks.size() + 1, mark));
                evaluate();
            }
            return this;
        }

        /** Corrects the mark of an earlier session. */
        Participant corrects(int session, Mark mark) {
            marks.set(session - 1, new SessionMark(session, mark));
            evaluate();
            return this;
        }

        private void evaluate() {
            Evaluation evaluation = policy.evaluate(engagement, List.copyOf(marks));
            engagement = evaluation.engagement();
            evaluation.opened().ifPresent(opened::add);
        }
    }

    private Participant participant() {
        return new Participant(twoAbsences);
    }

    @Test
    void twoConsecutiveAbsencesOpenTheFirstEpisode() {
        Participant participant = participant().attends(PRESENT, ABSENT);
        assertThat(participant.opened).isEmpty();

        participant.attends(ABSENT);

        assertThat(participant.opened).containsExactly(new Episode(1, 2));
        assertThat(participant.engagement.open()).isTrue();
        assertThat(participant.engagement.episodes()).isEqualTo(1);
    }

    @Test
    void anExcusedSessionBetweenTwoAbsencesNeitherCountsNorBreaksTheRun() {
        Participant participant = participant().attends(ABSENT, EXCUSED);
        assertThat(participant.opened).isEmpty();

        participant.attends(ABSENT);

        assertThat(participant.opened).containsExactly(new Episode(1, 2));
    }

    @Test
    void excusedSessionsAloneNeverDisengage() {
        Participant participant = participant().attends(EXCUSED, EXCUSED, EXCUSED, ABSENT);

        assertThat(participant.opened).isEmpty();
        assertThat(participant.engagement).isEqualTo(Engagement.NONE);
    }

    @Test
    void aPresenceBetweenTwoAbsencesBreaksTheRun() {
        Participant participant = participant().attends(ABSENT, PRESENT, ABSENT, PRESENT, ABSENT);

        assertThat(participant.opened).isEmpty();
    }

    @Test
    void comingBackEndsTheEpisode() {
        Participant participant = participant().attends(ABSENT, ABSENT, PRESENT);

        assertThat(participant.engagement.open()).isFalse();
        assertThat(participant.engagement.episodes()).isEqualTo(1);
        assertThat(participant.opened).hasSize(1);
    }

    @Test
    void aThirdAbsenceInTheSameEpisodeIsNotPublishedAgain() {
        Participant participant = participant().attends(ABSENT, ABSENT, ABSENT, EXCUSED, ABSENT);

        assertThat(participant.opened).containsExactly(new Episode(1, 2));
        assertThat(participant.engagement.open()).isTrue();
    }

    @Test
    void comingBackThenMissingTwoMoreOpensTheSecondEpisode() {
        Participant participant = participant().attends(ABSENT, ABSENT, PRESENT, ABSENT);
        assertThat(participant.opened).hasSize(1);

        participant.attends(ABSENT);

        assertThat(participant.opened).containsExactly(new Episode(1, 2), new Episode(2, 2));
        assertThat(participant.engagement.episodes()).isEqualTo(2);
    }

    @Test
    void theThresholdIsConfigurable() {
        Participant participant =
                new Participant(new DisengagementPolicy(3)).attends(ABSENT, ABSENT, PRESENT, ABSENT, ABSENT);
        assertThat(participant.opened).isEmpty();

        participant.attends(EXCUSED, ABSENT);

        assertThat(participant.opened).containsExactly(new Episode(1, 3));
    }

    @Test
    void withAThresholdOfOneEveryAbsenceAfterAPresenceIsAnEpisode() {
        Participant participant = new Participant(new DisengagementPolicy(1)).attends(ABSENT, ABSENT, PRESENT, ABSENT);

        assertThat(participant.opened).containsExactly(new Episode(1, 1), new Episode(2, 1));
    }

    @Test
    void aThresholdBelowOneIsRefused() {
        assertThatThrownBy(() -> new DisengagementPolicy(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordingTheSameMarksAgainDoesNotRepublish() {
        Participant participant = participant().attends(ABSENT, ABSENT);

        participant.corrects(2, ABSENT).corrects(1, ABSENT);

        assertThat(participant.opened).hasSize(1);
    }

    @Test
    void aCorrectionThatUndoesTheEpisodeThenRedoesItIsStillTheSameEpisode() {
        Participant participant = participant().attends(ABSENT, ABSENT);

        participant.corrects(2, PRESENT);
        assertThat(participant.engagement.open()).isFalse();
        participant.corrects(2, ABSENT);

        assertThat(participant.opened).containsExactly(new Episode(1, 2));
        assertThat(participant.engagement.open()).isTrue();
    }

    @Test
    void anExcuseGivenAfterwardsThenAnotherAbsenceStaysInTheSameEpisode() {
        Participant participant = participant().attends(ABSENT, ABSENT);

        participant.corrects(2, EXCUSED).attends(ABSENT);

        assertThat(participant.opened).containsExactly(new Episode(1, 2));
    }

    @Test
    void aPresenceFoundAfterwardsInTheMiddleOfAnEpisodeStillDoesNotRepublishIt() {
        Participant participant = participant().attends(ABSENT, ABSENT, ABSENT, ABSENT);

        participant.corrects(2, PRESENT);

        // Sessions 3 and 4 were already part of episode 1 when it was told.
        assertThat(participant.opened).containsExactly(new Episode(1, 2));
    }

    @Test
    void aRunAlreadyEndedByAPresenceIsHistoryEvenWhenCorrectedIntoAbsences() {
        Participant participant = participant().attends(PRESENT, PRESENT, PRESENT);

        participant.corrects(1, ABSENT).corrects(2, ABSENT);

        assertThat(participant.opened).isEmpty();
    }

    @Test
    void aLaterSessionRecordedFirstCountsInStartOrder() {
        Evaluation evaluation = twoAbsences.evaluate(
                Engagement.NONE,
                List.of(new SessionMark(1, PRESENT), new SessionMark(2, ABSENT), new SessionMark(3, ABSENT)));

        assertThat(evaluation.opened()).isEqualTo(Optional.of(new Episode(1, 2)));
        assertThat(evaluation.engagement().episodeSessions()).containsExactly(2, 3);
    }
}
