package fr.maillage.evaluation.report;

import fr.maillage.evaluation.indicator.DisclosedIndicator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report as JSON ({@code report.json}): the disclosed figures of the quarter and of its months, as the
 * indicators API shows them. Instants ISO-8601 UTC; a suppressed value is {@code null} with its display
 * {@code < 5}.
 */
public final class ReportJson {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportJson() {}

    /** UTF-8 JSON text. */
    public static byte[] render(ReportContent content) {
        return JSON.writeValueAsString(document(content)).getBytes(StandardCharsets.UTF_8);
    }

    static Document document(ReportContent content) {
        return new Document(
                content.reportId(),
                content.territory(),
                content.quarter().code(),
                content.quarter().start().toString(),
                content.quarter().end().toString(),
                content.publishedAt().toString(),
                content.computedAt() == null ? null : content.computedAt().toString(),
                content.provisional(),
                content.smallNumberThreshold(),
                content.indicators(),
                content.months().stream()
                        .map(month -> new Month(
                                month.month().code(),
                                month.month().start().toString(),
                                month.month().end().toString(),
                                month.indicators()))
                        .toList());
    }

    /** The top of {@code report.json}; {@code to} is exclusive (midnight in Paris after the last day). */
    record Document(
            String reportId,
            String territory,
            String quarter,
            String from,
            String to,
            String publishedAt,
            String computedAt,
            boolean provisional,
            int smallNumberThreshold,
            List<DisclosedIndicator> indicators,
            List<Month> months) {}

    /** One month of the quarter (the trends). */
    record Month(String period, String from, String to, List<DisclosedIndicator> indicators) {}
}
