package fr.maillage.workshop.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CompletionPolicyTests {

    private final CompletionPolicy threeQuarters = new CompletionPolicy(CompletionPolicy.DEFAULT_MIN_ATTENDANCE);

    @Test
    void attendingThreeQuartersOfTheGroupSessionsIsCompletingThem() {
        assertThat(threeQuarters.outcome(6, 8)).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(threeQuarters.outcome(8, 8)).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(threeQuarters.outcome(3, 4)).isEqualTo(EnrolmentStatus.COMPLETED);
    }

    @Test
    void lessThanTheShareIsNotCompleted() {
        assertThat(threeQuarters.outcome(5, 8)).isEqualTo(EnrolmentStatus.NOT_COMPLETED);
        assertThat(threeQuarters.outcome(0, 8)).isEqualTo(EnrolmentStatus.NOT_COMPLETED);
        // 7 of 10 is 0.7: short of 0.75 however it rounds.
        assertThat(threeQuarters.outcome(7, 10)).isEqualTo(EnrolmentStatus.NOT_COMPLETED);
        assertThat(threeQuarters.outcome(2, 3)).isEqualTo(EnrolmentStatus.NOT_COMPLETED);
    }

    @Test
    void theShareIsConfigurable() {
        CompletionPolicy twoThirds = new CompletionPolicy(2.0 / 3);
        CompletionPolicy everySession = new CompletionPolicy(1.0);
        CompletionPolicy seventyPercent = new CompletionPolicy(0.7);

        assertThat(twoThirds.outcome(2, 3)).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(everySession.outcome(7, 8)).isEqualTo(EnrolmentStatus.NOT_COMPLETED);
        assertThat(everySession.outcome(8, 8)).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(seventyPercent.outcome(7, 10)).isEqualTo(EnrolmentStatus.COMPLETED);
    }

    @Test
    void theShareIsBetweenZeroExcludedAndOne() {
        assertThatThrownBy(() -> new CompletionPolicy(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CompletionPolicy(1.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CompletionPolicy(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> threeQuarters.outcome(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
