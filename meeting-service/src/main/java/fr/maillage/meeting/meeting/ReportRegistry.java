package fr.maillage.meeting.meeting;

import java.time.Instant;

/** Where a steering committee learns its territory's latest quarterly report (from evaluation events). */
public interface ReportRegistry {

    /**
     * Keeps the latest report per territory (by quarter, then publishedAt); idempotent.
     *
     * @param quarter e.g. {@code 2026-Q4}
     */
    void reportPublished(String reportId, String territory, String quarter, Instant publishedAt);
}
