package fr.maillage.meeting.meeting;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** The latest quarterly report of a territory, which its steering committees' agendas link. One per territory. */
@Document("latestReports")
public class LatestReport {

    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");

    /** Later quarter first, then later publication. */
    static final Comparator<LatestReport> RECENCY = Comparator.comparing(LatestReport::quarter)
            .thenComparing(LatestReport::publishedAt)
            .thenComparing(LatestReport::reportId);

    /** The territory. */
    @Id
    private final String territory;

    @Version
    private Long version;

    private String reportId;
    private String quarter;
    private Instant publishedAt;

    @PersistenceCreator
    LatestReport(String territory, Long version, String reportId, String quarter, Instant publishedAt) {
        this.territory = territory;
        this.version = version;
        this.reportId = reportId;
        this.quarter = quarter;
        this.publishedAt = publishedAt;
    }

    /** @throws IllegalArgumentException when a field is missing or the quarter is not like {@code 2026-Q4} */
    public static LatestReport of(String reportId, String territory, String quarter, Instant publishedAt) {
        if (reportId == null || reportId.isBlank() || territory == null || territory.isBlank()) {
            throw new IllegalArgumentException("A report has an id and a territory");
        }
        if (quarter == null || !QUARTER.matcher(quarter).matches()) {
            throw new IllegalArgumentException("A quarter reads like 2026-Q4, not " + quarter);
        }
        Objects.requireNonNull(publishedAt, "publishedAt");
        return new LatestReport(territory, null, reportId, quarter, publishedAt);
    }

    /** Takes the other report's place if it is more recent; whether it did. */
    boolean replaceBy(LatestReport other) {
        if (RECENCY.compare(other, this) <= 0) {
            return false;
        }
        reportId = other.reportId;
        quarter = other.quarter;
        publishedAt = other.publishedAt;
        return true;
    }

    public String territory() {
        return territory;
    }

    public Long version() {
        return version;
    }

    public String reportId() {
        return reportId;
    }

    public String quarter() {
        return quarter;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
