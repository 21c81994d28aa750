package fr.maillage.evaluation.report;

import fr.maillage.evaluation.indicator.Disclosure;
import fr.maillage.evaluation.period.Period;
import java.time.Instant;
import java.util.List;

/** Reports made of the {@link TestFigures} without Spring, for the renderings' unit tests. */
final class TestReports {

    static final List<String> TREND = List.of(
            "alerts.responded-within-target",
            "referrals.answered-within-target",
            "workshops.attendance-rate",
            "meetings.held-vs-planned");

    private TestReports() {}

    /** The report of bievre's quarter as it stands at {@code now} (its months that started by then). */
    static ReportContent content(Period quarter, Instant now) {
        return ReportContent.of(
                "report-1",
                now,
                TestFigures.of("bievre", quarter, now),
                quarter.months().stream()
                        .filter(month -> month.hasStartedAt(now))
                        .map(month -> TestFigures.of("bievre", month, now))
                        .toList(),
                new Disclosure(5),
                TREND);
    }

    /** Q4 2026, in its second month: provisional. */
    static ReportContent openQuarter() {
        return content(Period.parse("2026-Q4"), Instant.parse("2026-11-20T10:00:00Z"));
    }

    /** Q3 2026, reported on in November: final. */
    static ReportContent closedQuarter() {
        return content(Period.parse("2026-Q3"), Instant.parse("2026-11-20T10:00:00Z"));
    }
}
