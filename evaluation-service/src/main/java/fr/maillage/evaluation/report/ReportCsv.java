package fr.maillage.evaluation.report;

import fr.maillage.evaluation.indicator.DisclosedIndicator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The report as CSV ({@code report.csv}, RFC 4180): UTF-8, a header row, CRLF line ends, fields quoted when
 * they hold a comma, a double quote or a line break (quotes doubled). One row per indicator of the quarter
 * (empty {@code category}), followed by one row per category of its breakdown (the category's count in
 * {@code value}). Values are the disclosed displays: {@code 87.5 %}, {@code 12}, {@code < 5}, {@code —}.
 */
public final class ReportCsv {

    public static final List<String> HEADER = List.of(
            "territory",
            "quarter",
            "domain",
            "indicator",
            "name",
            "unit",
            "category",
            "value",
            "n",
            "target",
            "status");

    private static final String CRLF = "\r\n";

    private ReportCsv() {}

    public static byte[] render(ReportContent content) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER);
        for (DisclosedIndicator indicator : content.indicators()) {
            row(
                    csv,
                    List.of(
                            content.territory(),
                            content.quarter().code(),
                            indicator.domain(),
                            indicator.id(),
                            indicator.name(),
                            indicator.unit().name(),
                            "",
                            indicator.display(),
                            indicator.n(),
                            indicator.targetDisplay() == null ? "" : indicator.targetDisplay(),
                            indicator.status().name()));
            for (Map.Entry<String, String> category : indicator.breakdown().entrySet()) {
                row(
                        csv,
                        List.of(
                                content.territory(),
                                content.quarter().code(),
                                indicator.domain(),
                                indicator.id(),
                                indicator.name(),
                                "COUNT",
                                category.getKey(),
                                category.getValue(),
                                "",
                                "",
                                ""));
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append(CRLF);
    }

    /** A field as RFC 4180 writes it: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
