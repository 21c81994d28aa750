package fr.maillage.evaluation.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fold's operators: idempotent, commutative, mergeable, and normalised as MongoDB keeps values. */
class FactUpdateTests {

    private static final Instant T1 = Instant.parse("2026-08-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-08-02T10:00:00Z");

    private static FactUpdate first() {
        return FactUpdate.of(FactKind.ALERT, "a")
                .set("territory", "bievre")
                .min("raisedAt", T2)
                .max("escalationLevel", 1)
                .addToSet("qualifications", Map.of("urgency", "C", "at", T1));
    }

    private static FactUpdate second() {
        return FactUpdate.of(FactKind.ALERT, "a")
                .set("territory", "bievre")
                .min("raisedAt", T1)
                .max("escalationLevel", 2)
                .addToSet("qualifications", Map.of("at", T2, "urgency", "B"));
    }

    private static Map<String, Object> fold(FactUpdate... updates) {
        Map<String, Object> document = new LinkedHashMap<>();
        for (FactUpdate update : updates) {
            update.applyTo(document);
        }
        return document;
    }

    @Test
    void applyingAnUpdateAgainChangesNothing() {
        assertThat(fold(first(), second(), first(), second())).isEqualTo(fold(first(), second()));
    }

    @Test
    void theOrderOfTheUpdatesDoesNotMatterSaveForTheOrderOfASetsElements() {
        Map<String, Object> oneWay = fold(first(), second());
        Map<String, Object> otherWay = fold(second(), first());

        assertThat(oneWay.get("raisedAt")).isEqualTo(T1).isEqualTo(otherWay.get("raisedAt"));
        assertThat(oneWay.get("escalationLevel")).isEqualTo(2).isEqualTo(otherWay.get("escalationLevel"));
        @SuppressWarnings("unchecked")
        List<Object> oneWayQualifications = (List<Object>) oneWay.get("qualifications");
        @SuppressWarnings("unchecked")
        List<Object> otherWayQualifications = (List<Object>) otherWay.get("qualifications");
        assertThat(oneWayQualifications)
                .containsExactlyInAnyOrderElementsOf(otherWayQualifications)
                .hasSize(2);
    }

    @Test
    void aMergedUpdateDoesWhatBothDo() {
        assertThat(fold(first().merge(second()))).isEqualTo(fold(first(), second()));
        assertThat(fold(second().merge(first())).get("raisedAt")).isEqualTo(T1);
    }

    @Test
    void subDocumentsHaveTheirKeysInOneOrderSoEqualValuesAreNotAddedTwice() {
        FactUpdate update = FactUpdate.of(FactKind.ALERT, "a")
                .addToSet("responses", Map.of("withinTarget", true, "at", T1, "urgency", "B"));

        @SuppressWarnings("unchecked")
        Map<String, Object> response =
                (Map<String, Object>) update.addsToSet().get("responses").getFirst();
        assertThat(response.keySet()).containsExactly("at", "urgency", "withinTarget");
    }

    @Test
    void instantsAreKeptToTheMillisecondAndDaysAsText() {
        FactUpdate update = FactUpdate.of(FactKind.ACTION, "x")
                .min("completedAt", Instant.parse("2026-08-01T10:00:00.123456789Z"))
                .set("dueOn", java.time.LocalDate.parse("2026-08-03"));

        assertThat(update.mins()).containsEntry("completedAt", Instant.parse("2026-08-01T10:00:00.123Z"));
        assertThat(update.sets()).containsEntry("dueOn", "2026-08-03");
    }

    @Test
    void aRevisionKeyedByItsNumberReachesIntoASubDocument() {
        Map<String, Object> document = fold(
                FactUpdate.of(FactKind.SESSION, "g:1").max("revision", 2).set("revisions.r2", Map.of("present", 8)),
                FactUpdate.of(FactKind.SESSION, "g:1").max("revision", 1).set("revisions.r1", Map.of("present", 6)));

        assertThat(document.get("revision")).isEqualTo(2);
        assertThat(Facts.SessionFact.from(document).revisions()).containsOnlyKeys("r1", "r2");
    }

    @Test
    void aFieldIsUpdatedByOneOperatorOnly() {
        assertThatThrownBy(() -> FactUpdate.of(FactKind.REFERRAL, "r")
                        .set("submittedAt", T1)
                        .min("submittedAt", T2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FactUpdate.of(FactKind.REFERRAL, "r")
                        .set("submittedAt", T1)
                        .merge(FactUpdate.of(FactKind.REFERRAL, "r").min("submittedAt", T2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> first().merge(FactUpdate.of(FactKind.ALERT, "b")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
