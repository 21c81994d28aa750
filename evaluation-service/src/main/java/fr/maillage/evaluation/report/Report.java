package fr.maillage.evaluation.report;

import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.events.PublishesEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A published quarterly report: who asked for it and when, and its three renderings as they were made
 * (the figures do not change afterwards, even if late events change the indicators: publish another
 * report). Written once, with its {@code report-published} event in its outbox, in one insert.
 */
@Document("reports")
public class Report implements PublishesEvents {

    @Id
    private final String id;

    private final String territory;
    private final String quarter;
    private final Instant publishedAt;
    private final boolean provisional;
    /** The user id (token subject) of whoever asked for it. */
    private final String requestedBy;

    /** UTF-8 JSON; null when not read (list and view queries leave the renderings out). */
    private final byte[] json;

    private final byte[] csv;
    private final byte[] pdf;

    private final List<OutboundEvent> pendingEvents;

    @PersistenceCreator
    Report(
            String id,
            String territory,
            String quarter,
            Instant publishedAt,
            boolean provisional,
            String requestedBy,
            byte[] json,
            byte[] csv,
            byte[] pdf,
            List<OutboundEvent> pendingEvents) {
        this.id = id;
        this.territory = territory;
        this.quarter = quarter;
        this.publishedAt = publishedAt;
        this.provisional = provisional;
        this.requestedBy = requestedBy;
        this.json = json;
        this.csv = csv;
        this.pdf = pdf;
        this.pendingEvents = pendingEvents == null ? new ArrayList<>() : new ArrayList<>(pendingEvents);
    }

    /** The report of this content, with its renderings. */
    public static Report of(ReportContent content, String requestedBy, byte[] json, byte[] csv, byte[] pdf) {
        Objects.requireNonNull(requestedBy, "requestedBy");
        return new Report(
                content.reportId(),
                content.territory(),
                content.quarter().code(),
                content.publishedAt(),
                content.provisional(),
                requestedBy,
                Objects.requireNonNull(json, "json"),
                Objects.requireNonNull(csv, "csv"),
                Objects.requireNonNull(pdf, "pdf"),
                List.of());
    }

    public String id() {
        return id;
    }

    public String territory() {
        return territory;
    }

    public String quarter() {
        return quarter;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public boolean provisional() {
        return provisional;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public byte[] json() {
        return json;
    }

    public byte[] csv() {
        return csv;
    }

    public byte[] pdf() {
        return pdf;
    }

    @Override
    public List<OutboundEvent> pendingEvents() {
        return pendingEvents;
    }
}
