package fr.maillage.meeting.proposal;

import fr.maillage.meeting.meeting.ReportRegistry;
import fr.maillage.platform.events.IncomingEvent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The one consumer of evaluation-service's topic in group {@code meeting-service}: a published quarterly
 * report is handed to the {@link ReportRegistry}, so a steering committee's agenda links its territory's
 * latest one. The registry keeps the latest per territory and is idempotent, so redeliveries and reports
 * heard out of order are harmless. Other evaluation events are none of our business.
 *
 * <p>The contract read here, until evaluation-service (issue 7) publishes its own schema:
 * {@code fr.maillage.evaluation.report-published.v1}, subject = reportId, data
 * {@code {"reportId": "<id>", "territory": "bievre", "quarter": "2026-Q4", "publishedAt": "<ISO-8601 UTC>"}};
 * {@code reportId} letters, digits and {@code . _ : -} (1 to 128), {@code territory} as everywhere
 * ({@code ^[a-z0-9][a-z0-9-]*$}), {@code quarter} {@code YYYY-Qn} with n from 1 to 4; other fields are
 * ignored. A report missing one of these, or with another format, goes to {@code evaluation.events.v1-dlt}.
 */
@Component
class EvaluationEventsListener {

    static final String REPORT_PUBLISHED = "fr.maillage.evaluation.report-published.v1";

    private static final Logger log = LoggerFactory.getLogger(EvaluationEventsListener.class);

    private final ReportRegistry reports;

    EvaluationEventsListener(ReportRegistry reports) {
        this.reports = reports;
    }

    @KafkaListener(
            topics = "${maillage.meeting.evaluation-events-topic:evaluation.events.v1}",
            groupId = "${maillage.meeting.consumer-group:meeting-service}")
    void on(IncomingEvent event) {
        if (event.is(REPORT_PUBLISHED)) {
            ReportPublished published = event.data(ReportPublished.class);
            reports.reportPublished(
                    published.reportId(), published.territory(), published.quarter(), published.publishedAt());
            log.info(
                    "Report {} of {} for territory {} registered",
                    published.reportId(),
                    published.quarter(),
                    published.territory());
        }
    }

    /** What we read of {@code fr.maillage.evaluation.report-published.v1}. */
    record ReportPublished(
            @NotBlank @Pattern(regexp = IncomingFormats.OPAQUE_ID)
            String reportId,

            @NotBlank @Pattern(regexp = IncomingFormats.TERRITORY)
            String territory,

            @NotBlank @Pattern(regexp = IncomingFormats.QUARTER)
            String quarter,

            @NotNull Instant publishedAt) {}
}
