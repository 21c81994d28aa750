package fr.maillage.evaluation.report;

import fr.maillage.platform.events.EventOutbox;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The integration event of a published report, {@code fr.maillage.evaluation.report-published.v1} (schema
 * in {@code resources/events/}), put in the report's outbox: ids, territory, quarter and the instant only,
 * never a figure. Subject = reportId; no audience (meeting-service links it on its steering committees'
 * agendas).
 */
@Component
class ReportMessages {

    static final String REPORT_PUBLISHED = "fr.maillage.evaluation.report-published.v1";

    private final EventOutbox outbox;

    ReportMessages(EventOutbox outbox) {
        this.outbox = outbox;
    }

    void published(Report report) {
        report.pendingEvents()
                .add(outbox.event(
                        REPORT_PUBLISHED,
                        report.id(),
                        report.territory(),
                        List.of(),
                        new ReportPublishedV1(
                                report.id(),
                                report.territory(),
                                report.quarter(),
                                report.publishedAt().toString())));
    }

    /** {@code fr.maillage.evaluation.report-published.v1} data: exactly these four fields. */
    record ReportPublishedV1(String reportId, String territory, String quarter, String publishedAt) {}
}
