package fr.maillage.evaluation.report;

import fr.maillage.evaluation.indicator.DisclosedIndicator;
import fr.maillage.evaluation.indicator.Disclosure;
import fr.maillage.evaluation.indicator.TargetStatus;
import fr.maillage.evaluation.indicator.TerritoryIndicators;
import fr.maillage.evaluation.period.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The figures of one quarterly report, taken once from the indicator board and disclosed (small numbers
 * suppressed): every rendering (JSON, CSV, PDF and its charts) is drawn from this snapshot and nothing
 * else, so they agree with each other and none shows a number the others withhold.
 *
 * @param reportId the report's id
 * @param territory e.g. {@code bievre}
 * @param quarter the quarter reported on
 * @param publishedAt when the report was made
 * @param computedAt when the board computed the quarter's figures
 * @param provisional whether the quarter was still open at {@code publishedAt} (figures and statuses may change)
 * @param smallNumberThreshold counts below it (from 1) are shown as {@code < threshold}
 * @param indicators the quarter's indicators, in catalogue order
 * @param months the quarter's months that had started, in order, for the trends
 * @param trendIndicators the ids of the indicators whose monthly trend is drawn
 */
public record ReportContent(
        String reportId,
        String territory,
        Period quarter,
        Instant publishedAt,
        Instant computedAt,
        boolean provisional,
        int smallNumberThreshold,
        List<DisclosedIndicator> indicators,
        List<MonthFigures> months,
        List<String> trendIndicators) {

    public ReportContent {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(territory, "territory");
        Objects.requireNonNull(quarter, "quarter");
        Objects.requireNonNull(publishedAt, "publishedAt");
        indicators = List.copyOf(indicators);
        months = List.copyOf(months);
        trendIndicators = List.copyOf(trendIndicators);
    }

    /**
     * One month of the quarter, disclosed like the quarter.
     *
     * @param month e.g. {@code 2026-11}
     * @param indicators in catalogue order
     */
    public record MonthFigures(Period month, List<DisclosedIndicator> indicators) {

        public MonthFigures {
            indicators = List.copyOf(indicators);
        }

        public Optional<DisclosedIndicator> indicator(String id) {
            return indicators.stream().filter(i -> i.id().equals(id)).findFirst();
        }
    }

    /**
     * The report's snapshot: the quarter's raw figures and its months' figures, each passed through the
     * disclosure rule.
     *
     * @param quarter the board's figures for the quarter
     * @param months the board's figures for the months of the quarter that had started
     */
    public static ReportContent of(
            String reportId,
            Instant publishedAt,
            TerritoryIndicators quarter,
            List<TerritoryIndicators> months,
            Disclosure disclosure,
            List<String> trendIndicators) {
        if (quarter.period().granularity() != Period.Granularity.QUARTER) {
            throw new IllegalArgumentException("A report covers a quarter, not " + quarter.period());
        }
        List<MonthFigures> monthly = new ArrayList<>();
        for (TerritoryIndicators month : months) {
            if (!month.territory().equals(quarter.territory())
                    || month.period().granularity() != Period.Granularity.MONTH
                    || !quarter.period().contains(month.period().firstDay())) {
                throw new IllegalArgumentException(
                        "Month " + month.period() + " of " + month.territory() + " is not in the report's quarter");
            }
            monthly.add(new MonthFigures(
                    month.period(),
                    month.values().stream().map(disclosure::disclose).toList()));
        }
        return new ReportContent(
                reportId,
                quarter.territory(),
                quarter.period(),
                publishedAt,
                quarter.computedAt(),
                !quarter.period().isClosedAt(publishedAt),
                disclosure.threshold(),
                quarter.values().stream().map(disclosure::disclose).toList(),
                monthly,
                trendIndicators);
    }

    /** {@code Quarterly report — bievre — 2026-Q4}. */
    public String title() {
        return "Quarterly report — " + territory + " — " + quarter.code();
    }

    /** {@code maillage-bievre-2026-Q4.<extension>}: the name of a download. */
    public static String fileName(String territory, String quarter, String extension) {
        return "maillage-" + territory + "-" + quarter + "." + extension;
    }

    /** The indicators by domain, domains in the order they first appear (the catalogue's). */
    public Map<String, List<DisclosedIndicator>> byDomain() {
        Map<String, List<DisclosedIndicator>> domains = new LinkedHashMap<>();
        for (DisclosedIndicator indicator : indicators) {
            domains.computeIfAbsent(indicator.domain(), d -> new ArrayList<>()).add(indicator);
        }
        return domains;
    }

    /** How many indicators stand in each status. */
    public Map<TargetStatus, Integer> statusCounts() {
        Map<TargetStatus, Integer> counts = new EnumMap<>(TargetStatus.class);
        for (TargetStatus status : TargetStatus.values()) {
            counts.put(status, 0);
        }
        indicators.forEach(indicator -> counts.merge(indicator.status(), 1, Integer::sum));
        return counts;
    }

    public Optional<DisclosedIndicator> indicator(String id) {
        return indicators.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
