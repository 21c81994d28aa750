package fr.maillage.subscription.outbound;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// PLACEHOLDER (issue 8 merge): the delivery helper's real CallbackPolicy (SSRF address policy) and
// WebhookSender (pinned, signed Apache HttpClient 5 sender) replace this whole class at merge. Delete it then.
@Configuration(proxyBeanMethods = false)
class OutboundPlaceholderConfiguration {

    // PLACEHOLDER (issue 8 merge)
    @Bean
    CallbackPolicy placeholderCallbackPolicy(
            @Value("${maillage.subscription.outbound.allow-loopback:false}") boolean allowLoopback) {
        return callback -> {
            String scheme =
                    callback.getScheme() == null ? "" : callback.getScheme().toLowerCase(Locale.ROOT);
            String host = callback.getHost() == null ? "" : callback.getHost().toLowerCase(Locale.ROOT);
            boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
            if (loopback) {
                if (!allowLoopback) {
                    throw new CallbackRefused("loopback-address", "The callback resolves to a loopback address.");
                }
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    throw new CallbackRefused("not-https", "The callback URL must use https.");
                }
                return;
            }
            if (!scheme.equals("https")) {
                throw new CallbackRefused("not-https", "The callback URL must use https.");
            }
        };
    }

    // PLACEHOLDER (issue 8 merge): a plain JDK HttpClient POST with Standard Webhooks headers (no pinning).
    @Bean
    WebhookSender placeholderWebhookSender() {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return webhook -> {
            Instant start = Instant.now();
            HttpRequest.Builder request = HttpRequest.newBuilder(webhook.callback())
                    .timeout(Duration.ofSeconds(15))
                    .header("content-type", "application/cloudevents+json")
                    .header("webhook-id", webhook.webhookId())
                    .header(
                            "webhook-timestamp",
                            Long.toString(webhook.timestamp().getEpochSecond()))
                    .header("webhook-signature", signature(webhook))
                    .header("user-agent", "Maillage-Webhooks/1")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()));
            webhook.headers().forEach(request::header);
            try {
                HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                Duration latency = Duration.between(start, Instant.now());
                DeliveryOutcome outcome = status >= 200 && status < 300
                        ? DeliveryOutcome.DELIVERED
                        : status == 410
                                ? DeliveryOutcome.GONE
                                : status == 429 || status == 503 ? DeliveryOutcome.THROTTLED : DeliveryOutcome.FAILED;
                return new WebhookSender.Attempt(
                        outcome, status, latency, null, outcome == DeliveryOutcome.DELIVERED ? null : "HTTP " + status);
            } catch (IOException e) {
                return new WebhookSender.Attempt(
                        DeliveryOutcome.UNREACHABLE, null, Duration.between(start, Instant.now()), null, "unreachable");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new WebhookSender.Attempt(
                        DeliveryOutcome.UNREACHABLE, null, Duration.between(start, Instant.now()), null, "interrupted");
            }
        };
    }

    // PLACEHOLDER (issue 8 merge): signing/ owns the real Standard Webhooks signature.
    private static String signature(WebhookSender.Webhook webhook) {
        try {
            byte[] id = (webhook.webhookId() + "." + webhook.timestamp().getEpochSecond() + ".")
                    .getBytes(StandardCharsets.UTF_8);
            List<String> signatures = new ArrayList<>();
            for (String secret : webhook.signingSecrets()) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(
                        Base64.getDecoder().decode(secret.substring(secret.indexOf('_') + 1)), "HmacSHA256"));
                mac.update(id);
                signatures.add("v1," + Base64.getEncoder().encodeToString(mac.doFinal(webhook.body())));
            }
            return String.join(" ", signatures);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
