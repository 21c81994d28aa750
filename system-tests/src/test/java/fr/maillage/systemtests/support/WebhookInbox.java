package fr.maillage.systemtests.support;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner's webhook endpoint in the test JVM, on 127.0.0.1 and a free port: records every request
 * (headers lower-cased, body, arrival time), answers the status the test sets (200 by default), and
 * verifies every signature with the official Standard Webhooks library once it knows the secret. The
 * secret comes in the answer to the subscription's creation, after the verification event has arrived:
 * {@link #trust} verifies what came before it, and every request after it on arrival.
 */
public final class WebhookInbox implements AutoCloseable {

    /** The type of the activation handshake's event. */
    public static final String VERIFICATION = "fr.maillage.subscription.verification.v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A request as received. */
    public record Received(String path, Map<String, String> headers, String body, Instant at) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String webhookId() {
            return header("webhook-id");
        }

        /** The {@code webhook-event-number}; null when absent (the verification event has none). */
        public Long eventNumber() {
            String number = header("webhook-event-number");
            return number == null ? null : Long.valueOf(number);
        }

        public JsonNode event() {
            return JSON.readTree(body);
        }

        public String type() {
            return event().path("type").asString();
        }

        /** The CloudEvent's {@code audience} extension: space-separated institution ids. */
        public Set<String> audience() {
            return Set.of(event().path("audience").asString().trim().split("\\s+"));
        }

        public boolean isVerification() {
            return VERIFICATION.equals(type());
        }

        @Override
        public String toString() {
            return headers + " " + body;
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final List<String> badSignatures = new ArrayList<>();
    private Webhook verifier;
    private volatile int status = 200;

    private WebhookInbox(HttpServer server) {
        this.server = server;
    }

    public static WebhookInbox start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookInbox inbox = new WebhookInbox(server);
            server.createContext("/", inbox::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return inbox;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The status answered from now on. */
    public void answer(int status) {
        this.status = status;
    }

    /** The subscription's {@code whsec_…} secret: verifies what came already, and from now on on arrival. */
    public synchronized void trust(String secret) {
        try {
            verifier = new Webhook(secret);
        } catch (EmptyWebhookSecretException empty) {
            throw new AssertionError("the subscription's answer carried no signing secret", empty);
        }
        received.forEach(this::verify);
    }

    /** Every request so far, in arrival order. */
    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** The events delivered so far (not the verification event), in arrival order. */
    public List<Received> events() {
        return received().stream().filter(request -> !request.isVerification()).toList();
    }

    /** The requests whose signature the library refused, or that came before a secret was trusted. */
    public synchronized List<String> badSignatures() {
        List<String> bad = new ArrayList<>(badSignatures);
        if (verifier == null && !received.isEmpty()) {
            bad.add(received.size() + " requests never verified: no secret was trusted");
        }
        return bad;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            Received request = new Received(
                    exchange.getRequestURI().getPath(),
                    headers,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    Instant.now());
            record(request);
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private synchronized void record(Received request) {
        received.add(request);
        if (verifier != null) {
            verify(request);
        }
    }

    private void verify(Received request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
            String value = request.header(name);
            if (value == null) {
                badSignatures.add("no " + name + ": " + request);
                return;
            }
            headers.put(name, List.of(value));
        }
        try {
            verifier.verify(request.body(), headers);
        } catch (WebhookVerificationException refused) {
            badSignatures.add(refused.getMessage() + ": " + request);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
