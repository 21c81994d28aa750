package fr.maillage.evaluation.report;

import java.time.Instant;

/**
 * A report as the API shows it ({@code POST /api/reports}, {@code GET /api/reports[/{id}]}).
 *
 * @param provisional whether its quarter was still open when it was published
 * @param requestedBy the user id of whoever asked for it
 * @param downloads the paths of its renderings
 */
public record ReportView(
        String reportId,
        String territory,
        String quarter,
        Instant publishedAt,
        boolean provisional,
        String requestedBy,
        Downloads downloads) {

    /** The paths of the three renderings. */
    public record Downloads(String json, String csv, String pdf) {}

    public static ReportView of(Report report) {
        String base = "/api/reports/" + report.id() + "/report.";
        return new ReportView(
                report.id(),
                report.territory(),
                report.quarter(),
                report.publishedAt(),
                report.provisional(),
                report.requestedBy(),
                new Downloads(base + "json", base + "csv", base + "pdf"));
    }
}
