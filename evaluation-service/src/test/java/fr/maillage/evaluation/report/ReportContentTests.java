package fr.maillage.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import fr.maillage.evaluation.indicator.Disclosure;
import fr.maillage.evaluation.indicator.IndicatorDefinition;
import fr.maillage.evaluation.indicator.TargetStatus;
import fr.maillage.evaluation.period.Period;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportContentTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aQuarterNotOverIsProvisionalAndOneOverIsNot() {
        assertThat(TestReports.openQuarter().provisional()).isTrue();
        assertThat(TestReports.closedQuarter().provisional()).isFalse();
    }

    @Test
    void keepsTheMonthsThatStartedForTheTrend() {
        assertThat(TestReports.openQuarter().months())
                .extracting(month -> month.month().code())
                .containsExactly("2026-10", "2026-11");
        assertThat(TestReports.closedQuarter().months())
                .extracting(month -> month.month().code())
                .containsExactly("2026-07", "2026-08", "2026-09");
    }

    @Test
    void aMonthOutsideTheQuarterOrAnotherTerritorysIsRefused() {
        Period q4 = Period.parse("2026-Q4");
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        Disclosure disclosure = new Disclosure(5);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReportContent.of(
                        "r",
                        now,
                        TestFigures.of("bievre", q4, now),
                        List.of(TestFigures.of("bievre", Period.parse("2026-09"), now)),
                        disclosure,
                        List.of()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReportContent.of(
                        "r",
                        now,
                        TestFigures.of("bievre", q4, now),
                        List.of(TestFigures.of("lyon-nord", Period.parse("2026-10"), now)),
                        disclosure,
                        List.of()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReportContent.of(
                        "r",
                        now,
                        TestFigures.of("bievre", Period.parse("2026-11"), now),
                        List.of(),
                        disclosure,
                        List.of()));
    }

    @Test
    void countsTheStatusesAndGroupsByDomainInCatalogueOrder() {
        ReportContent closed = TestReports.closedQuarter();

        assertThat(closed.statusCounts())
                .containsEntry(TargetStatus.MISSED, TestFigures.MISSED_WHEN_CLOSED.size())
                .containsEntry(TargetStatus.MET, TestFigures.MET.size())
                .containsEntry(TargetStatus.NO_DATA, 1)
                .containsEntry(TargetStatus.AT_RISK, 0);
        assertThat(closed.byDomain().keySet())
                .containsExactly("REFERRALS", "ALERTS", "WORKSHOPS", "MEETINGS", "QUESTIONNAIRES");
        assertThat(closed.title()).isEqualTo("Quarterly report — bievre — 2026-Q3");
        assertThat(ReportContent.fileName("bievre", "2026-Q3", "pdf")).isEqualTo("maillage-bievre-2026-Q3.pdf");
    }

    @Test
    void theJsonHoldsTheDisclosedFiguresOfTheQuarterAndItsMonths() {
        ReportContent content = TestReports.openQuarter();

        JsonNode json = JSON.readTree(new String(ReportJson.render(content), StandardCharsets.UTF_8));

        assertThat(json.get("reportId").asString()).isEqualTo("report-1");
        assertThat(json.get("territory").asString()).isEqualTo("bievre");
        assertThat(json.get("quarter").asString()).isEqualTo("2026-Q4");
        assertThat(json.get("from").asString()).isEqualTo("2026-09-30T22:00:00Z");
        assertThat(json.get("to").asString()).isEqualTo("2026-12-31T23:00:00Z");
        assertThat(json.get("provisional").asBoolean()).isTrue();
        assertThat(json.get("smallNumberThreshold").asInt()).isEqualTo(5);
        assertThat(json.get("indicators")).hasSize(TestFigures.CATALOGUE.size());
        JsonNode responded = indicator(json.get("indicators"), "alerts.responded-within-target");
        assertThat(responded.get("value").isNull()).isTrue();
        assertThat(responded.get("display").asString()).isEqualTo("< 5");
        assertThat(responded.get("n").asString()).isEqualTo("< 5");
        assertThat(responded.get("suppressed").asBoolean()).isTrue();
        assertThat(responded.get("status").asString()).isEqualTo("AT_RISK");
        assertThat(responded.get("targetDisplay").asString()).isEqualTo("≥ 90 %");
        JsonNode answered = indicator(json.get("indicators"), "referrals.answered-within-target");
        assertThat(answered.get("value").asDouble()).isEqualTo(84.21);
        assertThat(answered.get("display").asString()).isEqualTo("84.2 %");
        assertThat(json.get("months")).hasSize(2);
        assertThat(json.get("months").get(1).get("period").asString()).isEqualTo("2026-11");
        assertThat(json.get("months").get(1).get("indicators")).hasSize(TestFigures.CATALOGUE.size());
        assertThatNothingWithheldIn(json);
    }

    /** Every suppressed indicator has no value, and no number anywhere is a withheld raw value. */
    static void assertThatNothingWithheldIn(JsonNode json) {
        List<JsonNode> numbers = new ArrayList<>();
        collectNumbers(json, numbers);
        assertThat(numbers).extracting(JsonNode::asDouble).doesNotContainAnyElementsOf(TestFigures.WITHHELD);
        List<JsonNode> indicators = new ArrayList<>();
        json.get("indicators").forEach(indicators::add);
        json.get("months").forEach(month -> month.get("indicators").forEach(indicators::add));
        assertThat(indicators)
                .filteredOn(indicator -> indicator.get("suppressed").asBoolean())
                .isNotEmpty()
                .allSatisfy(indicator -> {
                    assertThat(indicator.get("value").isNull()).isTrue();
                    assertThat(indicator.get("display").asString()).isEqualTo("< 5");
                });
    }

    private static void collectNumbers(JsonNode node, List<JsonNode> numbers) {
        if (node.isNumber()) {
            numbers.add(node);
        }
        node.forEach(child -> collectNumbers(child, numbers));
    }

    static JsonNode indicator(JsonNode indicators, String id) {
        for (JsonNode indicator : indicators) {
            if (indicator.get("id").asString().equals(id)) {
                return indicator;
            }
        }
        throw new AssertionError("No indicator " + id);
    }

    @Test
    void everyIndicatorOfTheCatalogueIsInTheReport() {
        assertThat(TestReports.openQuarter().indicators())
                .extracting(indicator -> indicator.id())
                .containsExactlyElementsOf(TestFigures.CATALOGUE.stream()
                        .map(IndicatorDefinition::id)
                        .toList());
    }
}
