package fr.maillage.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ReportChartsTests {

    @Test
    void chartsAreDrawnWithoutADisplayAsPngImages() throws IOException {
        List<ReportCharts.Chart> charts = ReportCharts.of(TestReports.openQuarter());

        assertThat(charts).hasSize(2);
        for (ReportCharts.Chart chart : charts) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
            assertThat(image).as(chart.title()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(chart.width());
            assertThat(image.getHeight()).isEqualTo(chart.height());
        }
    }

    @Test
    void sharesAgainstTargetsDrawOnlyTheSharesShown() {
        ReportCharts.Chart shares = ReportCharts.sharesAgainstTargets(TestReports.closedQuarter());

        assertThat(shares.drawn())
                .containsExactly(
                        "referrals.answered-within-target",
                        "workshops.fill-rate",
                        "workshops.attendance-rate",
                        "workshops.completion-rate",
                        "workshops.disengagement-rate",
                        "meetings.held-vs-planned",
                        "meetings.actions-done-on-time")
                .doesNotContain("alerts.responded-within-target") // on 3 cases: withheld
                .doesNotContain("alerts.feedback-to-emitter"); // no case
    }

    @Test
    void theTrendDrawsTheMonthsThatStartedAndNeverAWithheldValue() {
        ReportCharts.Chart trend = ReportCharts.monthlyTrend(TestReports.openQuarter());

        assertThat(trend.drawn())
                .containsExactly(
                        "referrals.answered-within-target@2026-10",
                        "referrals.answered-within-target@2026-11",
                        "workshops.attendance-rate@2026-10",
                        "workshops.attendance-rate@2026-11",
                        "meetings.held-vs-planned@2026-10",
                        "meetings.held-vs-planned@2026-11");
    }
}
