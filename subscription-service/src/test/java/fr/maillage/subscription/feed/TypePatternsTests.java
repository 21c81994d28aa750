package fr.maillage.subscription.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.subscription.eventtype.EventTypePattern;
import fr.maillage.subscription.eventtype.EventTypePattern.InvalidEventTypePattern;
import org.junit.jupiter.api.Test;

class TypePatternsTests {

    @Test
    void aPrefixPatternMatchesEveryTypeOfItsFamilyAndNoOther() {
        TypePatterns referral = TypePatterns.parse("fr.maillage.referral.*");

        assertThat(referral.matches("fr.maillage.referral.accepted.v1")).isTrue();
        assertThat(referral.matches("fr.maillage.referral.person-erased.v2")).isTrue();
        assertThat(referral.matches("fr.maillage.referrals.accepted.v1")).isFalse();
        assertThat(referral.matches("fr.maillage.alert.raised.v1")).isFalse();
        assertThat(referral.matches("fr.maillage.referral")).isFalse();
        assertThat(referral.prefixes()).containsExactly("fr.maillage.referral.");
        assertThat(referral.matchesAny()).isFalse();
    }

    @Test
    void anExactTypeMatchesOnlyItself() {
        TypePatterns responded = TypePatterns.parse("fr.maillage.alert.responded.v1");

        assertThat(responded.matches("fr.maillage.alert.responded.v1")).isTrue();
        assertThat(responded.matches("fr.maillage.alert.responded.v2")).isFalse();
        assertThat(responded.matches("fr.maillage.alert.responded.v1.extra")).isFalse();
        assertThat(responded.exactTypes()).containsExactly("fr.maillage.alert.responded.v1");
    }

    @Test
    void aListMatchesWhatAnyOfItsPatternsMatches() {
        TypePatterns both = TypePatterns.parse(" fr.maillage.referral.* , fr.maillage.alert.responded.v1");

        assertThat(both.matches("fr.maillage.referral.declined.v1")).isTrue();
        assertThat(both.matches("fr.maillage.alert.responded.v1")).isTrue();
        assertThat(both.matches("fr.maillage.alert.raised.v1")).isFalse();
    }

    @Test
    void aStarOrNothingMatchesEveryType() {
        assertThat(TypePatterns.parse("*").matchesAny()).isTrue();
        assertThat(TypePatterns.parse("fr.maillage.alert.raised.v1,*").matches("fr.maillage.meeting.held.v1"))
                .isTrue();
        assertThat(TypePatterns.parse(null).matches("anything.at.all")).isTrue();
        assertThat(TypePatterns.parse("  ").matchesAny()).isTrue();
    }

    @Test
    void malformedPatternsAreRefused() {
        for (String bad : new String[] {
            "fr.maillage.*.accepted.v1",
            "fr.maillage.referral*",
            "fr.maillage.referral.",
            "Fr.Maillage.Referral.*",
            "fr maillage",
            "fr.maillage.referral.accepted.v1,",
            ".*",
            "fr.maillage.referral.(x).*",
            "fr..maillage"
        }) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> TypePatterns.parse(bad));
        }
    }

    @Test
    void aPatternASubscriptionWouldRefuseIsRefusedByTheFeedToo() {
        for (String bad :
                new String[] {"fr.maillage.refferal.*", "fr.maillage.unknown.raised.v1", "fr.maillage.referral"}) {
            assertThatThrownBy(() -> EventTypePattern.parse(bad)).as(bad).isInstanceOf(InvalidEventTypePattern.class);
            assertThatThrownBy(() -> TypePatterns.parse("fr.maillage.alert.*," + bad))
                    .as(bad)
                    .isInstanceOf(InvalidEventTypePattern.class)
                    .hasMessageContaining(bad);
        }
    }

    @Test
    void moreThanTwentyPatternsAreRefused() {
        String many = String.join(",", java.util.Collections.nCopies(21, "fr.maillage.alert.raised.v1"));

        assertThatIllegalArgumentException().isThrownBy(() -> TypePatterns.parse(many));
        assertThat(TypePatterns.parse(String.join(",", java.util.Collections.nCopies(20, "fr.maillage.alert.*")))
                        .matches("fr.maillage.alert.raised.v1"))
                .isTrue();
    }
}
