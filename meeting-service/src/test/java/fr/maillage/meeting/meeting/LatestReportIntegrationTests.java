package fr.maillage.meeting.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A steering committee links its territory's latest quarterly report, as evaluation publishes them. */
class LatestReportIntegrationTests extends MeetingTestSupport {

    @Autowired
    ReportRegistry reports;

    private final String territory = freshTerritory();

    private JsonNode latestReportOf(String meetingId) {
        return meeting(meetingId, "admin").get("latestReport");
    }

    @Test
    void theCommitteeShowsTheLatestQuarterWhateverOrderReportsArriveIn() {
        String committee = schedule("admin", "STEERING_COMMITTEE", territory, soon(), List.of(STEERING))
                .get("id")
                .asString();
        String group = schedule("admin", "SUPERVISION", territory, soon(), List.of(GP))
                .get("id")
                .asString();
        assertThat(latestReportOf(committee).isNull()).as("none yet").isTrue();

        reports.reportPublished("r-q3", territory, "2026-Q3", Instant.parse("2026-10-05T08:00:00Z"));
        reports.reportPublished("r-q4", territory, "2026-Q4", Instant.parse("2027-01-06T08:00:00Z"));
        reports.reportPublished("r-q3-late", territory, "2026-Q3", Instant.parse("2027-01-10T08:00:00Z"));
        reports.reportPublished("r-q4", territory, "2026-Q4", Instant.parse("2027-01-06T08:00:00Z"));

        JsonNode latest = latestReportOf(committee);
        assertThat(latest.get("reportId").asString()).isEqualTo("r-q4");
        assertThat(latest.get("quarter").asString()).isEqualTo("2026-Q4");
        assertThat(latest.get("publishedAt").asString()).isEqualTo("2027-01-06T08:00:00Z");
        assertThat(latestReportOf(group).isNull())
                .as("only steering committees")
                .isTrue();

        reports.reportPublished("r-q4-corrected", territory, "2026-Q4", Instant.parse("2027-01-08T08:00:00Z"));
        assertThat(latestReportOf(committee).get("reportId").asString()).isEqualTo("r-q4-corrected");
        assertThat(json(get("/api/meetings?territory=" + territory + "&kind=STEERING_COMMITTEE", "admin"))
                        .get("items")
                        .get(0)
                        .get("latestReport")
                        .get("reportId")
                        .asString())
                .isEqualTo("r-q4-corrected");
    }

    @Test
    void aQuarterThatDoesNotReadLikeOneIsRefused() {
        assertThatThrownBy(() -> reports.reportPublished("r", territory, "Q4-2026", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
