package fr.maillage.evaluation.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisclosureTests {

    private static final IndicatorDefinition REFERRALS = new IndicatorDefinition(
            "referrals.by-status", "REFERRALS", "Referrals by status", "…", Unit.COUNT, List.of("x"));
    private static final IndicatorDefinition RESPONDED = new IndicatorDefinition(
            "alerts.responded-within-target",
            "ALERTS",
            "Alerts responded within target",
            "…",
            Unit.PERCENT,
            List.of("x"));
    private static final Target NINETY = new Target(RESPONDED.id(), Comparison.AT_LEAST, 90);

    private final Disclosure disclosure = new Disclosure(5);

    @Test
    void countsFromOneToFourAreShownAsLessThanFive() {
        assertThat(disclosure.count(1)).isEqualTo("< 5");
        assertThat(disclosure.count(4)).isEqualTo("< 5");
        assertThat(disclosure.count(5)).isEqualTo("5");
        assertThat(disclosure.count(0)).isEqualTo("0");
    }

    @Test
    void aSmallCountIsWithheldAndItsSmallCategoriesToo() {
        DisclosedIndicator shown = disclosure.disclose(new IndicatorValue(
                REFERRALS, 3.0, 3, Map.of("ACCEPTED", 2L, "DECLINED", 1L), null, TargetStatus.NO_TARGET));

        assertThat(shown.value()).isNull();
        assertThat(shown.display()).isEqualTo("< 5");
        assertThat(shown.n()).isEqualTo("< 5");
        assertThat(shown.breakdown()).containsExactly(Map.entry("ACCEPTED", "< 5"), Map.entry("DECLINED", "< 5"));
        assertThat(shown.suppressed()).isTrue();
    }

    @Test
    void aShareOnFewerThanFiveCasesIsWithheldButItsStatusIsKept() {
        DisclosedIndicator shown =
                disclosure.disclose(new IndicatorValue(RESPONDED, 50.0, 4, Map.of(), NINETY, TargetStatus.AT_RISK));

        assertThat(shown.value()).isNull();
        assertThat(shown.display()).isEqualTo("< 5");
        assertThat(shown.status()).isEqualTo(TargetStatus.AT_RISK);
        assertThat(shown.targetDisplay()).isEqualTo("≥ 90 %");
    }

    @Test
    void aShareOnEnoughCasesIsShownInItsUnit() {
        DisclosedIndicator shown = disclosure.disclose(
                new IndicatorValue(RESPONDED, 92.31, 13, Map.of("A", 0L, "B", 13L), NINETY, TargetStatus.MET));

        assertThat(shown.value()).isEqualTo(92.31);
        assertThat(shown.display()).isEqualTo("92.3 %");
        assertThat(shown.n()).isEqualTo("13");
        assertThat(shown.breakdown()).containsExactly(Map.entry("A", "0"), Map.entry("B", "13"));
        assertThat(shown.suppressed()).isFalse();
    }

    @Test
    void noCaseIsShownAsADash() {
        DisclosedIndicator shown =
                disclosure.disclose(new IndicatorValue(RESPONDED, null, 0, Map.of(), NINETY, TargetStatus.NO_DATA));

        assertThat(shown.display()).isEqualTo("—");
        assertThat(shown.n()).isEqualTo("0");
        assertThat(shown.suppressed()).isFalse();
    }

    @Test
    void theThresholdIsConfigurable() {
        Disclosure ten = new Disclosure(10);

        assertThat(ten.count(9)).isEqualTo("< 10");
        assertThat(ten.count(10)).isEqualTo("10");
    }

    @Test
    void valuesAreFormattedInTheirUnits() {
        assertThat(Disclosure.format(12.34, Unit.HOURS)).isEqualTo("12.3 h");
        assertThat(Disclosure.format(45, Unit.MINUTES)).isEqualTo("45.0 min");
        assertThat(Disclosure.format(8.4, Unit.POINTS)).isEqualTo("+8.4 pts");
        assertThat(Disclosure.format(-2, Unit.POINTS)).isEqualTo("-2.0 pts");
        assertThat(Disclosure.format(7, Unit.COUNT)).isEqualTo("7");
    }

    @Test
    void aTargetStatusIsFinalOnlyOnceThePeriodIsClosed() {
        assertThat(TargetStatus.of(85.0, NINETY, false)).isEqualTo(TargetStatus.AT_RISK);
        assertThat(TargetStatus.of(85.0, NINETY, true)).isEqualTo(TargetStatus.MISSED);
        assertThat(TargetStatus.of(90.0, NINETY, true)).isEqualTo(TargetStatus.MET);
        assertThat(TargetStatus.of(null, NINETY, true)).isEqualTo(TargetStatus.NO_DATA);
        assertThat(TargetStatus.of(85.0, null, true)).isEqualTo(TargetStatus.NO_TARGET);
        assertThat(TargetStatus.of(25.0, new Target("w", Comparison.AT_MOST, 20), true))
                .isEqualTo(TargetStatus.MISSED);
    }
}
