package fr.maillage.alert.alert;

import static fr.maillage.alert.alert.AlertFixtures.PERSON;
import static fr.maillage.alert.alert.AlertFixtures.RAISED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DuplicateRuleTests {

    private final Alert earlier = AlertFixtures.raised();
    private final String fingerprint = earlier.emitterFingerprint();

    @Test
    void theSamePersonWithin24HoursIsAPossibleDuplicate() {
        Instant later = RAISED_AT.plus(Duration.ofHours(23));

        assertThat(DuplicateRule.isPossibleDuplicate(earlier, "bievre", PERSON, null, null, later))
                .isTrue();
    }

    @Test
    void theSameEmitterAboutTheSameCommuneWithin24HoursIsAPossibleDuplicate() {
        Instant later = RAISED_AT.plus(Duration.ofHours(2));

        assertThat(DuplicateRule.isPossibleDuplicate(earlier, "bievre", null, fingerprint, "38130", later))
                .isTrue();
        assertThat(DuplicateRule.isPossibleDuplicate(earlier, "bievre", null, fingerprint, "38140", later))
                .as("another commune")
                .isFalse();
        assertThat(DuplicateRule.isPossibleDuplicate(earlier, "bievre", null, "0".repeat(64), "38130", later))
                .as("another emitter")
                .isFalse();
    }

    @Test
    void olderThan24HoursOrAnotherTerritoryIsNot() {
        assertThat(DuplicateRule.isPossibleDuplicate(
                        earlier,
                        "bievre",
                        PERSON,
                        fingerprint,
                        "38130",
                        RAISED_AT.plus(Duration.ofHours(24).plusMillis(1))))
                .isFalse();
        assertThat(DuplicateRule.isPossibleDuplicate(
                        earlier, "lyon-nord", PERSON, fingerprint, "38130", RAISED_AT.plusSeconds(1)))
                .isFalse();
    }

    @Test
    void anAnonymousEmitterWithoutPersonMatchesNothing() {
        assertThat(DuplicateRule.isPossibleDuplicate(earlier, "bievre", null, null, "38130", RAISED_AT.plusSeconds(1)))
                .isFalse();
    }
}
