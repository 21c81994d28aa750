package fr.maillage.subscription.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.subscription.WebhookReceiver;
import fr.maillage.subscription.WebhookReceiver.Reply;
import fr.maillage.subscription.outbound.WebhookSender.Attempt;
import fr.maillage.subscription.outbound.WebhookSender.Webhook;
import fr.maillage.subscription.signing.WebhookSignature;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender against a real HTTP receiver on 127.0.0.1, with a DNS table of our own. */
class WebhookClientTests {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final byte[] BODY = "{\"specversion\":\"1.0\",\"id\":\"evt-1\"}".getBytes(StandardCharsets.UTF_8);

    private final AtomicInteger lookups = new AtomicInteger();
    private final HostResolver dns = host -> {
        lookups.incrementAndGet();
        return switch (host) {
            case "partner.test" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
            case "intranet.test" -> new InetAddress[] {InetAddress.getByName("10.20.30.40")};
            default -> throw new UnknownHostException(host);
        };
    };
    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final WebhookClient client =
            new WebhookClient(new CallbackAddressPolicy(dns, true), Duration.ofSeconds(2), 1024);

    @AfterEach
    void close() {
        client.close();
        receiver.close();
    }

    @Test
    void connectsToTheAddressCheckedForTheAttemptResolvingOnce() {
        URI callback = URI.create("http://partner.test:" + receiver.url("/").getPort() + "/hooks");
        long timestamp = Instant.now().getEpochSecond();

        Attempt attempt = client.send(webhook(callback, Map.of("webhook-event-number", "7"), timestamp));

        assertThat(attempt.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(attempt.statusCode()).isEqualTo(204);
        assertThat(attempt.error()).isNull();
        assertThat(lookups).hasValue(1);
        WebhookReceiver.Received request = receiver.received().getFirst();
        assertThat(request.header("host")).startsWith("partner.test:");
        assertThat(request.header("webhook-id")).isEqualTo("evt-1");
        assertThat(request.header("webhook-event-number")).isEqualTo("7");
        assertThat(request.header("webhook-timestamp")).isEqualTo(Long.toString(timestamp));
        assertThat(WebhookSignature.verify(SECRET, "evt-1", timestamp, BODY, request.header("webhook-signature")))
                .isTrue();
        assertThat(request.body()).isEqualTo(BODY);
    }

    @Test
    void aHostResolvingToAPrivateAddressIsRefusedWithoutAConnection() {
        Attempt attempt = client.send(webhook(URI.create("http://intranet.test:80/hooks"), Map.of(), 0));

        assertThat(attempt.outcome()).isEqualTo(DeliveryOutcome.REFUSED);
        assertThat(attempt.statusCode()).isNull();
        assertThat(attempt.error()).isEqualTo("private-address");
    }

    @Test
    void throttlingCarriesRetryAfterAndALargeBodyIsNotReadToTheEnd() {
        receiver.replyWith(request -> new Reply(503, Map.of("Retry-After", "30"), "x".repeat(200_000)));

        Attempt attempt = client.send(
                webhook(receiver.url("/hooks"), Map.of(), Instant.now().getEpochSecond()));

        assertThat(attempt.outcome()).isEqualTo(DeliveryOutcome.THROTTLED);
        assertThat(attempt.statusCode()).isEqualTo(503);
        assertThat(attempt.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(attempt.latency()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aClosedPortIsUnreachable() {
        URI callback = receiver.url("/hooks");
        receiver.close();

        Attempt attempt = client.send(webhook(callback, Map.of(), Instant.now().getEpochSecond()));

        assertThat(attempt.outcome()).isEqualTo(DeliveryOutcome.UNREACHABLE);
        assertThat(attempt.error()).isEqualTo("connection-refused");
    }

    private static Webhook webhook(URI callback, Map<String, String> headers, long timestamp) {
        return new Webhook(callback, "evt-1", Instant.ofEpochSecond(timestamp), BODY, List.of(SECRET), headers);
    }
}
