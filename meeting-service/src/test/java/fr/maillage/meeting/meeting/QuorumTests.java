package fr.maillage.meeting.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuorumTests {

    private final Quorum three = new Quorum(3);

    @Test
    void threeDistinctProfessionsReachTheQuorum() {
        Quorum.Standing standing = three.of(List.of("general-practitioner", "nurse", "clinical-psychologist"));

        assertThat(standing.reached()).isTrue();
        assertThat(standing.missing()).isZero();
        assertThat(standing.professionsPresent())
                .containsExactly("clinical-psychologist", "general-practitioner", "nurse");
    }

    @Test
    void twoProfessionsMissOne() {
        Quorum.Standing standing = three.of(List.of("general-practitioner", "nurse"));

        assertThat(standing.reached()).isFalse();
        assertThat(standing.missing()).isEqualTo(1);
        assertThat(standing.minProfessions()).isEqualTo(3);
    }

    @Test
    void aProfessionCountsOnceHoweverManyOfItArePresentAndWhateverItsCase() {
        Quorum.Standing standing = three.of(List.of("nurse", "Nurse ", "nurse", "general-practitioner"));

        assertThat(standing.professionsPresent()).containsExactly("general-practitioner", "nurse");
        assertThat(standing.missing()).isEqualTo(1);
    }

    @Test
    void nobodyPresentMissesTheWholeQuorum() {
        assertThat(three.of(List.of()).missing()).isEqualTo(3);
    }

    @Test
    void theMinimumIsConfigurable() {
        assertThat(new Quorum(2).of(List.of("nurse", "general-practitioner")).reached())
                .isTrue();
        assertThat(new Quorum(4).of(List.of("a", "b", "c")).missing()).isEqualTo(1);
        assertThatThrownBy(() -> new Quorum(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itAppliesToCaseReviewsAndToEveryItemOfACaseConference() {
        assertThat(three.appliesTo(MeetingKind.PRACTICE_GROUP, ItemKind.CASE_REVIEW))
                .isTrue();
        assertThat(three.appliesTo(MeetingKind.CASE_CONFERENCE, ItemKind.PROJECT_FOLLOW_UP))
                .isTrue();
        assertThat(three.appliesTo(MeetingKind.PRACTICE_GROUP, ItemKind.PRACTICE_EXCHANGE))
                .isFalse();
        assertThat(three.appliesTo(MeetingKind.STEERING_COMMITTEE, ItemKind.INDICATOR_REVIEW))
                .isFalse();
    }
}
