package fr.maillage.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.events.CloudEventCodec;
import fr.maillage.platform.events.IncomingEvent;
import fr.maillage.platform.events.OutboundEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The events EventPlayer writes are what another service's outbox relay would publish. */
class EventPlayerTests {

    private static final CloudEventCodec CODEC = CloudEventCodec.standalone();

    record Accepted(String referralId, String priority) {}

    @Test
    void aPlayedEventIsTheStructuredCloudEventOfItsSource() {
        Instant before = Instant.now().minusMillis(1);

        String json = EventPlayer.cloudEvent(
                "/maillage/referral",
                "fr.maillage.referral.accepted.v1",
                "r-1",
                "bievre",
                List.of("msp-bievre", "lieu-dit", "msp-bievre"),
                new Accepted("r-1", "URGENT"));

        IncomingEvent read = CODEC.read(json);
        assertThat(UUID.fromString(read.id())).isNotNull();
        assertThat(read.source()).isEqualTo("/maillage/referral");
        assertThat(read.type()).isEqualTo("fr.maillage.referral.accepted.v1");
        assertThat(read.subject()).isEqualTo("r-1");
        assertThat(read.territory()).isEqualTo("bievre");
        assertThat(read.audience()).containsExactly("lieu-dit", "msp-bievre");
        assertThat(read.time()).isBetween(before, Instant.now());
        assertThat(read.traceparent()).isNull();
        assertThat(read.data(Accepted.class)).isEqualTo(new Accepted("r-1", "URGENT"));
        JsonNode envelope = JsonMapper.shared().readTree(json);
        assertThat(envelope.path("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(envelope.path("data").path("priority").asString()).isEqualTo("URGENT");
    }

    @Test
    void aChosenIdAndTimeAreKeptToTheMillisecond() {
        Instant lastWeek = Instant.parse("2026-11-16T09:30:00.123Z");

        OutboundEvent event = EventPlayer.event(
                "e-42",
                lastWeek.plusNanos(456_789),
                "fr.maillage.workshop.group-closed.v1",
                "g-1",
                null,
                List.of(),
                Map.of("groupId", "g-1"));
        IncomingEvent read = CODEC.read(EventPlayer.cloudEvent("/maillage/workshop", event));

        assertThat(read.id()).isEqualTo("e-42");
        assertThat(read.time()).isEqualTo(lastWeek);
        assertThat(read.territory()).isNull();
        assertThat(read.audience()).isEmpty();
        assertThat(read.data(Map.class)).containsEntry("groupId", "g-1");
    }

    @Test
    void twoFreshEventsHaveTheirOwnIds() {
        OutboundEvent one = EventPlayer.event("t.v1", "s", null, List.of(), Map.of());
        OutboundEvent two = EventPlayer.event("t.v1", "s", null, List.of(), Map.of());

        assertThat(one.id()).isNotEqualTo(two.id());
        assertThat(Duration.between(one.time(), Instant.now())).isLessThan(Duration.ofSeconds(5));
    }
}
