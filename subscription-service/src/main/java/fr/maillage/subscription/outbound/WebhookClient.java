package fr.maillage.subscription.outbound;

import fr.maillage.subscription.signing.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link WebhookSender} on Apache HttpClient 5. Per attempt: the callback is checked and its host
 * resolved ONCE ({@link CallbackAddressPolicy#resolve}); the connection goes to exactly those addresses
 * (a {@link DnsResolver} that answers the pinned ones, so TLS still verifies the host name and a DNS
 * answer changed between check and connect cannot redirect us); no connection reuse, no redirects
 * (3xx = FAILED), no automatic retries, no proxy, no cookies; the whole attempt bounded by the timeout;
 * at most {@code maxResponseBytes} of the response read, then discarded.
 */
public final class WebhookClient implements WebhookSender, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookClient.class);

    public static final String USER_AGENT = "Maillage-Webhooks/1";
    static final ContentType CLOUDEVENTS_JSON = ContentType.create("application/cloudevents+json");

    /** The addresses the current thread's attempt may connect to. */
    private static final ThreadLocal<CallbackAddressPolicy.Resolved> PINNED = new ThreadLocal<>();

    private final CallbackAddressPolicy policy;
    private final Duration timeout;
    private final int maxResponseBytes;
    private final CloseableHttpClient http;
    private final ScheduledExecutorService deadlines;

    public WebhookClient(CallbackAddressPolicy policy, Duration timeout, int maxResponseBytes) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxResponseBytes = maxResponseBytes;
        Timeout bound = Timeout.of(timeout);
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PinnedResolver())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(bound)
                                .setSocketTimeout(bound)
                                .build())
                        .setMaxConnTotal(256)
                        .setMaxConnPerRoute(64)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(bound)
                        .setConnectionRequestTimeout(bound)
                        .setRedirectsEnabled(false)
                        .build())
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(USER_AGENT)
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("webhook-deadlines").factory());
    }

    @Override
    public Attempt send(Webhook webhook) {
        long start = System.nanoTime();
        CallbackAddressPolicy.Resolved resolved;
        try {
            resolved = policy.resolve(webhook.callback());
        } catch (CallbackRefused refused) {
            return new Attempt(DeliveryOutcome.REFUSED, null, since(start), null, refused.reason());
        }
        HttpPost post = new HttpPost(webhook.callback());
        long timestamp = webhook.timestamp().getEpochSecond();
        post.setHeader("webhook-id", webhook.webhookId());
        post.setHeader("webhook-timestamp", Long.toString(timestamp));
        post.setHeader(
                "webhook-signature",
                WebhookSignature.header(webhook.signingSecrets(), webhook.webhookId(), timestamp, webhook.body()));
        for (Map.Entry<String, String> header : webhook.headers().entrySet()) {
            post.setHeader(header.getKey(), header.getValue());
        }
        post.setEntity(new ByteArrayEntity(webhook.body(), CLOUDEVENTS_JSON));
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        PINNED.set(resolved);
        try (ClassicHttpResponse response = http.executeOpen(null, post, null)) {
            Duration latency = since(start);
            int status = response.getCode();
            Duration retryAfter = null;
            if (status == 429 || status == 503) {
                Header header = response.getFirstHeader("Retry-After");
                retryAfter = header == null ? null : RetryAfter.parse(header.getValue(), Instant.now());
            }
            discardBounded(response.getEntity());
            post.cancel(); // never read more than the bound, never reuse the connection
            return new Attempt(outcome(status), status, latency, retryAfter, status / 100 == 2 ? null : error(status));
        } catch (IOException | RuntimeException failed) {
            return new Attempt(DeliveryOutcome.UNREACHABLE, null, since(start), null, describe(failed, post));
        } finally {
            PINNED.remove();
            deadline.cancel(false);
        }
    }

    static DeliveryOutcome outcome(int status) {
        if (status >= 200 && status < 300) {
            return DeliveryOutcome.DELIVERED;
        }
        if (status == 410) {
            return DeliveryOutcome.GONE;
        }
        if (status == 429 || status == 503) {
            return DeliveryOutcome.THROTTLED;
        }
        return DeliveryOutcome.FAILED;
    }

    private static String error(int status) {
        if (status >= 300 && status < 400) {
            return "redirect-not-followed: HTTP " + status;
        }
        return "HTTP " + status;
    }

    private static String describe(Exception failed, HttpPost post) {
        if (failed instanceof SocketTimeoutException || post.isCancelled()) {
            return "timeout";
        }
        if (failed instanceof ConnectException || failed instanceof NoRouteToHostException) {
            return "connection-refused";
        }
        if (failed instanceof SSLException) {
            return "tls-failure";
        }
        if (failed instanceof UnknownHostException) {
            return "unresolvable-host";
        }
        return "io-error: " + failed.getClass().getSimpleName();
    }

    private void discardBounded(HttpEntity entity) {
        if (entity == null) {
            return;
        }
        try (InputStream in = entity.getContent()) {
            byte[] buffer = new byte[1024];
            int total = 0;
            int read;
            while (total < maxResponseBytes
                    && (read = in.read(buffer, 0, Math.min(buffer.length, maxResponseBytes - total))) != -1) {
                total += read;
            }
        } catch (IOException | RuntimeException ignored) {
            // The status is what counts; the body is only drained a little, then dropped.
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        http.close(CloseMode.IMMEDIATE);
    }

    /** Answers only the addresses checked for the current attempt; anything else does not resolve. */
    private static final class PinnedResolver implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            CallbackAddressPolicy.Resolved pinned = PINNED.get();
            if (pinned == null || !pinned.host().equalsIgnoreCase(host)) {
                log.warn("Refused to resolve a host outside a checked webhook attempt");
                throw new UnknownHostException("not pinned");
            }
            return pinned.addresses().toArray(InetAddress[]::new);
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            resolve(host);
            return host;
        }
    }
}
