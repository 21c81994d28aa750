package fr.maillage.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.evaluation.period.Period;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who publishes and reads which reports: the steering members and coordinators of the territory and
 * admins; another territory's coordinator is told they do not exist; clinicians and partner systems are
 * refused; nobody without a token gets anything. Every report endpoint is tried.
 */
class ReportAccessIntegrationTests extends ReportsIntegrationSupport {

    private static final String COORD_LYON_TERRITORY = "lyon-nord";

    /** Every endpoint of a report, for a given id. */
    private static List<String> readPaths(String reportId) {
        return List.of(
                "/api/reports/" + reportId,
                "/api/reports/" + reportId + "/report.json",
                "/api/reports/" + reportId + "/report.csv",
                "/api/reports/" + reportId + "/report.pdf");
    }

    @Test
    void theSteeringMemberAndTheCoordinatorOfBievrePublishAndReadEachOthersReports() {
        Period quarter = currentQuarter();
        String bySteering = published(COPIL, BIEVRE, quarter).get("reportId").asString();
        String byCoordinator =
                published(COORD_BIEVRE, BIEVRE, quarter).get("reportId").asString();

        for (String reader : List.of(COPIL, COORD_BIEVRE)) {
            for (String reportId : List.of(bySteering, byCoordinator)) {
                for (String path : readPaths(reportId)) {
                    assertThat(download(path, reader).statusCode())
                            .as("%s %s", reader, path)
                            .isEqualTo(200);
                }
            }
            HttpResponse<String> list =
                    get("/api/reports?territory=bievre&quarter=" + quarter.code() + "&size=100", reader);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(ids(json(list))).contains(bySteering, byCoordinator);
        }
    }

    @Test
    void aCoordinatorOfAnotherTerritoryIsToldBievresReportsDoNotExist() {
        Period quarter = currentQuarter();
        String reportId = published(COPIL, BIEVRE, quarter).get("reportId").asString();
        long stored = storedReports(BIEVRE);

        HttpResponse<String> publishing = publish(COORD_LYON, BIEVRE, quarter.code());
        assertThat(publishing.statusCode()).as(publishing.body()).isEqualTo(404);
        assertThat(json(publishing).get("type").asString()).isEqualTo("urn:maillage:problem:not-found");
        assertThat(storedReports(BIEVRE)).isEqualTo(stored);
        for (String path : readPaths(reportId)) {
            HttpResponse<byte[]> read = download(path, COORD_LYON);
            assertThat(read.statusCode()).as(path).isEqualTo(404);
        }
        assertThat(get("/api/reports?territory=bievre", COORD_LYON).statusCode())
                .isEqualTo(404);
        HttpResponse<String> theirs = get("/api/reports?size=100", COORD_LYON);
        assertThat(theirs.statusCode()).isEqualTo(200);
        assertThat(ids(json(theirs))).doesNotContain(reportId);
        json(theirs)
                .get("items")
                .forEach(item -> assertThat(item.get("territory").asString()).isEqualTo(COORD_LYON_TERRITORY));
        // Their own territory is theirs.
        assertThat(publish(COORD_LYON, COORD_LYON_TERRITORY, quarter.code()).statusCode())
                .isEqualTo(201);
    }

    @Test
    void aClinicianAndAPartnerSystemAreRefusedEveryReportEndpoint() {
        Period quarter = currentQuarter();
        String reportId = published(COPIL, BIEVRE, quarter).get("reportId").asString();
        long stored = storedReports(BIEVRE);

        for (String who : List.of("dr-martin", "psy-durand", "partner-epsm")) {
            HttpResponse<String> publishing = publish(who, BIEVRE, quarter.code());
            assertThat(publishing.statusCode()).as(who).isEqualTo(403);
            assertThat(json(publishing).get("type").asString()).isEqualTo("urn:maillage:problem:forbidden");
            for (String path : readPaths(reportId)) {
                assertThat(download(path, who).statusCode())
                        .as("%s %s", who, path)
                        .isEqualTo(403);
            }
            assertThat(get("/api/reports?territory=bievre", who).statusCode()).isEqualTo(403);
            assertThat(get("/api/reports", who).statusCode()).isEqualTo(403);
        }
        assertThat(storedReports(BIEVRE)).isEqualTo(stored);
    }

    @Test
    void anonymousCallersAreAskedToAuthenticate() {
        String reportId =
                published(COPIL, BIEVRE, currentQuarter()).get("reportId").asString();

        assertThat(publish(null, BIEVRE, currentQuarter().code()).statusCode()).isEqualTo(401);
        assertThat(get("/api/reports", null).statusCode()).isEqualTo(401);
        for (String path : readPaths(reportId)) {
            assertThat(download(path, null).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void anAdminPublishesAndReadsAnyTerritorysReports() {
        String territory = freshTerritory("admin");
        String reportId =
                published(ADMIN, territory, currentQuarter()).get("reportId").asString();
        String bievre =
                published(COPIL, BIEVRE, currentQuarter()).get("reportId").asString();

        for (String id : List.of(reportId, bievre)) {
            for (String path : readPaths(id)) {
                assertThat(download(path, ADMIN).statusCode()).as(path).isEqualTo(200);
            }
        }
        assertThat(ids(json(get("/api/reports?territory=" + territory, ADMIN)))).containsExactly(reportId);
    }

    @Test
    void anUnknownReportIsNotFound() {
        for (String path : readPaths("no-such-report")) {
            HttpResponse<byte[]> read = download(path, COPIL);
            assertThat(read.statusCode()).as(path).isEqualTo(404);
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("reportId").asString()));
        return ids;
    }
}
