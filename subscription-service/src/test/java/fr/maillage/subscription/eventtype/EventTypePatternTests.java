package fr.maillage.subscription.eventtype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.subscription.eventtype.EventTypePattern.InvalidEventTypePattern;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypePatternTests {

    @Test
    void anExactTypeMatchesOnlyItself() {
        EventTypePattern pattern = EventTypePattern.parse("fr.maillage.alert.responded.v1");

        assertThat(pattern.matches("fr.maillage.alert.responded.v1")).isTrue();
        assertThat(pattern.matches("fr.maillage.alert.responded.v2")).isFalse();
        assertThat(pattern.matches("fr.maillage.alert.responded.v1.extra")).isFalse();
        assertThat(pattern.matches("fr.maillage.alert.raised.v1")).isFalse();
    }

    @Test
    void aFamilyPrefixMatchesEveryTypeOfThatServiceOnly() {
        EventTypePattern pattern = EventTypePattern.parse("fr.maillage.referral.*");

        assertThat(pattern.matches("fr.maillage.referral.submitted.v1")).isTrue();
        assertThat(pattern.matches("fr.maillage.referral.person-erased.v1")).isTrue();
        assertThat(pattern.matches("fr.maillage.referralx.submitted.v1")).isFalse();
        assertThat(pattern.matches("fr.maillage.alert.raised.v1")).isFalse();
        assertThat(pattern.matches("fr.maillage.referral")).isFalse();
    }

    @Test
    void aDeeperPrefixMatchesEveryVersionOfOneEvent() {
        EventTypePattern pattern = EventTypePattern.parse("fr.maillage.alert.responded.*");

        assertThat(pattern.matches("fr.maillage.alert.responded.v1")).isTrue();
        assertThat(pattern.matches("fr.maillage.alert.responded.v2")).isTrue();
        assertThat(pattern.matches("fr.maillage.alert.raised.v1")).isFalse();
    }

    @Test
    void starMatchesEveryEvent() {
        EventTypePattern pattern = EventTypePattern.parse("*");

        assertThat(pattern.matches("fr.maillage.workshop.participant-disengaged.v1"))
                .isTrue();
        assertThat(pattern.matches("fr.maillage.evaluation.response-recorded.v1"))
                .isTrue();
        assertThat(pattern.matches(null)).isFalse();
    }

    @Test
    void everyKnownFamilyIsAccepted() {
        for (String service : List.of("referral", "workshop", "meeting", "alert", "evaluation")) {
            assertThat(EventTypePattern.parse("fr.maillage." + service + ".*").text())
                    .isEqualTo("fr.maillage." + service + ".*");
        }
    }

    @Test
    void anUnknownFamilyIsRefusedWithThePattern() {
        assertThatThrownBy(() -> EventTypePattern.parse("fr.maillage.billing.*"))
                .isInstanceOf(InvalidEventTypePattern.class)
                .hasMessageContaining("no known event family")
                .satisfies(
                        e -> assertThat(((InvalidEventTypePattern) e).pattern()).isEqualTo("fr.maillage.billing.*"));
        assertThatThrownBy(() -> EventTypePattern.parse("fr.maillage.subscription.verification.v1"))
                .isInstanceOf(InvalidEventTypePattern.class);
        assertThatThrownBy(() -> EventTypePattern.parse("fr.maillage.*")).isInstanceOf(InvalidEventTypePattern.class);
        assertThatThrownBy(() -> EventTypePattern.parse("com.example.alert.*"))
                .isInstanceOf(InvalidEventTypePattern.class);
    }

    @Test
    void malformedPatternsAreRefused() {
        for (String malformed : List.of(
                "",
                " ",
                "fr.maillage.referral",
                "fr.maillage.referral.**",
                "fr.maillage.*.submitted.v1",
                "fr.maillage.referral.Submitted.v1",
                "fr.maillage.referral..v1",
                "fr.maillage.referral.sub*",
                "fr.maillage.referral.*.v1",
                "fr.maillage.referral.a b")) {
            assertThatThrownBy(() -> EventTypePattern.parse(malformed))
                    .as(malformed)
                    .isInstanceOf(InvalidEventTypePattern.class);
        }
        assertThatThrownBy(() -> EventTypePattern.parse(null)).isInstanceOf(InvalidEventTypePattern.class);
        assertThatThrownBy(() -> EventTypePattern.parse("fr.maillage.alert." + "x".repeat(200)))
                .isInstanceOf(InvalidEventTypePattern.class);
    }

    @Test
    void anyOfSeveralPatternsMayMatch() {
        List<EventTypePattern> patterns =
                EventTypePattern.parseAll(List.of("fr.maillage.referral.*", "fr.maillage.alert.responded.v1"));

        assertThat(EventTypePattern.anyMatches(patterns, "fr.maillage.referral.accepted.v1"))
                .isTrue();
        assertThat(EventTypePattern.anyMatches(patterns, "fr.maillage.alert.responded.v1"))
                .isTrue();
        assertThat(EventTypePattern.anyMatches(patterns, "fr.maillage.alert.raised.v1"))
                .isFalse();
        assertThat(EventTypePattern.anyMatches(patterns, "fr.maillage.meeting.held.v1"))
                .isFalse();
    }
}
