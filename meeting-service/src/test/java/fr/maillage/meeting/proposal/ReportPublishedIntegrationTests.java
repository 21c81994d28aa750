package fr.maillage.meeting.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.meeting.proposal.FakeMeetingPortsTestConfiguration.FakeReportRegistry.Report;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** evaluation-service's published quarterly reports reach the meetings' report registry. */
class ReportPublishedIntegrationTests extends ProposalIntegrationSupport {

    @Test
    void aPublishedReportIsHandedToTheReportRegistry() {
        String reportId = "report-" + newId();
        String territory = freshTerritory();
        Instant publishedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        awaitConsumed(reportPublished(reportId, territory, "2026-Q4", publishedAt));

        assertThat(reports.reports()).contains(new Report(reportId, territory, "2026-Q4", publishedAt));
    }
}
