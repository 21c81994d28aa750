package fr.maillage.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.evaluation.indicator.Disclosure;
import fr.maillage.evaluation.indicator.IndicatorDefinition;
import fr.maillage.evaluation.indicator.IndicatorValue;
import fr.maillage.evaluation.indicator.TargetStatus;
import fr.maillage.evaluation.indicator.TerritoryIndicators;
import fr.maillage.evaluation.indicator.Unit;
import fr.maillage.evaluation.period.Period;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportCsvTests {

    private static List<List<String>> rows(ReportContent content) {
        return Csv.parse(new String(ReportCsv.render(content), StandardCharsets.UTF_8));
    }

    private static List<String> indicatorRow(List<List<String>> rows, String id) {
        return rows.stream()
                .filter(row -> row.get(3).equals(id) && row.get(6).isEmpty())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void hasAHeaderAndOneRowPerIndicatorInCatalogueOrder() {
        List<List<String>> rows = rows(TestReports.openQuarter());

        assertThat(rows.getFirst())
                .containsExactly(
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
        assertThat(rows.subList(1, rows.size()))
                .allSatisfy(row -> assertThat(row).hasSize(11));
        List<String> indicators = rows.stream()
                .skip(1)
                .filter(row -> row.get(6).isEmpty())
                .map(row -> row.get(3))
                .toList();
        assertThat(indicators)
                .containsExactlyElementsOf(TestFigures.CATALOGUE.stream()
                        .map(IndicatorDefinition::id)
                        .toList());
        assertThat(indicatorRow(rows, "referrals.answered-within-target"))
                .containsExactly(
                        "bievre",
                        "2026-Q4",
                        "REFERRALS",
                        "referrals.answered-within-target",
                        "Referrals answered within target",
                        "PERCENT",
                        "",
                        "84.2 %",
                        "38",
                        "≥ 80 %",
                        "MET");
    }

    @Test
    void breakdownsFollowTheirIndicatorWithSmallCountsSuppressed() {
        List<List<String>> rows = rows(TestReports.openQuarter());

        List<List<String>> byStatus = rows.stream()
                .filter(row -> row.get(3).equals("referrals.by-status"))
                .toList();
        assertThat(byStatus.getFirst().get(6)).isEmpty();
        assertThat(byStatus.subList(1, byStatus.size()))
                .extracting(row -> row.get(6) + "=" + row.get(7))
                .containsExactly(
                        "ACCEPTED=31", "CANCELLED=< 5", "COMPLETED=7", "DECLINED=< 5", "REDIRECTED=0", "SUBMITTED=12");
    }

    @Test
    void aFigureOnTooFewCasesIsShownAsLessThanFiveAndItsRawValueNowhere() {
        ReportContent content = TestReports.closedQuarter();
        List<List<String>> rows = rows(content);
        String text = new String(ReportCsv.render(content), StandardCharsets.UTF_8);

        assertThat(indicatorRow(rows, "alerts.responded-within-target"))
                .containsSubsequence("< 5", "< 5", "≥ 90 %", "MISSED");
        assertThat(indicatorRow(rows, "questionnaires.who5-change")).containsSubsequence("< 5", "< 5", "MET");
        assertThat(indicatorRow(rows, "alerts.by-urgency").get(7)).isEqualTo("< 5");
        assertThat(indicatorRow(rows, "alerts.feedback-to-emitter")).containsSubsequence("—", "0", "NO_DATA");
        for (String withheld : TestFigures.WITHHELD_TEXTS) {
            assertThat(text).doesNotContain(withheld);
        }
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndReadBackAsTheyWere() {
        IndicatorDefinition odd = new IndicatorDefinition(
                "odd.one", "ODD", "Seen, \"quoted\"\r\nand broken", "…", Unit.COUNT, List.of("x"));
        Period q4 = Period.parse("2026-Q4");
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        ReportContent content = ReportContent.of(
                "r",
                now,
                new TerritoryIndicators(
                        "bievre",
                        q4,
                        now,
                        false,
                        List.of(new IndicatorValue(odd, 7.0, 7, Map.of("a,b", 7L), null, TargetStatus.NO_TARGET))),
                List.of(),
                new Disclosure(5),
                List.of());

        String text = new String(ReportCsv.render(content), StandardCharsets.UTF_8);
        List<List<String>> rows = Csv.parse(text);

        assertThat(text).contains("\"Seen, \"\"quoted\"\"\r\nand broken\"").contains("\"a,b\"");
        assertThat(text).endsWith("\r\n");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(4)).isEqualTo("Seen, \"quoted\"\r\nand broken");
        assertThat(rows.get(2).get(6)).isEqualTo("a,b");
        assertThat(rows.get(2).get(7)).isEqualTo("7");
    }
}
