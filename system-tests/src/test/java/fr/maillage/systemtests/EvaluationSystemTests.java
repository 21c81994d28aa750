package fr.maillage.systemtests;

import static fr.maillage.systemtests.WalkingSkeletonSystemTests.facilitator;
import static fr.maillage.systemtests.WalkingSkeletonSystemTests.groupBody;
import static fr.maillage.systemtests.WalkingSkeletonSystemTests.referralBody;
import static fr.maillage.systemtests.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.systemtests.support.Api;
import fr.maillage.systemtests.support.RunningPlatform;
import fr.maillage.systemtests.support.SessionSlots;
import fr.maillage.systemtests.support.Tokens;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Evaluation (issue 7) through the gateway with real tokens, after the referral, alert, workshop and
 * meeting flows of the earlier system tests have run in {@code bievre} during the same run: {@code
 * copil-bievre} reads the current quarter's indicators of {@code bievre} (every catalogue indicator,
 * with its target and status, small numbers shown {@code < 5}), publishes the quarterly report and
 * downloads its PDF (opened with PDFBox), CSV and JSON; the steering committee of {@code bievre} links
 * the report. {@code coord-lyon} sees none of {@code bievre}'s figures (404), a clinician none at all
 * (403). A person referred to a workshop group led by {@code psy-durand} is due a baseline WHO-5, which
 * she records and the server scores; no coordinator or steering member reads the answers. An admin's
 * rebuild from the topics gives the same indicators as the live projection.
 *
 * <p>Where the contract leaves the exact JSON field names open (questionnaire definitions, dues,
 * responses, report view and files, rebuild status), the test reads them through the small helpers at
 * the end of this class, so they can be adapted in one place.
 */
@Order(14)
@ExtendWith(RunningPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluationSystemTests {

    private static final String TERRITORY = "bievre";
    private static final String INDICATORS = "/api/indicators";
    private static final String REPORTS = "/api/reports";
    private static final String RESPONSES = "/api/responses";
    private static final String QUESTIONNAIRES = "/api/questionnaires";
    private static final String WHO5 = "who-5";

    /** The catalogue of the contract: ids reports and system tests rely on. */
    private static final List<String> CATALOGUE = List.of(
            "referrals.by-status",
            "referrals.by-source",
            "referrals.acceptance-rate",
            "referrals.median-time-to-answer",
            "referrals.answered-within-target",
            "alerts.by-urgency",
            "alerts.responded-within-target",
            "alerts.responded-within-target.A",
            "alerts.responded-within-target.B",
            "alerts.responded-within-target.C",
            "alerts.responded-within-target.D",
            "alerts.responded-within-target.E",
            "alerts.median-time-to-qualification",
            "alerts.escalated",
            "alerts.feedback-to-emitter",
            "workshops.fill-rate",
            "workshops.attendance-rate",
            "workshops.completion-rate",
            "workshops.disengagement-rate",
            "workshops.waitlist-length",
            "meetings.held-vs-planned",
            "meetings.mean-professions-present",
            "meetings.actions-done-on-time",
            "questionnaires.who5-change",
            "questionnaires.participant-satisfaction",
            "questionnaires.professional-satisfaction");

    /** Indicators whose default target (configuration) every territory has: "at least" shares. */
    private static final List<String> WITH_DEFAULT_TARGETS =
            List.of("alerts.responded-within-target", "workshops.attendance-rate");

    private static final Set<String> STATUSES = Set.of("MET", "AT_RISK", "MISSED", "NO_TARGET", "NO_DATA");
    private static final Set<String> REFERRAL_STATUSES =
            Set.of("SUBMITTED", "ACCEPTED", "DECLINED", "REDIRECTED", "CANCELLED", "COMPLETED");
    private static final Set<String> ALERT_URGENCIES = Set.of("A", "B", "C", "D", "E", "F", "G", "UNQUALIFIED");

    /** The report's id, as meeting-service accepts it from {@code report-published}. */
    private static final String REPORT_ID = "^[A-Za-z0-9._:-]{1,128}$";

    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(30);
    // Events of the earlier flows may still be on their way to evaluation-service on a loaded machine.
    private static final Duration FLOWS_LANDED = Duration.ofSeconds(90);
    // The rebuild replays every projected topic from offset 0: all the events of this run.
    private static final Duration REBUILT = Duration.ofMinutes(3);
    // The gateway allows 20 requests per second per client: polls stay well under it.
    private static final Duration POLL = Duration.ofMillis(500);

    private static final Api API = new Api(RunningPlatform.gateway());

    /** The quarterly report copil-bievre published, shared by the tests that look at it. */
    private static Published report;

    /** The person enrolled in psy-durand's group and their baseline WHO-5 due. */
    private static Enrolled enrolled;

    // ---- indicators ----

    @Test
    @Order(1)
    void copilBievreSeesEveryIndicatorOfTheQuarterWithTargetsStatusesAndTheFiguresOfTheEarlierFlows() {
        String quarter = currentQuarter();

        JsonNode board = awaitFiguresOfTheEarlierFlows();

        assertThat(board.path("territory").asString()).isEqualTo(TERRITORY);
        assertThat(board.path("period").asString()).isEqualTo(quarter);
        assertThat(board.path("closed").asBoolean())
                .as("the current quarter is open")
                .isFalse();
        Map<String, JsonNode> indicators = byId(board.path("indicators"));
        assertThat(indicators.keySet()).as(board.toString()).containsAll(CATALOGUE);
        indicators.values().forEach(EvaluationSystemTests::assertStatusAgreesWithTargetInAnOpenPeriod);
        for (String id : WITH_DEFAULT_TARGETS) {
            JsonNode indicator = indicators.get(id);
            assertThat(indicator.path("target").isObject())
                    .as("the default target of %s: %s", id, indicator)
                    .isTrue();
            assertThat(indicator.path("target").path("comparison").asString()).isEqualTo("AT_LEAST");
            assertThat(indicator.path("target").path("threshold").asDouble()).isPositive();
            assertThat(indicator.path("targetDisplay").asString()).startsWith("≥");
            assertThat(indicator.path("status").asString()).isNotEqualTo("NO_TARGET");
        }

        // The earlier flows show: dr-martin's referrals (direct ones among them) and the partners' alerts.
        JsonNode byStatus = indicators.get("referrals.by-status");
        assertThat(byStatus.path("unit").asString()).isEqualTo("COUNT");
        assertThat(byStatus.path("breakdown").propertyNames())
                .as(byStatus.toString())
                .isNotEmpty()
                .isSubsetOf(REFERRAL_STATUSES);
        JsonNode bySource = indicators.get("referrals.by-source");
        assertThat(bySource.path("breakdown").path("DIRECT").asString("0"))
                .as("dr-martin's direct referrals: %s", bySource)
                .isNotEqualTo("0");
        JsonNode byUrgency = indicators.get("alerts.by-urgency");
        assertThat(byUrgency.path("breakdown").propertyNames())
                .as(byUrgency.toString())
                .isNotEmpty()
                .isSubsetOf(ALERT_URGENCIES);
        assertThat(byUrgency.path("breakdown").properties())
                .as(byUrgency.toString())
                .anyMatch(count -> !count.getValue().asString().equals("0"));

        // The catalogue says what each of them is.
        Api.Response definitions = API.get(INDICATORS + "/definitions", Tokens.of("copil-bievre"));
        assertThat(definitions.status()).as(definitions.toString()).isEqualTo(200);
        assertThat(definitionsOf(definitions.json()).stream()
                        .map(d -> d.path("id").asString()))
                .as(definitions.toString())
                .containsAll(CATALOGUE);
    }

    @Test
    @Order(2)
    void noCountFromOneToFourLeavesTheIndicatorsApiOnlyLessThanFive() {
        JsonNode board = awaitFiguresOfTheEarlierFlows();
        int threshold = threshold(board);

        for (JsonNode indicator : byId(board.path("indicators")).values()) {
            assertNoSmallCountShown(indicator, threshold);
        }
    }

    @Test
    @Order(3)
    void aMalformedPeriodOrMissingTerritoryIsABadRequestAndANextQuarterHasNotStartedYet() {
        String copil = Tokens.of("copil-bievre");

        Api.Response badPeriod = API.get(INDICATORS + "?territory=" + TERRITORY + "&period=2026-Q5", copil);
        Api.Response noTerritory = API.get(INDICATORS + "?period=" + currentQuarter(), copil);
        Api.Response notStarted = API.get(INDICATORS + "?territory=" + TERRITORY + "&period=" + nextQuarter(), copil);

        assertThat(badPeriod.status()).as(badPeriod.toString()).isEqualTo(400);
        assertThat(badPeriod.isProblem()).as(badPeriod.toString()).isTrue();
        assertThat(noTerritory.status()).as(noTerritory.toString()).isEqualTo(400);
        assertThat(noTerritory.isProblem()).as(noTerritory.toString()).isTrue();
        assertProblem(notStarted, 422, "period-not-started");
    }

    // ---- the quarterly report ----

    @Test
    @Order(4)
    void copilBievrePublishesTheQuarterlyReportAndDownloadsAPdfThatOpensACsvAndTheJson() throws IOException {
        Published published = report();
        String quarter = published.quarter();
        String copil = Tokens.of("copil-bievre");
        String file = "maillage-" + TERRITORY + "-" + quarter;

        // The view again, and the report among bievre's.
        Api.Response view = API.get(REPORTS + "/" + published.reportId(), copil);
        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        assertThat(reportIdOf(view.json())).isEqualTo(published.reportId());
        Api.Response listed = API.get(REPORTS + "?territory=" + TERRITORY + "&quarter=" + quarter, copil);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listOf(listed.json()).stream().map(EvaluationSystemTests::reportIdOf))
                .as(listed.toString())
                .contains(published.reportId());

        // The JSON: the disclosed figures of every indicator.
        Api.Download json = API.download(downloadPath(published, "json"), copil);
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        assertAttachment(json, file + ".json");
        JsonNode figures =
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(json.text());
        assertThat(json.text()).contains("\"" + TERRITORY + "\"").contains(quarter);
        Map<String, JsonNode> reported = byId(indicatorsOfReport(figures));
        assertThat(reported.keySet()).as(json.text()).containsAll(CATALOGUE);
        int threshold = threshold(figures);
        for (JsonNode indicator : reported.values()) {
            assertThat(STATUSES)
                    .as(indicator.toString())
                    .contains(indicator.path("status").asString());
            assertNoSmallCountShown(indicator, threshold);
        }

        // The CSV: a header row, then a row per indicator (with its status) and its breakdown's rows.
        Api.Download csv = API.download(downloadPath(published, "csv"), copil);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertAttachment(csv, file + ".csv");
        List<List<String>> rows = parseCsv(csv.text());
        assertThat(rows.size()).as(csv.text()).isGreaterThan(CATALOGUE.size());
        List<String> header = rows.getFirst();
        for (List<String> row : rows) {
            assertThat(row)
                    .as("RFC 4180: as many fields as the header, %s", row)
                    .hasSameSizeAs(header);
        }
        int idColumn = csvColumn(header, "id", "indicator", "indicatorid", "indicator_id", "indicator id");
        int nColumn = csvColumn(header, "n");
        int statusColumn = csvColumn(header, "status");
        List<List<String>> body = rows.subList(1, rows.size());
        for (String id : CATALOGUE) {
            List<String> row = body.stream()
                    .filter(r -> r.get(idColumn).equals(id))
                    .filter(r -> !r.get(statusColumn).isBlank())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no row of " + id + " in\n" + csv.text()));
            assertThat(row.get(statusColumn))
                    .as("the status of %s in the CSV and the JSON", id)
                    .isEqualTo(reported.get(id).path("status").asString());
        }
        for (List<String> row : body) {
            if (!row.get(nColumn).isBlank()) {
                assertShownCount("n of " + row, row.get(nColumn), threshold);
            }
        }

        // The PDF opens, has at least a page and names the territory and the quarter; a suppressed
        // figure is shown "< 5".
        Api.Download pdf = API.download(downloadPath(published, "pdf"), copil);
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertAttachment(pdf, file + ".pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).isPositive();
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(TERRITORY).contains(quarter);
            boolean anySuppressed = reported.values().stream()
                    .anyMatch(i -> i.path("display").asString().equals("< " + threshold)
                            || i.path("n").asString().equals("< " + threshold));
            if (anySuppressed) {
                assertThat(text).as("a suppressed figure is shown so").contains("< " + threshold);
            }
        }
    }

    @Test
    @Order(5)
    void theSteeringCommitteeOfBievreLinksTheReportJustPublished() {
        // coord-bievre plans the next steering committee of bievre, with copil-bievre invited.
        String marker = UUID.randomUUID().toString();
        LocalDateTime startsAt = LocalDate.now(SessionSlots.PARIS)
                .plusDays(2 + ThreadLocalRandom.current().nextInt(5))
                .atTime(18, 0);
        Api.Response scheduled = API.post(
                "/api/meetings",
                Tokens.of("coord-bievre"),
                json(
                        "kind",
                        "STEERING_COMMITTEE",
                        "territory",
                        TERRITORY,
                        "title",
                        "Comité de pilotage " + marker,
                        "startsAt",
                        startsAt.toString(),
                        "durationMinutes",
                        120,
                        "venue",
                        "Salle CPTS " + marker,
                        "participants",
                        List.of(
                                json(
                                        "userId",
                                        sub("copil-bievre"),
                                        "profession",
                                        "public-health",
                                        "institution",
                                        "cpts-bievre"),
                                json(
                                        "userId",
                                        sub("coord-bievre"),
                                        "profession",
                                        "coordinator",
                                        "institution",
                                        "cpts-bievre"))));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        String meetingId = scheduled.text("id");

        Published published = report();

        // meeting-service learns the report from report-published: the committee links it.
        await().atMost(WITHIN_SECONDS).pollInterval(POLL).untilAsserted(() -> {
            Api.Response meeting = API.get("/api/meetings/" + meetingId, Tokens.of("copil-bievre"));
            assertThat(meeting.status()).as(meeting.toString()).isEqualTo(200);
            JsonNode latest = meeting.json().path("latestReport");
            assertThat(latest.path("reportId").asString())
                    .as(meeting.toString())
                    .isEqualTo(published.reportId());
            assertThat(latest.path("quarter").asString()).isEqualTo(published.quarter());
        });
    }

    // ---- who reads figures ----

    @Test
    @Order(6)
    void coordLyonSeesNoneOfBievresFiguresNorItsReportsAndAClinicianOrAPartnerNoFiguresAtAll() {
        Published published = report();
        String lyon = Tokens.of("coord-lyon");
        String reportPath = REPORTS + "/" + published.reportId();

        // Out of scope is 404: coord-lyon does not learn whether bievre has figures or reports.
        List<Api.Response> outOfScope = List.of(
                API.get(INDICATORS + "?territory=" + TERRITORY, lyon),
                API.get(INDICATORS + "?territory=" + TERRITORY + "&period=" + published.quarter(), lyon),
                API.get(INDICATORS + "/targets?territory=" + TERRITORY, lyon),
                API.get(reportPath, lyon),
                API.get(REPORTS + "?territory=" + TERRITORY, lyon),
                API.post(REPORTS, lyon, json("territory", TERRITORY, "quarter", published.quarter())));
        for (Api.Response answer : outOfScope) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
            assertThat(answer.body()).doesNotContain("referrals.by-status");
        }
        for (String ext : List.of("json", "csv", "pdf")) {
            Api.Download download = API.download(reportPath + "/report." + ext, lyon);
            assertThat(download.status()).as(download.toString()).isEqualTo(404);
            assertThat(download.contentType()).as(download.toString()).startsWith("application/problem+json");
        }
        // Their own territory's figures they read: the 404s above are about bievre, not a broken service.
        Api.Response own = API.get(INDICATORS + "?territory=lyon-nord", lyon);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.text("territory")).isEqualTo("lyon-nord");
        // Nor do they find bievre's report among theirs.
        Api.Response theirs = API.get(REPORTS + "?territory=lyon-nord", lyon);
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(200);
        assertThat(theirs.body()).doesNotContain(published.reportId());

        // A clinician and a partner system never read figures: 403, whatever the territory.
        for (String reader : List.of("dr-martin", "partner-epsm")) {
            Api.Response refused = API.get(INDICATORS + "?territory=" + TERRITORY, Tokens.of(reader));
            assertThat(refused.status()).as(reader + ": " + refused).isEqualTo(403);
            assertThat(refused.isProblem()).as(refused.toString()).isTrue();
        }
        Api.Response noReport =
                API.post(REPORTS, Tokens.of("dr-martin"), json("territory", TERRITORY, "quarter", published.quarter()));
        assertThat(noReport.status()).as(noReport.toString()).isEqualTo(403);
    }

    @Test
    @Order(7)
    void aReportForABadOrNotYetStartedQuarterIsAProblemAndPublishesNothing() {
        String copil = Tokens.of("copil-bievre");
        long before = reportsOfBievre();

        Api.Response badQuarter = API.post(REPORTS, copil, json("territory", TERRITORY, "quarter", "2026-Q5"));
        Api.Response notStarted = API.post(REPORTS, copil, json("territory", TERRITORY, "quarter", nextQuarter()));

        assertThat(badQuarter.status()).as(badQuarter.toString()).isEqualTo(400);
        assertThat(badQuarter.isProblem()).as(badQuarter.toString()).isTrue();
        assertProblem(notStarted, 422, "period-not-started");
        assertThat(reportsOfBievre()).isEqualTo(before);
    }

    // ---- questionnaires ----

    @Test
    @Order(8)
    void psyDurandRecordsTheBaselineWho5OfAPersonInHerGroupScoredOnTheServerAndNoCoordinatorOrSteeringMemberReadsIt() {
        Enrolled person = enrolled();
        JsonNode who5 = who5();

        // Answers whose scores sum to a raw 12: below 13, poor wellbeing.
        Api.Response recorded = API.post(
                RESPONSES, Tokens.of("psy-durand"), responseBody(person, who5, answersScoring(who5, 3, 3, 2, 2, 2)));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        JsonNode response = recorded.json();
        String responseId = responseIdOf(response);
        assertThat(responseId).as(recorded.toString()).isNotBlank();
        assertThat(response.path("questionnaireId").asString()).isEqualTo(WHO5);
        assertThat(response.path("timepoint").asString()).isEqualTo("BASELINE");
        assertScore(response.path("score"), 12, 48, "POOR_WELLBEING", true);

        // The due is answered.
        await().atMost(WITHIN_SECONDS)
                .pollInterval(POLL)
                .untilAsserted(() ->
                        assertThat(dueStatus(baselineDue(person.personRef()))).isEqualTo("ANSWERED"));

        // The care team reads the answers...
        Api.Response list = API.get(RESPONSES + "?personRef=" + person.personRef(), Tokens.of("psy-durand"));
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(listOf(list.json()).stream().map(EvaluationSystemTests::responseIdOf))
                .as(list.toString())
                .contains(responseId);
        Api.Response one = API.get(RESPONSES + "/" + responseId, Tokens.of("psy-durand"));
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertScore(one.json().path("score"), 12, 48, "POOR_WELLBEING", true);

        // ... nobody else: for coordinators and steering members they do not exist.
        for (String reader : List.of("coord-bievre", "copil-bievre", "coord-lyon")) {
            for (Api.Response refused : List.of(
                    API.get(RESPONSES + "?personRef=" + person.personRef(), Tokens.of(reader)),
                    API.get(RESPONSES + "/" + responseId, Tokens.of(reader)))) {
                assertThat(refused.status()).as(reader + ": " + refused).isEqualTo(404);
                assertThat(refused.isProblem()).as(refused.toString()).isTrue();
                assertThat(refused.body()).doesNotContain("POOR_WELLBEING");
            }
        }
    }

    @Test
    @Order(9)
    void who5AnswersMissingAnItemOutOfRangeOrUnknownAreUnprocessableProblemsAndRecordNothing() {
        Enrolled person = enrolled();
        JsonNode who5 = who5();
        List<JsonNode> items = listOf(who5.path("items"));
        String first = items.getFirst().path("id").asString();
        String last = items.getLast().path("id").asString();
        int before = responsesOf(person.personRef()).size();
        String dueBefore = dueStatus(baselineDue(person.personRef()));

        Map<String, Object> missing = answersScoring(who5, 3, 3, 2, 2, 2);
        missing.remove(last);
        Map<String, Object> outOfRange = answersScoring(who5, 3, 3, 2, 2, 2);
        outOfRange.put(first, outOfRange(items.getFirst()));
        Map<String, Object> unknown = answersScoring(who5, 3, 3, 2, 2, 2);
        unknown.put("not-an-item", 1);
        String psy = Tokens.of("psy-durand");

        Api.Response missed = API.post(RESPONSES, psy, responseBody(person, who5, missing));
        Api.Response outside = API.post(RESPONSES, psy, responseBody(person, who5, outOfRange));
        Api.Response stranger = API.post(RESPONSES, psy, responseBody(person, who5, unknown));

        assertThat(missed.status()).as(missed.toString()).isEqualTo(422);
        assertThat(missed.isProblem()).as(missed.toString()).isTrue();
        assertThat(missed.body()).as("the fault names the item").contains(last);
        assertThat(outside.status()).as(outside.toString()).isEqualTo(422);
        assertThat(outside.isProblem()).as(outside.toString()).isTrue();
        assertThat(outside.body()).as("the fault names the item").contains(first);
        assertThat(stranger.status()).as(stranger.toString()).isEqualTo(422);
        assertThat(stranger.isProblem()).as(stranger.toString()).isTrue();
        assertThat(stranger.body()).as("the fault names the item").contains("not-an-item");
        // Nothing half-written: no response, the due as it was.
        assertThat(responsesOf(person.personRef())).hasSize(before);
        assertThat(dueStatus(baselineDue(person.personRef()))).isEqualTo(dueBefore);
    }

    // ---- rebuild ----

    @Test
    @Order(10)
    void anAdminRebuildFromTheTopicsGivesBievreTheSameIndicatorsAsTheLiveProjection() {
        Api.Response notAdmin = API.post(INDICATORS + "/rebuild", Tokens.of("copil-bievre"), Map.of());
        assertThat(notAdmin.status()).as(notAdmin.toString()).isEqualTo(403);
        awaitFiguresOfTheEarlierFlows();

        // The live figures, once two reads a second apart agree (other flows' events may still land).
        AtomicReference<Map<String, String>> last = new AtomicReference<>();
        Map<String, String> live = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> {
                            Map<String, String> now = comparable(indicatorsOfBievre());
                            return now.equals(last.getAndSet(now)) ? now : null;
                        },
                        java.util.Objects::nonNull);

        Api.Response started = API.post(INDICATORS + "/rebuild", Tokens.of("admin"), Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String rebuildId = started.text("rebuildId");
        assertThat(rebuildId).as(started.toString()).isNotBlank();
        assertThat(started.text("status")).isIn("RUNNING", "DONE");

        JsonNode finished = await().atMost(REBUILT)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> {
                            Api.Response status = API.get(INDICATORS + "/rebuild", Tokens.of("admin"));
                            assertThat(status.status()).as(status.toString()).isEqualTo(200);
                            return status.json();
                        },
                        status -> rebuildId.equals(status.path("rebuildId").asString())
                                && !status.path("status").asString().equals("RUNNING"));
        assertThat(finished.path("status").asString()).as(finished.toString()).isEqualTo("DONE");
        assertThat(finished.path("events").asLong()).as(finished.toString()).isPositive();
        assertThat(Instant.parse(finished.path("finishedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(finished.path("startedAt").asString()));

        Map<String, String> rebuilt = comparable(indicatorsOfBievre());
        assertThat(rebuilt).as("rebuilt == incremental").isEqualTo(live);
    }

    // ---- the report, once ----

    /** The report copil-bievre published for bievre's current quarter. */
    private record Published(String reportId, String quarter, JsonNode view) {}

    private static synchronized Published report() {
        if (report == null) {
            report = publish();
        }
        return report;
    }

    private static Published publish() {
        String quarter = currentQuarter();
        awaitFiguresOfTheEarlierFlows();

        Api.Response created =
                API.post(REPORTS, Tokens.of("copil-bievre"), json("territory", TERRITORY, "quarter", quarter));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode view = created.json();
        String reportId = reportIdOf(view);
        assertThat(reportId).as(created.toString()).matches(REPORT_ID);
        assertThat(created.location()).as("Location of %s", created).endsWith(REPORTS + "/" + reportId);
        assertThat(view.path("territory").asString()).isEqualTo(TERRITORY);
        assertThat(view.path("quarter").asString()).isEqualTo(quarter);
        assertThat(view.path("provisional").asBoolean())
                .as("the quarter is not closed yet: %s", view)
                .isTrue();
        assertThat(view.path("requestedBy").asString()).isEqualTo(sub("copil-bievre"));
        assertThat(Instant.parse(view.path("publishedAt").asString()))
                .isBefore(Instant.now().plusSeconds(60));
        for (String ext : List.of("json", "csv", "pdf")) {
            assertThat(view.path("downloads").path(ext).asString())
                    .as(view.toString())
                    .isNotBlank();
        }
        return new Published(reportId, quarter, view);
    }

    /** How many reports of bievre copil-bievre finds. */
    private static long reportsOfBievre() {
        Api.Response listed = API.get(REPORTS + "?territory=" + TERRITORY + "&size=100", Tokens.of("copil-bievre"));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        JsonNode body = listed.json();
        return body.has("totalItems")
                ? body.path("totalItems").asLong()
                : listOf(body).size();
    }

    // ---- the person, once ----

    /** A person dr-martin referred to a workshop and enrolled in psy-durand's group, due a baseline WHO-5. */
    private record Enrolled(String personRef, String referralId, String groupId, JsonNode due) {}

    private static synchronized Enrolled enrolled() {
        if (enrolled == null) {
            enrolled = enrol();
        }
        return enrolled;
    }

    private static Enrolled enrol() {
        for (String user : List.of("coord-bievre", "dr-martin", "psy-durand")) {
            Tokens.of(user);
        }
        // coord-bievre opens a group of a new programme, led by psy-durand and ide-bernard, once
        // workshop-service has learned the programme from the directory's events.
        String programme = WalkingSkeletonSystemTests.workshopProgramme();
        Map<String, Object> group = groupBody(
                programme,
                8,
                List.of(facilitator("psy-durand", "clinical-psychologist"), facilitator("ide-bernard", "nurse")),
                SessionSlots.nextFirstSession());
        String groupId = await().atMost(WITHIN_SECONDS)
                .pollInterval(POLL)
                .until(
                        () -> {
                            Api.Response opened = API.post("/api/workshops/groups", Tokens.of("coord-bievre"), group);
                            return opened.status() == 201 ? opened.text("id") : null;
                        },
                        java.util.Objects::nonNull);

        // dr-martin refers a person to it (their consent recorded with the referral); coord-bievre accepts.
        Api.Response referred = API.post(
                "/api/referrals",
                Tokens.of("dr-martin"),
                referralBody(programme, "Questionnaire-" + UUID.randomUUID()));
        assertThat(referred.status()).as(referred.toString()).isEqualTo(201);
        String referralId = referred.text("id");
        String personRef = referred.text("personRef");
        Api.Response accepted =
                API.post("/api/referrals/" + referralId + "/acceptance", Tokens.of("coord-bievre"), Map.of());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        await().atMost(WITHIN_SECONDS).pollInterval(POLL).untilAsserted(() -> {
            Api.Response referral = API.get("/api/referrals/" + referralId, Tokens.of("dr-martin"));
            assertThat(referral.text("businessStatus")).as(referral.toString()).isEqualTo("ENROLLED");
        });

        // The confirmed enrolment makes a baseline WHO-5 due, which psy-durand, facilitator, sees.
        AtomicReference<JsonNode> due = new AtomicReference<>();
        await().atMost(WITHIN_SECONDS).pollInterval(POLL).untilAsserted(() -> {
            JsonNode baseline = baselineDue(personRef);
            assertThat(baseline).as("a baseline WHO-5 due of %s", personRef).isNotNull();
            due.set(baseline);
        });
        JsonNode baseline = due.get();
        assertThat(dueStatus(baseline)).as(baseline.toString()).isEqualTo("DUE");
        assertThat(baseline.path("personRef").asString(personRef)).isEqualTo(personRef);
        return new Enrolled(personRef, referralId, groupId, baseline);
    }

    // ---- reading the indicators ----

    /**
     * bievre's indicators of the current quarter as copil-bievre reads them, once the earlier flows show
     * in them: referrals and alerts of this quarter counted (n not {@code 0}, possibly {@code < 5}).
     */
    private static JsonNode awaitFiguresOfTheEarlierFlows() {
        return await().atMost(FLOWS_LANDED)
                .pollInterval(POLL)
                .until(EvaluationSystemTests::indicatorsOfBievre, board -> {
                    Map<String, JsonNode> indicators = byId(board.path("indicators"));
                    return counted(indicators.get("referrals.by-status"))
                            && counted(indicators.get("alerts.by-urgency"));
                });
    }

    private static boolean counted(JsonNode indicator) {
        return indicator != null && !indicator.path("n").asString("0").equals("0");
    }

    private static JsonNode indicatorsOfBievre() {
        Api.Response read = API.get(
                INDICATORS + "?territory=" + TERRITORY + "&period=" + currentQuarter(), Tokens.of("copil-bievre"));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json();
    }

    private static Map<String, JsonNode> byId(JsonNode indicators) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        indicators.forEach(indicator -> byId.put(indicator.path("id").asString(), indicator));
        return byId;
    }

    /** What rebuild must reproduce of each indicator: value, display, n, breakdown, target and status. */
    private static Map<String, String> comparable(JsonNode board) {
        Map<String, String> figures = new java.util.TreeMap<>();
        byId(board.path("indicators")).forEach((id, indicator) -> {
            JsonNode value = indicator.path("value");
            String rounded = value.isNumber() ? String.format(Locale.ROOT, "%.6f", value.asDouble()) : "null";
            figures.put(
                    id,
                    rounded + " | " + indicator.path("display").asString() + " | n="
                            + indicator.path("n").asString()
                            + " | " + new java.util.TreeMap<>(breakdownOf(indicator)) + " | "
                            + indicator.path("target") + " | "
                            + indicator.path("status").asString());
        });
        return figures;
    }

    private static Map<String, String> breakdownOf(JsonNode indicator) {
        Map<String, String> breakdown = new LinkedHashMap<>();
        indicator
                .path("breakdown")
                .properties()
                .forEach(e -> breakdown.put(e.getKey(), e.getValue().asString()));
        return breakdown;
    }

    private static int threshold(JsonNode board) {
        return board.path("smallNumberThreshold").asInt(5);
    }

    /** A status agrees with the raw value and the target ({@code TargetStatus.of}): never MISSED while open. */
    private static void assertStatusAgreesWithTargetInAnOpenPeriod(JsonNode indicator) {
        String status = indicator.path("status").asString();
        assertThat(STATUSES).as(indicator.toString()).contains(status);
        JsonNode target = indicator.path("target");
        if (!target.isObject()) {
            assertThat(status).as(indicator.toString()).isEqualTo("NO_TARGET");
            return;
        }
        JsonNode value = indicator.path("value");
        if (value.isNumber()) {
            double threshold = target.path("threshold").asDouble();
            boolean met = target.path("comparison").asString().equals("AT_LEAST")
                    ? value.asDouble() >= threshold
                    : value.asDouble() <= threshold;
            assertThat(status).as(indicator.toString()).isEqualTo(met ? "MET" : "AT_RISK");
        } else if (!indicator.path("suppressed").asBoolean()) {
            assertThat(status).as(indicator.toString()).isEqualTo("NO_DATA");
        } else {
            // Computed on the withheld raw value.
            assertThat(status).as(indicator.toString()).isIn("MET", "AT_RISK", "NO_DATA");
        }
    }

    /** Counts from 1 to threshold - 1 are shown {@code < threshold}, never as they are. */
    private static void assertNoSmallCountShown(JsonNode indicator, int threshold) {
        String id = indicator.path("id").asString();
        assertShownCount("n of " + id, indicator.path("n").asString(), threshold);
        breakdownOf(indicator).forEach((key, count) -> assertShownCount(id + " breakdown " + key, count, threshold));
        if (indicator.path("unit").asString().equals("COUNT")) {
            JsonNode value = indicator.path("value");
            if (value.isNumber()) {
                assertThat(value.asDouble() == 0 || value.asDouble() >= threshold)
                        .as("the count %s of %s", value, id)
                        .isTrue();
            }
            String display = indicator.path("display").asString();
            if (!display.equals("—")) {
                assertShownCount("display of " + id, display, threshold);
            }
        }
    }

    private static void assertShownCount(String what, String shown, int threshold) {
        if (shown.equals("< " + threshold)) {
            return;
        }
        assertThat(shown).as("%s is a count or < %d", what, threshold).matches("\\d+");
        long count = Long.parseLong(shown);
        assertThat(count == 0 || count >= threshold)
                .as("%s = %s: a count from 1 to %d shows as < %d", what, shown, threshold - 1, threshold)
                .isTrue();
    }

    // ---- reading the questionnaires ----

    /** The latest WHO-5 definition. */
    private static JsonNode who5() {
        Api.Response read = API.get(QUESTIONNAIRES + "/" + WHO5, Tokens.of("psy-durand"));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        JsonNode who5 = read.json();
        assertThat(listOf(who5.path("items"))).as(read.toString()).hasSize(5);
        return who5;
    }

    /** The body of {@code POST /api/responses}: the person's baseline WHO-5 in bievre. */
    private static Map<String, Object> responseBody(Enrolled person, JsonNode who5, Map<String, Object> answers) {
        Map<String, Object> body = json(
                "questionnaireId", WHO5,
                "timepoint", "BASELINE",
                "personRef", person.personRef(),
                "territory", TERRITORY,
                "answers", answers);
        if (who5.path("version").isNumber()) {
            body.put("version", who5.path("version").asInt());
        } else if (!who5.path("version").asString("").isBlank()) {
            body.put("version", who5.path("version").asString());
        }
        // The due is answered by (personRef, enrolmentId, questionnaire, timepoint), or by its dueId.
        for (String key : List.of("enrolmentId", "dueId")) {
            String value = person.due().path(key).asString("");
            if (!value.isBlank()) {
                body.put(key, value);
            }
        }
        return body;
    }

    /** Answers to the definition's items, in order, choosing for each the option with the given score. */
    private static Map<String, Object> answersScoring(JsonNode definition, int... scores) {
        List<JsonNode> items = listOf(definition.path("items"));
        assertThat(items).hasSameSizeAs(scores);
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            JsonNode item = items.get(i);
            int score = scores[i];
            JsonNode option = listOf(item.path("options")).stream()
                    .filter(o -> o.path("score").asInt(-1) == score)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no option scoring " + score + " in " + item));
            answers.put(item.path("id").asString(), valueOf(option.path("value")));
        }
        return answers;
    }

    /** An answer none of the item's options allows, of the options' type. */
    private static Object outOfRange(JsonNode item) {
        List<JsonNode> values = listOf(item.path("options")).stream()
                .map(option -> option.path("value"))
                .toList();
        if (values.stream().allMatch(JsonNode::isNumber)) {
            return values.stream().mapToInt(JsonNode::asInt).max().orElse(5) + 1;
        }
        return "not-an-option";
    }

    private static Object valueOf(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asInt();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        return value.asString();
    }

    private static void assertScore(JsonNode score, int raw, int percent, String band, boolean flag) {
        assertThat(score.path("raw").asDouble()).as(score.toString()).isEqualTo(raw);
        assertThat(score.path("percent").asDouble()).as(score.toString()).isEqualTo(percent);
        JsonNode bandNode = score.path("band");
        String code = bandNode.isObject() ? bandNode.path("code").asString() : bandNode.asString();
        assertThat(code).as(score.toString()).isEqualTo(band);
        assertThat(score.path("flag").asBoolean()).as(score.toString()).isEqualTo(flag);
    }

    /** The person's baseline WHO-5 due as psy-durand lists them, or null. */
    private static JsonNode baselineDue(String personRef) {
        Api.Response dues = API.get(QUESTIONNAIRES + "/due?personRef=" + personRef, Tokens.of("psy-durand"));
        if (dues.status() == 404) {
            return null; // the care team is not known yet
        }
        assertThat(dues.status()).as(dues.toString()).isEqualTo(200);
        return listOf(dues.json()).stream()
                .filter(due -> WHO5.equals(due.path("questionnaireId").asString()))
                .filter(due -> "BASELINE".equals(due.path("timepoint").asString()))
                .findFirst()
                .orElse(null);
    }

    private static String dueStatus(JsonNode due) {
        assertThat(due).as("the due").isNotNull();
        return due.path("status").asString();
    }

    /** The responses of a person psy-durand reads. */
    private static List<JsonNode> responsesOf(String personRef) {
        Api.Response list = API.get(RESPONSES + "?personRef=" + personRef, Tokens.of("psy-durand"));
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return listOf(list.json());
    }

    // ---- field names the contract leaves open: one place to adapt ----

    /** A list answer: a plain array, or a page ({@code items}). */
    private static List<JsonNode> listOf(JsonNode body) {
        JsonNode items = body.isArray() ? body : body.path("items");
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    /** The catalogue: a plain array, a page ({@code items}) or {@code {definitions: [...]}}. */
    private static List<JsonNode> definitionsOf(JsonNode body) {
        return body.has("definitions") ? listOf(body.path("definitions")) : listOf(body);
    }

    private static String reportIdOf(JsonNode report) {
        return report.has("reportId")
                ? report.path("reportId").asString()
                : report.path("id").asString();
    }

    private static String responseIdOf(JsonNode response) {
        return response.has("responseId")
                ? response.path("responseId").asString()
                : response.path("id").asString();
    }

    /** The disclosed indicators of a report's JSON file: its {@code indicators}, or the document itself. */
    private static JsonNode indicatorsOfReport(JsonNode figures) {
        return figures.isArray() ? figures : figures.path("indicators");
    }

    /** A download's path as the report view gives it (a path or a URL), the contract's path otherwise. */
    private static String downloadPath(Published published, String ext) {
        String given = published.view().path("downloads").path(ext).asString("");
        if (given.startsWith("/api/")) {
            return given;
        }
        int api = given.indexOf("/api/");
        if (given.startsWith("http") && api > 0) {
            return given.substring(api);
        }
        return REPORTS + "/" + published.reportId() + "/report." + ext;
    }

    /** The index of the CSV header's column with one of these names (case and spaces ignored). */
    private static int csvColumn(List<String> header, String... names) {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().toLowerCase(Locale.ROOT);
            for (String candidate : names) {
                if (name.equals(candidate)) {
                    return i;
                }
            }
        }
        throw new AssertionError("no column " + List.of(names) + " in the CSV header " + header);
    }

    // ---- small helpers ----

    private static void assertAttachment(Api.Download download, String filename) {
        assertThat(download.contentDisposition())
                .as(download.toString())
                .startsWith("attachment")
                .contains("filename=\"" + filename + "\"");
    }

    /** RFC 4180: fields separated by commas, quoted with doubled quotes inside, CRLF (or LF) rows. */
    static List<List<String>> parseCsv(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                rows.add(row);
                row = new ArrayList<>();
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        assertThat(quoted).as("an unterminated quoted field in\n%s", text).isFalse();
        if (!field.isEmpty() || !row.isEmpty() || wasQuoted) {
            row.add(field.toString());
            rows.add(row);
        }
        assertThat(rows).as("a CSV with a header row").isNotEmpty();
        return rows;
    }

    /** The quarter of today in Paris, e.g. {@code 2026-Q4}. */
    private static String currentQuarter() {
        return quarterOf(LocalDate.now(SessionSlots.PARIS));
    }

    private static String nextQuarter() {
        return quarterOf(LocalDate.now(SessionSlots.PARIS).plusMonths(3));
    }

    private static String quarterOf(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    private static void assertProblem(Api.Response response, int status, String slug) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.text("type")).as(response.toString()).isEqualTo("urn:maillage:problem:" + slug);
    }

    private static String sub(String demoUser) {
        return Tokens.claims(Tokens.of(demoUser)).path("sub").asString();
    }
}
