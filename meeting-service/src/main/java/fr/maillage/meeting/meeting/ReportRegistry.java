package fr.maillage.meeting.meeting;

import java.time.Instant;

/** Where steering committees learn the latest quarterly report of their territory (from evaluation events). */
public interface ReportRegistry {

    /**
     * Keeps the report if it is the territory's latest (by quarter, then publishedAt); idempotent.
     *
     * @param quarter e.g. {@code 2026-Q4}
     */
    void reportPublished(String reportId, String territory, String quarter, Instant publishedAt);
}
