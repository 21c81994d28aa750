package fr.maillage.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CloudEventCodecTests {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final CloudEventCodec codec = CloudEventCodec.standalone();

    private final OutboundEvent event = new OutboundEvent(
            "7d1e9b1c-5a0e-4c39-9d1b-2d3c2a1b0f00",
            "fr.maillage.referral.accepted.v1",
            "referral-42",
            "bievre",
            List.of("epsm-bievre", "msp-bievre"),
            Instant.parse("2026-03-01T08:15:30.123Z"),
            Map.of("referralId", "referral-42", "places", 2, "note", "x"),
            TRACEPARENT);

    record Accepted(@NotBlank String referralId, @Positive int places) {}

    @Test
    void writesAStructuredCloudEventWithThePlatformAttributes() {
        JsonNode json = JsonMapper.builder().build().readTree(codec.write(event, "/maillage/referral"));

        assertThat(json.get("specversion").asString()).isEqualTo("1.0");
        assertThat(json.get("id").asString()).isEqualTo(event.id());
        assertThat(json.get("source").asString()).isEqualTo("/maillage/referral");
        assertThat(json.get("type").asString()).isEqualTo("fr.maillage.referral.accepted.v1");
        assertThat(json.get("subject").asString()).isEqualTo("referral-42");
        assertThat(Instant.parse(json.get("time").asString())).isEqualTo(event.time());
        assertThat(json.get("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(json.get("dataschema").asString()).isEqualTo("urn:maillage:schema:fr.maillage.referral.accepted.v1");
        assertThat(json.get("territory").asString()).isEqualTo("bievre");
        assertThat(json.get("audience").asString()).isEqualTo("epsm-bievre msp-bievre");
        assertThat(json.get("traceparent").asString()).isEqualTo(TRACEPARENT);
        // Data inline as a JSON object, not base64.
        assertThat(json.get("data").get("places").asInt()).isEqualTo(2);
        assertThat(json.has("data_base64")).isFalse();
    }

    @Test
    void readsBackWhatItWritesAndBindsDataToTheConsumersOwnRecord() {
        IncomingEvent incoming = codec.read(codec.write(event, "/maillage/referral"));

        assertThat(incoming.id()).isEqualTo(event.id());
        assertThat(incoming.is("fr.maillage.referral.accepted.v1")).isTrue();
        assertThat(incoming.is("fr.maillage.referral.closed.v1")).isFalse();
        assertThat(incoming.source()).isEqualTo("/maillage/referral");
        assertThat(incoming.subject()).isEqualTo("referral-42");
        assertThat(incoming.territory()).isEqualTo("bievre");
        assertThat(incoming.audience()).containsExactly("epsm-bievre", "msp-bievre");
        assertThat(incoming.time()).isEqualTo(event.time());
        assertThat(incoming.traceparent()).isEqualTo(TRACEPARENT);
        // The unknown property "note" is ignored: consumers declare only what they read.
        assertThat(incoming.data(Accepted.class)).isEqualTo(new Accepted("referral-42", 2));
    }

    @Test
    void optionalExtensionsMayBeAbsent() {
        var bare = new OutboundEvent("id-1", "t.v1", "s-1", null, List.of(), event.time(), Map.of("a", 1), null);

        IncomingEvent incoming = codec.read(codec.write(bare, "/maillage/test"));

        assertThat(incoming.territory()).isNull();
        assertThat(incoming.audience()).isEmpty();
        assertThat(incoming.traceparent()).isNull();
    }

    @Test
    void aValueThatIsNotACloudEventIsInvalid() {
        assertThatThrownBy(() -> codec.read("not json at all")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> codec.read("{\"id\":\"1\",\"type\":\"t\"}")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> codec.read("")).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void dataFailingBeanValidationIsInvalid() {
        var bad = new OutboundEvent(
                "id-2", "t.v1", "s-1", null, List.of(), event.time(), Map.of("referralId", " ", "places", 0), null);
        IncomingEvent incoming = codec.read(codec.write(bad, "/maillage/test"));

        assertThatThrownBy(() -> incoming.data(Accepted.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("places")
                .hasMessageContaining("referralId");
    }

    @Test
    void dataThatDoesNotBindIsInvalid() {
        var bad =
                new OutboundEvent("id-3", "t.v1", "s-1", null, List.of(), event.time(), Map.of("places", "many"), null);
        IncomingEvent incoming = codec.read(codec.write(bad, "/maillage/test"));

        assertThatThrownBy(() -> incoming.data(Accepted.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("does not bind");
    }

    @Test
    void anEventWithoutDataHasNothingToBind() {
        String noData = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"t.v1\"}";

        assertThatThrownBy(() -> codec.read(noData).data(Accepted.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("no data");
    }
}
