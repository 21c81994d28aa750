package fr.maillage.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.evaluation.period.Period;
import fr.maillage.localstack.oidc.DemoUsers;
import fr.maillage.platform.events.IncomingEvent;
import fr.maillage.platform.testing.EventSchemas;
import fr.maillage.platform.testing.TopicReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A steering member publishes bievre's quarterly report: stored, announced once on the real broker in the
 * format meeting-service reads, and downloadable as JSON, CSV and a PDF with charts, each showing the
 * disclosed figures only.
 */
class ReportPublicationIntegrationTests extends ReportsIntegrationSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aSteeringMemberPublishesTheCurrentQuarterAsAProvisionalReportAnnouncedOnce() {
        TopicReader events = readFromNow(EVALUATION_TOPIC);
        Period quarter = currentQuarter();

        HttpResponse<String> created = publish(COPIL, BIEVRE, quarter.code());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode view = json(created);
        String reportId = view.get("reportId").asString();
        assertThat(created.headers().firstValue("Location")).contains("/api/reports/" + reportId);
        assertThat(view.get("territory").asString()).isEqualTo(BIEVRE);
        assertThat(view.get("quarter").asString()).isEqualTo(quarter.code());
        assertThat(view.get("provisional").asBoolean()).isTrue();
        assertThat(view.get("requestedBy").asString()).isEqualTo(DemoUsers.COPIL_BIEVRE_ID.toString());
        assertThat(Instant.parse(view.get("publishedAt").asString())).isEqualTo(clock.instant());
        assertThat(view.get("downloads").get("json").asString()).isEqualTo("/api/reports/" + reportId + "/report.json");
        assertThat(view.get("downloads").get("csv").asString()).isEqualTo("/api/reports/" + reportId + "/report.csv");
        assertThat(view.get("downloads").get("pdf").asString()).isEqualTo("/api/reports/" + reportId + "/report.pdf");
        HttpResponse<String> read = get("/api/reports/" + reportId, COPIL);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read)).isEqualTo(view);
        assertThat(storedReports(BIEVRE)).isPositive();

        List<JsonNode> published = publishedEvents(events, "reports", REPORT_PUBLISHED, reportId);
        assertThat(published).hasSize(1);
        JsonNode event = published.getFirst();
        EventSchemas.assertValid(REPORT_PUBLISHED, event.get("data").toString());
        assertThat(event.get("data").propertyNames())
                .containsExactlyInAnyOrder("reportId", "territory", "quarter", "publishedAt");
        assertThat(event.get("data").get("reportId").asString()).isEqualTo(reportId);
        assertThat(event.get("data").get("territory").asString()).isEqualTo(BIEVRE);
        assertThat(event.get("data").get("quarter").asString()).isEqualTo(quarter.code());
        assertThat(Instant.parse(event.get("data").get("publishedAt").asString()))
                .isEqualTo(clock.instant());
        assertThat(event.get("source").asString()).isEqualTo("/maillage/evaluation");
        assertThat(event.path("audience").asString("")).isEmpty();
        // As meeting-service's listener binds and validates it.
        IncomingEvent incoming = events.awaitCloudEvent(REPORT_PUBLISHED, reportId);
        MeetingServiceFormats.ReportPublished asMeetingReadsIt =
                incoming.data(MeetingServiceFormats.ReportPublished.class);
        assertThat(asMeetingReadsIt.reportId()).isEqualTo(reportId);
        assertThat(asMeetingReadsIt.publishedAt()).isEqualTo(clock.instant());
        assertThat(incoming.territory()).isEqualTo(BIEVRE);
        assertThat(incoming.audience()).isEmpty();
    }

    @Test
    void theJsonDownloadHoldsTheDisclosedFiguresOfTheQuarterAndOfItsMonthsSoFar() {
        Period quarter = currentQuarter();
        JsonNode view = published(COPIL, BIEVRE, quarter);

        HttpResponse<byte[]> download =
                download(view.get("downloads").get("json").asString(), COPIL);

        assertThat(download.statusCode()).isEqualTo(200);
        assertDownload(download, MediaType.APPLICATION_JSON, "maillage-bievre-" + quarter.code() + ".json");
        JsonNode report = JSON.readTree(new String(download.body(), StandardCharsets.UTF_8));
        assertThat(report.get("reportId").asString())
                .isEqualTo(view.get("reportId").asString());
        assertThat(report.get("territory").asString()).isEqualTo(BIEVRE);
        assertThat(report.get("quarter").asString()).isEqualTo(quarter.code());
        assertThat(report.get("provisional").asBoolean()).isTrue();
        assertThat(report.get("indicators")).hasSize(TestFigures.CATALOGUE.size());
        assertThat(report.get("months")).hasSize((int) quarter.months().stream()
                .filter(month -> month.hasStartedAt(clock.instant()))
                .count());
        JsonNode fill = ReportContentTests.indicator(report.get("indicators"), "workshops.fill-rate");
        assertThat(fill.get("display").asString()).isEqualTo("71.4 %");
        assertThat(fill.get("status").asString()).isEqualTo("AT_RISK");
        JsonNode urgency = ReportContentTests.indicator(report.get("indicators"), "alerts.by-urgency");
        assertThat(urgency.get("display").asString()).isEqualTo("< 5");
        assertThat(urgency.get("breakdown").get("B").asString()).isEqualTo("< 5");
        ReportContentTests.assertThatNothingWithheldIn(report);
    }

    @Test
    void theCsvDownloadParsesWithOneRowPerIndicatorAndSmallNumbersSuppressed() {
        Period quarter = currentQuarter();
        JsonNode view = published(COORD_BIEVRE, BIEVRE, quarter);

        HttpResponse<byte[]> download =
                download(view.get("downloads").get("csv").asString(), COPIL);

        assertThat(download.statusCode()).isEqualTo(200);
        assertDownload(
                download,
                new MediaType("text", "csv", StandardCharsets.UTF_8),
                "maillage-bievre-" + quarter.code() + ".csv");
        String text = new String(download.body(), StandardCharsets.UTF_8);
        List<List<String>> rows = Csv.parse(text);
        assertThat(rows.getFirst()).isEqualTo(ReportCsv.HEADER);
        List<List<String>> indicators =
                rows.stream().skip(1).filter(row -> row.get(6).isEmpty()).toList();
        assertThat(indicators).hasSize(TestFigures.CATALOGUE.size());
        assertThat(indicators).allSatisfy(row -> {
            assertThat(row.get(0)).isEqualTo(BIEVRE);
            assertThat(row.get(1)).isEqualTo(quarter.code());
        });
        List<String> responded = indicators.stream()
                .filter(row -> row.get(3).equals("alerts.responded-within-target"))
                .findFirst()
                .orElseThrow();
        assertThat(responded.subList(7, 11)).containsExactly("< 5", "< 5", "≥ 90 %", "AT_RISK");
        assertThat(rows)
                .filteredOn(row ->
                        row.get(3).equals("referrals.by-status") && row.get(6).equals("DECLINED"))
                .singleElement()
                .satisfies(row -> assertThat(row.get(7)).isEqualTo("< 5"));
        for (String withheld : TestFigures.WITHHELD_TEXTS) {
            assertThat(text).doesNotContain(withheld);
        }
    }

    @Test
    void thePdfDownloadOpensWithItsTitleFiguresChartsAndNoWithheldNumber() {
        Period quarter = currentQuarter();
        JsonNode view = published(COPIL, BIEVRE, quarter);

        HttpResponse<byte[]> download =
                download(view.get("downloads").get("pdf").asString(), COPIL);

        assertThat(download.statusCode()).isEqualTo(200);
        assertDownload(download, MediaType.APPLICATION_PDF, "maillage-bievre-" + quarter.code() + ".pdf");
        Pdfs.Read pdf = Pdfs.read(download.body());
        assertThat(pdf.title()).isEqualTo("Quarterly report — bievre — " + quarter.code());
        assertThat(pdf.flat())
                .contains("Quarterly report — bievre — " + quarter.code())
                .contains("Territory bievre, quarter " + quarter.code())
                .contains("PROVISIONAL")
                .contains("84.2 %", "71.4 %", "23.5 %", "≥ 90 %", "< 5")
                .contains("At risk", "Met");
        for (String withheld : TestFigures.WITHHELD_TEXTS) {
            assertThat(pdf.flat()).doesNotContain(withheld);
        }
        assertThat(pdf.images()).as("the charts").isEqualTo(2);
    }

    @Test
    void aReportOfTheLastClosedQuarterIsFinalWithItsMisses() {
        Period quarter = currentQuarter().previous();
        JsonNode view = published(COPIL, BIEVRE, quarter);

        assertThat(view.get("provisional").asBoolean()).isFalse();
        JsonNode report = JSON.readTree(new String(
                download(view.get("downloads").get("json").asString(), COPIL).body(), StandardCharsets.UTF_8));
        List<String> missed = new ArrayList<>();
        report.get("indicators").forEach(indicator -> {
            if (indicator.get("status").asString().equals("MISSED")) {
                missed.add(indicator.get("id").asString());
            }
        });
        assertThat(missed).containsExactlyElementsOf(TestFigures.MISSED_WHEN_CLOSED);
        assertThat(report.get("months")).hasSize(3);
        Pdfs.Read pdf = Pdfs.read(
                download(view.get("downloads").get("pdf").asString(), COPIL).body());
        assertThat(pdf.flat()).contains("Missed").doesNotContain("PROVISIONAL").doesNotContain("At risk");
    }

    @Test
    void theFiguresAreTakenOnceForTheQuarterAndOnceForEachMonthStarted() {
        String territory = freshTerritory("once");
        Period quarter = currentQuarter();

        published(ADMIN, territory, quarter);

        assertThat(board.calls(territory, quarter)).isEqualTo(1);
        for (Period month : quarter.months()) {
            assertThat(board.calls(territory, month))
                    .as(month.code())
                    .isEqualTo(month.hasStartedAt(clock.instant()) ? 1 : 0);
        }
        assertThat(storedReports(territory)).isEqualTo(1);
    }

    @Test
    void aTerritorysReportsAreListedLatestFirstByQuarterAndPage() {
        String territory = freshTerritory("list");
        Period current = currentQuarter();
        Period previous = current.previous();
        String older = published(ADMIN, territory, previous).get("reportId").asString();
        clock.advance(java.time.Duration.ofSeconds(1));
        String first = published(ADMIN, territory, current).get("reportId").asString();
        clock.advance(java.time.Duration.ofSeconds(1));
        String latest = published(ADMIN, territory, current).get("reportId").asString();

        JsonNode all = json(get("/api/reports?territory=" + territory, ADMIN));
        JsonNode ofCurrent = json(get("/api/reports?territory=" + territory + "&quarter=" + current.code(), ADMIN));
        JsonNode secondPage = json(
                get("/api/reports?territory=" + territory + "&quarter=" + current.code() + "&size=1&page=1", ADMIN));

        assertThat(ids(all)).containsExactly(latest, first, older);
        assertThat(all.get("totalItems").asLong()).isEqualTo(3);
        assertThat(ids(ofCurrent)).containsExactly(latest, first);
        assertThat(ids(secondPage)).containsExactly(first);
        assertThat(secondPage.get("totalItems").asLong()).isEqualTo(2);
        assertThat(secondPage.get("size").asInt()).isEqualTo(1);
        assertThat(all.get("items").get(0).get("downloads").get("pdf").asString())
                .isEqualTo("/api/reports/" + latest + "/report.pdf");
    }

    @Test
    void aPublicationRetriedWithTheSameIdempotencyKeyMakesOneReport() {
        String territory = freshTerritory("retry");
        String body = json(java.util.Map.of(
                "territory", territory, "quarter", currentQuarter().code()));
        String key = java.util.UUID.randomUUID().toString();

        HttpResponse<String> first = post("/api/reports", ADMIN, body, "Idempotency-Key", key);
        HttpResponse<String> retry = post("/api/reports", ADMIN, body, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(json(retry).get("reportId")).isEqualTo(json(first).get("reportId"));
        assertThat(retry.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(storedReports(territory)).isEqualTo(1);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("reportId").asString()));
        return ids;
    }

    private static void assertDownload(HttpResponse<byte[]> download, MediaType type, String fileName) {
        assertThat(MediaType.parseMediaType(
                        download.headers().firstValue("Content-Type").orElseThrow()))
                .satisfies(actual -> {
                    assertThat(actual.isCompatibleWith(type))
                            .as(actual.toString())
                            .isTrue();
                    if (type.getCharset() != null) {
                        assertThat(actual.getCharset()).isEqualTo(type.getCharset());
                    }
                });
        assertThat(download.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"" + fileName + "\"");
        assertThat(download.body()).isNotEmpty();
    }
}
