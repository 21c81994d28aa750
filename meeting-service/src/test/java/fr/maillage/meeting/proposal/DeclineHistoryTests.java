package fr.maillage.meeting.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeclineHistoryTests {

    private static final Duration WINDOW = Duration.ofDays(30);
    private static final Instant DAY_0 = Instant.parse("2026-10-01T09:00:00Z");

    private final DeclineHistory history = DeclineHistory.of("person-1");

    private static Instant day(int day) {
        return DAY_0.plus(Duration.ofDays(day));
    }

    private boolean decline(String referralId, int day) {
        return history.decline(referralId, day(day), WINDOW);
    }

    @Test
    void aSingleDeclineProposesNothing() {
        assertThat(decline("r1", 0)).isFalse();
    }

    @Test
    void twoDeclinesTenDaysApartPropose() {
        assertThat(decline("r1", 0)).isFalse();
        assertThat(decline("r2", 10)).isTrue();
        assertThat(history.proposedBy()).containsExactly("r2");
    }

    @Test
    void aThirdDeclineWithinTheWindowOfTheProposalProposesNothing() {
        decline("r1", 0);
        decline("r2", 10);

        assertThat(decline("r3", 20)).isFalse();
        assertThat(decline("r4", 39)).isFalse();
    }

    @Test
    void twoDeclinesFortyDaysApartProposeNothing() {
        assertThat(decline("r1", 0)).isFalse();
        assertThat(decline("r2", 40)).isFalse();
    }

    @Test
    void declinesExactlyOneWindowApartStillPair() {
        decline("r1", 0);

        assertThat(decline("r2", 30)).isTrue();
    }

    @Test
    void aNewPairOneWindowAfterTheLastProposalProposesAgain() {
        decline("r1", 0);
        decline("r2", 10);
        decline("r3", 25);

        assertThat(decline("r4", 40)).isTrue();
        assertThat(history.proposedBy()).containsExactly("r2", "r4");
    }

    @Test
    void declinesHeardOutOfOrderPairAllTheSame() {
        assertThat(decline("r2", 10)).isFalse();
        assertThat(decline("r1", 0)).isTrue();
        // A decline heard late, before the proposal's, is still within its window.
        assertThat(decline("r0", -5)).isFalse();
    }

    @Test
    void aDeclineHeardAgainDecidesWhatItDecidedTheFirstTime() {
        decline("r1", 0);
        assertThat(decline("r2", 10)).isTrue();

        assertThat(decline("r2", 10)).isTrue();
        assertThat(decline("r1", 0)).isFalse();
        assertThat(history.declines()).hasSize(2);
        assertThat(history.proposedBy()).containsExactly("r2");
    }
}
