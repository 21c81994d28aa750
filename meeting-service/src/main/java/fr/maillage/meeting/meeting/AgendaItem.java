package fr.maillage.meeting.meeting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of a meeting's agenda (a value inside the {@link Meeting} document).
 *
 * @param personRef the person a CASE_REVIEW is about; null once they were erased (or when an automatic
 *     item names nobody yet)
 * @param sourceType where the item comes from: ALERT, WORKSHOP, REFERRAL, or null
 * @param topic what a PRACTICE_EXCHANGE (or any manual item) is about; never published
 * @param causeKey what caused an automatic item (its idempotency key); replaced by its hash once the
 *     person it names was erased
 * @param summaryCode why an automatic item was proposed (a code, e.g. {@code alert-escalated})
 * @param notes the minutes of the item; kept here only, never published nor logged
 * @param anonymised the person was erased: the item keeps its kind and its decisions' count only
 */
public record AgendaItem(
        String id,
        ItemKind kind,
        ItemStatus status,
        String personRef,
        String sourceType,
        String sourceId,
        String topic,
        String causeKey,
        String summaryCode,
        String notes,
        Instant notesUpdatedAt,
        String notesUpdatedBy,
        List<Decision> decisions,
        Boolean anonymised,
        Instant addedAt,
        String addedBy,
        Instant statusChangedAt) {

    /** Prefix of a cause key once the person it names was erased (then followed by its SHA-256). */
    static final String ERASED_CAUSE = "erased:";

    public AgendaItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        anonymised = Boolean.TRUE.equals(anonymised);
    }

    public boolean isCaseReview() {
        return kind == ItemKind.CASE_REVIEW;
    }

    public boolean isAnonymised() {
        return anonymised;
    }

    /** Whether this item was caused by {@code cause}, before or after the person it names was erased. */
    public boolean isCausedBy(String cause) {
        return causeKey != null && cause != null && (causeKey.equals(cause) || causeKey.equals(erasedForm(cause)));
    }

    public Optional<Decision> decision(String decisionId) {
        return decisions.stream().filter(d -> d.id().equals(decisionId)).findFirst();
    }

    AgendaItem withStatus(ItemStatus next, Instant now) {
        return new AgendaItem(
                id,
                kind,
                next,
                personRef,
                sourceType,
                sourceId,
                topic,
                causeKey,
                summaryCode,
                notes,
                notesUpdatedAt,
                notesUpdatedBy,
                decisions,
                anonymised,
                addedAt,
                addedBy,
                now);
    }

    AgendaItem withNotes(String text, String by, Instant now) {
        return new AgendaItem(
                id,
                kind,
                status,
                personRef,
                sourceType,
                sourceId,
                topic,
                causeKey,
                summaryCode,
                text,
                now,
                by,
                decisions,
                anonymised,
                addedAt,
                addedBy,
                statusChangedAt);
    }

    AgendaItem withDecision(Decision decision) {
        List<Decision> more = new ArrayList<>(decisions);
        more.add(decision);
        return withDecisions(more);
    }

    AgendaItem withDecisions(List<Decision> changed) {
        return new AgendaItem(
                id,
                kind,
                status,
                personRef,
                sourceType,
                sourceId,
                topic,
                causeKey,
                summaryCode,
                notes,
                notesUpdatedAt,
                notesUpdatedBy,
                changed,
                anonymised,
                addedAt,
                addedBy,
                statusChangedAt);
    }

    /** No longer says who: no personRef, no notes, no decision text, a cause key that names nobody. */
    AgendaItem withoutPerson() {
        return new AgendaItem(
                id,
                kind,
                status,
                null,
                sourceType,
                sourceId,
                topic,
                causeKey == null || causeKey.startsWith(ERASED_CAUSE) ? causeKey : erasedForm(causeKey),
                summaryCode,
                null,
                notesUpdatedAt,
                notesUpdatedBy,
                decisions.stream().map(Decision::withoutText).toList(),
                true,
                addedAt,
                addedBy,
                statusChangedAt);
    }

    /** A one-way form of a cause key: the same cause is still recognised, the person is no longer named. */
    static String erasedForm(String cause) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(cause.getBytes(StandardCharsets.UTF_8));
            return ERASED_CAUSE + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
