package fr.maillage.evaluation.report;

import fr.maillage.evaluation.indicator.Comparison;
import fr.maillage.evaluation.indicator.IndicatorDefinition;
import fr.maillage.evaluation.indicator.IndicatorValue;
import fr.maillage.evaluation.indicator.Target;
import fr.maillage.evaluation.indicator.TargetStatus;
import fr.maillage.evaluation.indicator.TerritoryIndicators;
import fr.maillage.evaluation.indicator.Unit;
import fr.maillage.evaluation.period.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made figures of a territory, the same for every territory and quarter: large counts and shares
 * shown as they are, small ones withheld, and every status (MET, AT_RISK or MISSED depending on whether
 * the period is closed, NO_TARGET, NO_DATA). The raw values withheld are distinctive ({@link #WITHHELD})
 * so tests can check they never leave the service. Months get the quarter's figures, shares moved by
 * 5 points a month ({@code -5, 0, +5}) so a trend shows.
 */
public final class TestFigures {

    /** The catalogue of the contract (ids fixed), in its order. */
    public static final List<IndicatorDefinition> CATALOGUE = new ArrayList<>();

    private static final Map<String, Raw> RAW = new LinkedHashMap<>();

    /**
     * The raw values (quarter and months) that rest on fewer than 5 cases and are not round: none may leave
     * the service, nor their displays ({@link #WITHHELD_TEXTS}).
     */
    public static final List<Double> WITHHELD = List.of(66.67, 61.67, 71.67, 42.5, 12.34);

    /** How the withheld values would be displayed, were they shown. */
    public static final List<String> WITHHELD_TEXTS = List.of("66.7", "61.7", "71.7", "42.5", "12.3");

    /** The indicators that miss their target once the period is closed. */
    public static final List<String> MISSED_WHEN_CLOSED = List.of(
            "alerts.responded-within-target",
            "workshops.fill-rate",
            "workshops.completion-rate",
            "workshops.disengagement-rate");

    /** The indicators that meet their target. */
    public static final List<String> MET = List.of(
            "referrals.answered-within-target",
            "workshops.attendance-rate",
            "meetings.held-vs-planned",
            "meetings.mean-professions-present",
            "meetings.actions-done-on-time",
            "questionnaires.who5-change");

    static {
        add(
                "referrals.by-status",
                "REFERRALS",
                "Referrals by status",
                Unit.COUNT,
                57.0,
                57,
                null,
                null,
                breakdown(
                        "SUBMITTED",
                        12,
                        "ACCEPTED",
                        31,
                        "DECLINED",
                        3,
                        "REDIRECTED",
                        0,
                        "CANCELLED",
                        4,
                        "COMPLETED",
                        7));
        add(
                "referrals.by-source",
                "REFERRALS",
                "Referrals by source",
                Unit.COUNT,
                57.0,
                57,
                null,
                null,
                breakdown("ALERT", 2, "REDIRECTION", 0, "DIRECT", 55));
        add(
                "referrals.acceptance-rate",
                "REFERRALS",
                "Referral acceptance rate",
                Unit.PERCENT,
                81.58,
                38,
                null,
                null,
                Map.of());
        add(
                "referrals.median-time-to-answer",
                "REFERRALS",
                "Median time to answer",
                Unit.HOURS,
                26.4,
                38,
                null,
                null,
                Map.of());
        add(
                "referrals.answered-within-target",
                "REFERRALS",
                "Referrals answered within target",
                Unit.PERCENT,
                84.21,
                38,
                Comparison.AT_LEAST,
                80.0,
                Map.of());
        add(
                "alerts.by-urgency",
                "ALERTS",
                "Alerts by urgency",
                Unit.COUNT,
                3.0,
                3,
                null,
                null,
                breakdown("B", 1, "C", 2));
        add(
                "alerts.responded-within-target",
                "ALERTS",
                "Alerts responded within target",
                Unit.PERCENT,
                66.67,
                3,
                Comparison.AT_LEAST,
                90.0,
                Map.of());
        add(
                "alerts.responded-within-target.A",
                "ALERTS",
                "Alerts A responded within target",
                Unit.PERCENT,
                null,
                0,
                null,
                null,
                Map.of());
        add(
                "alerts.responded-within-target.B",
                "ALERTS",
                "Alerts B responded within target",
                Unit.PERCENT,
                100.0,
                1,
                null,
                null,
                Map.of());
        add(
                "alerts.responded-within-target.C",
                "ALERTS",
                "Alerts C responded within target",
                Unit.PERCENT,
                50.0,
                2,
                null,
                null,
                Map.of());
        add(
                "alerts.responded-within-target.D",
                "ALERTS",
                "Alerts D responded within target",
                Unit.PERCENT,
                null,
                0,
                null,
                null,
                Map.of());
        add(
                "alerts.responded-within-target.E",
                "ALERTS",
                "Alerts E responded within target",
                Unit.PERCENT,
                null,
                0,
                null,
                null,
                Map.of());
        add(
                "alerts.median-time-to-qualification",
                "ALERTS",
                "Median time to qualification",
                Unit.MINUTES,
                42.5,
                3,
                null,
                null,
                Map.of());
        add("alerts.escalated", "ALERTS", "Alerts escalated", Unit.COUNT, 0.0, 0, null, null, Map.of());
        add(
                "alerts.feedback-to-emitter",
                "ALERTS",
                "Alerts with feedback to the emitter",
                Unit.PERCENT,
                null,
                0,
                Comparison.AT_LEAST,
                90.0,
                Map.of());
        add(
                "workshops.fill-rate",
                "WORKSHOPS",
                "Workshop fill rate",
                Unit.PERCENT,
                71.43,
                7,
                Comparison.AT_LEAST,
                75.0,
                Map.of());
        add(
                "workshops.attendance-rate",
                "WORKSHOPS",
                "Workshop attendance rate",
                Unit.PERCENT,
                88.89,
                9,
                Comparison.AT_LEAST,
                70.0,
                Map.of());
        add(
                "workshops.completion-rate",
                "WORKSHOPS",
                "Workshop completion rate",
                Unit.PERCENT,
                58.33,
                12,
                Comparison.AT_LEAST,
                60.0,
                Map.of());
        add(
                "workshops.disengagement-rate",
                "WORKSHOPS",
                "Workshop disengagement rate",
                Unit.PERCENT,
                23.53,
                17,
                Comparison.AT_MOST,
                20.0,
                Map.of());
        add(
                "workshops.waitlist-length",
                "WORKSHOPS",
                "People on waiting lists",
                Unit.COUNT,
                2.0,
                2,
                null,
                null,
                Map.of());
        add(
                "meetings.held-vs-planned",
                "MEETINGS",
                "Meetings held as planned",
                Unit.PERCENT,
                91.67,
                12,
                Comparison.AT_LEAST,
                90.0,
                breakdown("STEERING_COMMITTEE", 1, "CASE_CONFERENCE", 10));
        add(
                "meetings.mean-professions-present",
                "MEETINGS",
                "Mean professions present",
                Unit.MEAN,
                3.4,
                11,
                Comparison.AT_LEAST,
                3.0,
                Map.of());
        add(
                "meetings.actions-done-on-time",
                "MEETINGS",
                "Actions done on time",
                Unit.PERCENT,
                76.92,
                13,
                Comparison.AT_LEAST,
                75.0,
                Map.of());
        add(
                "questionnaires.who5-change",
                "QUESTIONNAIRES",
                "WHO-5 change",
                Unit.POINTS,
                12.34,
                4,
                Comparison.AT_LEAST,
                10.0,
                Map.of());
        add(
                "questionnaires.participant-satisfaction",
                "QUESTIONNAIRES",
                "Participant satisfaction",
                Unit.PERCENT,
                77.78,
                6,
                null,
                null,
                Map.of());
        add(
                "questionnaires.professional-satisfaction",
                "QUESTIONNAIRES",
                "Professional satisfaction",
                Unit.PERCENT,
                null,
                0,
                null,
                null,
                Map.of());
    }

    private TestFigures() {}

    private record Raw(Double value, long n, Target target, Map<String, Long> breakdown) {}

    /** The territory's figures for the period, computed at {@code now} (statuses final once the period is over). */
    public static TerritoryIndicators of(String territory, Period period, Instant now) {
        boolean closed = period.isClosedAt(now);
        int shift = period.granularity() == Period.Granularity.MONTH
                ? 5 * ((period.firstDay().getMonthValue() - 1) % 3 - 1)
                : 0;
        List<IndicatorValue> values = new ArrayList<>();
        for (IndicatorDefinition definition : CATALOGUE) {
            Raw raw = RAW.get(definition.id());
            Double value = raw.value();
            if (value != null && definition.unit() == Unit.PERCENT && shift != 0) {
                value = Math.max(0, Math.min(100, value + shift));
            }
            values.add(new IndicatorValue(
                    definition,
                    value,
                    raw.n(),
                    raw.breakdown(),
                    raw.target(),
                    TargetStatus.of(value, raw.target(), closed)));
        }
        return new TerritoryIndicators(territory, period, now, closed, values);
    }

    public static IndicatorDefinition definition(String id) {
        return CATALOGUE.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    private static void add(
            String id,
            String domain,
            String name,
            Unit unit,
            Double value,
            long n,
            Comparison comparison,
            Double threshold,
            Map<String, Long> breakdown) {
        CATALOGUE.add(new IndicatorDefinition(id, domain, name, "hand-made for tests", unit, List.of("test")));
        RAW.put(id, new Raw(value, n, comparison == null ? null : new Target(id, comparison, threshold), breakdown));
    }

    private static Map<String, Long> breakdown(Object... pairs) {
        Map<String, Long> breakdown = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            breakdown.put((String) pairs[i], ((Integer) pairs[i + 1]).longValue());
        }
        return breakdown;
    }
}
