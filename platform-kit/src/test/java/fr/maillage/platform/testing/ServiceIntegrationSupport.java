package fr.maillage.platform.testing;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * What a service's integration test base shares with the others: HTTP calls with demo users' tokens,
 * other services' events played with a real producer, topics read with a real consumer, and a clock
 * the tests move. A service's base extends it and carries the annotations, e.g.
 *
 * <pre>{@code
 * @LocalInfrastructure
 * @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
 * @Import(ServiceIntegrationSupport.TestClock.class)
 * public abstract class MeetingIntegrationSupport extends ServiceIntegrationSupport { ... }
 * }</pre>
 *
 * The service must read "now" from a {@code Clock} bean, which {@link TestClock} replaces.
 */
public abstract class ServiceIntegrationSupport {

    /**
     * The service's clock in every integration test: starts at the real time and only moves when a
     * test moves it. Tests share the context: move it forward only.
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return MutableClock.startingNow();
        }
    }

    @Autowired
    protected MutableClock clock;

    @LocalServerPort
    protected int port;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private EventPlayer player;

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        closeables.clear();
        player = null;
    }

    // ---- HTTP with a demo user's token (null: anonymous)

    protected ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    protected HttpResponse<String> get(String path, String who, String... headers) {
        return http().get(path, ServiceHttp.demoToken(who), headers);
    }

    protected HttpResponse<String> post(String path, String who, String json, String... headers) {
        return http().post(path, ServiceHttp.demoToken(who), json, headers);
    }

    protected HttpResponse<String> put(String path, String who, String json, String... headers) {
        return http().put(path, ServiceHttp.demoToken(who), json, headers);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return ServiceHttp.json(response);
    }

    protected static String json(Object body) {
        return ServiceHttp.json(body);
    }

    // ---- time

    /** Moves the shared clock forward to {@code instant} (never back: other tests rely on it). */
    protected void advanceTo(Instant instant) {
        Duration ahead = Duration.between(clock.instant(), instant);
        if (!ahead.isNegative()) {
            clock.advance(ahead);
        }
    }

    // ---- other services' events, played with a real producer

    /** Plays a CloudEvent of another service on its topic, keyed by its subject; waits for the ack. */
    protected RecordMetadata play(
            String topic,
            String source,
            String type,
            String subject,
            String territory,
            Collection<String> audience,
            Object data) {
        return player().play(topic, source, EventPlayer.event(type, subject, territory, audience, data));
    }

    /** Plays any value (e.g. a malformed event) on a topic. */
    protected RecordMetadata playRaw(String topic, String key, String value) {
        return player().play(topic, key, value);
    }

    private EventPlayer player() {
        if (player == null) {
            player = EventPlayer.local();
            closeables.add(player);
        }
        return player;
    }

    // ---- reading a topic with a real consumer

    /** A reader of a topic from its current end (what the test causes from now on). */
    protected TopicReader readFromNow(String topic) {
        TopicReader reader = TopicReader.fromEnd(topic);
        closeables.add(reader);
        return reader;
    }

    /** A reader of a whole topic from its beginning. */
    protected TopicReader read(String topic) {
        TopicReader reader = TopicReader.fromBeginning(topic);
        closeables.add(reader);
        return reader;
    }
}
