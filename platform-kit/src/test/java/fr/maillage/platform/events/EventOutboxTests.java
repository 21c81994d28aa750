package fr.maillage.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventOutboxTests {

    private final EventOutbox outbox = EventOutbox.standalone();

    record Slot(LocalDate day, int places) {}

    record SessionPlanned(String sessionId, Instant startsAt, BigDecimal cost, List<Slot> slots) {}

    @Test
    void theDataRecordBecomesAMapOfJsonValues() {
        var data = new SessionPlanned(
                "s-1",
                Instant.parse("2026-03-01T08:00:00Z"),
                new BigDecimal("12.50"),
                List.of(new Slot(LocalDate.of(2026, 3, 2), 4)));

        OutboundEvent event = outbox.event("fr.maillage.workshop.session-planned.v1", "g-1", "bievre", Set.of(), data);

        assertThat(event.data())
                .containsEntry("sessionId", "s-1")
                .containsEntry("startsAt", "2026-03-01T08:00:00Z")
                .containsEntry("cost", 12.5)
                .containsEntry("slots", List.of(Map.of("day", "2026-03-02", "places", 4)));
    }

    @Test
    void eachEventHasItsOwnIdAndAMillisecondTime() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        OutboundEvent first = outbox.event("t.v1", "a-1", null, List.of(), Map.of());
        OutboundEvent second = outbox.event("t.v1", "a-1", null, List.of(), Map.of());

        assertThat(first.id()).isNotEqualTo(second.id()).hasSize(36);
        assertThat(first.time())
                .isBetween(before, Instant.now())
                .isEqualTo(first.time().truncatedTo(ChronoUnit.MILLIS));
        assertThat(first.subject()).isEqualTo("a-1");
    }

    @Test
    void theAudienceIsStoredSortedWithoutDuplicates() {
        OutboundEvent event =
                outbox.event("t.v1", "a-1", "lyon-nord", List.of("ptsm-lyon", "dac-lyon", "ptsm-lyon"), Map.of());

        assertThat(event.audience()).containsExactly("dac-lyon", "ptsm-lyon");
        assertThat(event.territory()).isEqualTo("lyon-nord");
    }

    @Test
    void outsideATraceThereIsNoTraceparent() {
        assertThat(outbox.event("t.v1", "a-1", null, null, Map.of()).traceparent())
                .isNull();
    }
}
