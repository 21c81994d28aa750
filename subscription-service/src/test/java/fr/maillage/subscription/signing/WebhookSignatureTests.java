package fr.maillage.subscription.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    // The Standard Webhooks specification's own example.
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330L;
    private static final byte[] SPEC_PAYLOAD = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final String OTHER_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    private static final byte[] BODY =
            "{\"specversion\":\"1.0\",\"id\":\"e1\",\"type\":\"fr.maillage.referral.created.v1\"}"
                    .getBytes(StandardCharsets.UTF_8);

    @Test
    void theSpecificationsExampleGivesItsSignature() {
        assertThat(WebhookSignature.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD))
                .isEqualTo(SPEC_SIGNATURE);
        assertThat(WebhookSignature.verify(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD, SPEC_SIGNATURE))
                .isTrue();
    }

    @Test
    void theOfficialLibrarySignsAsWeDo() throws Exception {
        Webhook official = new Webhook(SPEC_SECRET);
        String body = new String(BODY, StandardCharsets.UTF_8);

        assertThat(official.sign("msg_1", 1_700_000_000L, body))
                .isEqualTo(WebhookSignature.sign(SPEC_SECRET, "msg_1", 1_700_000_000L, BODY));
        assertThat(official.sign(SPEC_ID, SPEC_TIMESTAMP, "{\"test\": 2432232314}"))
                .isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void theOfficialLibraryVerifiesOurHeaders() {
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignature.header(List.of(SPEC_SECRET), "evt-1", now, BODY);

        assertThatCode(() -> new Webhook(SPEC_SECRET)
                        .verify(new String(BODY, StandardCharsets.UTF_8), headers("evt-1", now, header)))
                .doesNotThrowAnyException();
    }

    @Test
    void duringARotationBothSecretsSignAndEitherVerifies() throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignature.header(List.of(OTHER_SECRET, SPEC_SECRET), "evt-2", now, BODY);
        String body = new String(BODY, StandardCharsets.UTF_8);

        String[] signatures = header.split(" ");
        assertThat(signatures).hasSize(2);
        assertThat(signatures[0]).isNotEqualTo(signatures[1]).startsWith("v1,");
        new Webhook(OTHER_SECRET).verify(body, headers("evt-2", now, header));
        new Webhook(SPEC_SECRET).verify(body, headers("evt-2", now, header));
        assertThat(WebhookSignature.verify(SPEC_SECRET, "evt-2", now, BODY, header))
                .isTrue();
        assertThat(WebhookSignature.verify(OTHER_SECRET, "evt-2", now, BODY, header))
                .isTrue();
    }

    @Test
    void aTamperedBodyTimestampOrIdIsRefused() throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignature.header(List.of(SPEC_SECRET), "evt-3", now, BODY);
        byte[] tampered =
                new String(BODY, StandardCharsets.UTF_8).replace("e1", "e2").getBytes(StandardCharsets.UTF_8);
        Webhook official = new Webhook(SPEC_SECRET);

        assertThat(WebhookSignature.verify(SPEC_SECRET, "evt-3", now, tampered, header))
                .isFalse();
        assertThat(WebhookSignature.verify(SPEC_SECRET, "evt-3", now + 1, BODY, header))
                .isFalse();
        assertThat(WebhookSignature.verify(SPEC_SECRET, "evt-4", now, BODY, header))
                .isFalse();
        assertThat(WebhookSignature.verify(OTHER_SECRET, "evt-3", now, BODY, header))
                .isFalse();
        assertThatThrownBy(() ->
                        official.verify(new String(tampered, StandardCharsets.UTF_8), headers("evt-3", now, header)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() ->
                        official.verify(new String(BODY, StandardCharsets.UTF_8), headers("evt-3", now - 1, header)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aSecretThatIsNotBase64IsRejected() {
        assertThatThrownBy(() -> WebhookSignature.sign("whsec_%%%", "id", 1, BODY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSignature.header(List.of(), "id", 1, BODY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of(
                "webhook-id", List.of(id),
                "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}
