package fr.maillage.evaluation.indicator;

import java.util.List;

/**
 * An entry of the indicator catalogue ({@code GET /api/indicators/definitions}).
 *
 * @param id stable id, e.g. {@code alerts.responded-within-target}
 * @param domain REFERRALS, ALERTS, WORKSHOPS, MEETINGS or QUESTIONNAIRES
 * @param name a short human name (English)
 * @param formula the formula in words: numerator, denominator, which cases and which period they belong to
 * @param unit what the value is
 * @param sourceEvents the CloudEvent types it is built from
 */
public record IndicatorDefinition(
        String id, String domain, String name, String formula, Unit unit, List<String> sourceEvents) {

    public IndicatorDefinition {
        sourceEvents = List.copyOf(sourceEvents);
    }
}
