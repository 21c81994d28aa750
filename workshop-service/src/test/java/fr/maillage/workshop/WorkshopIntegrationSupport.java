package fr.maillage.workshop;

import fr.maillage.localstack.junit.LocalInfrastructure;
import fr.maillage.localstack.oidc.DemoUsers;
import fr.maillage.platform.testing.EventPlayer;
import fr.maillage.platform.testing.MutableClock;
import fr.maillage.platform.testing.ServiceHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the workshop-service integration tests share: the real local infrastructure, HTTP calls with
 * demo tokens, referral-service's events played into {@code referral.events.v1} with a real
 * producer, and {@code workshop.events.v1} read with a real consumer. Every test uses fresh ids, so
 * the classes can share one broker, one database and one Spring context.
 */
@LocalInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(WorkshopIntegrationSupport.TestClock.class)
public abstract class WorkshopIntegrationSupport {

    /**
     * The service's clock in every integration test: starts at the real time and only moves when a
     * test moves it ({@link #clock}), so a session's start or a group's end is reached at once. Tests
     * share the context: move it forward only, and plan with fresh facilitators or venues.
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

    public static final String REFERRAL_TOPIC = "referral.events.v1";
    public static final String WORKSHOP_TOPIC = "workshop.events.v1";
    static final String REFERRAL_SOURCE = "/maillage/referral";
    public static final String PSY_DURAND = DemoUsers.PSY_DURAND_ID.toString();
    public static final String IDE_BERNARD = DemoUsers.IDE_BERNARD_ID.toString();

    protected static final JsonMapper JSON = JsonMapper.builder().build();

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

    // ---- HTTP (the kit's ServiceHttp, with a demo user's token)

    protected HttpResponse<String> post(String path, String who, String json) {
        return http().post(path, ServiceHttp.demoToken(who), json);
    }

    protected HttpResponse<String> get(String path, String who) {
        return http().get(path, ServiceHttp.demoToken(who));
    }

    protected HttpResponse<String> put(String path, String who, String json) {
        return http().put(path, ServiceHttp.demoToken(who), json);
    }

    protected ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    // ---- groups, planned so that tests sharing the demo facilitators never clash

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Days between two blocks of first sessions: more than a default calendar lasts (15 weekly entries + holidays). */
    static final int BLOCK_DAYS = 182;

    private static final int SLOTS_PER_DAY = 6; // 08:00, 10:00, ... 18:00: two-hour sessions that only touch
    private static final int SLOTS_PER_BLOCK = 7 * SLOTS_PER_DAY;
    private static LocalDate blockStart;
    private static int slotInBlock;

    /**
     * A first-session time (Paris) no other group of this test run starts at. Every group of a block
     * starts within the same week, each on its own weekday and two-hour slot, so their weekly (or
     * fortnightly) sessions never overlap, even on the same facilitators and with holidays moved on;
     * blocks are {@value #BLOCK_DAYS} days apart, further than a default calendar lasts. When the shared
     * clock has been moved past a block, the next slot is taken in the first block still ahead.
     * Holds for programmes with the default settings (sessions of at most two hours, up to 15 entries).
     */
    protected LocalDateTime nextFirstSession() {
        LocalDateTime earliest = LocalDateTime.ofInstant(clock.instant(), PARIS).plusDays(1);
        synchronized (WorkshopIntegrationSupport.class) {
            if (blockStart == null) {
                blockStart = earliest.toLocalDate().plusDays(7);
            }
            while (true) {
                if (slotInBlock >= SLOTS_PER_BLOCK) {
                    blockStart = blockStart.plusDays(BLOCK_DAYS);
                    slotInBlock = 0;
                }
                LocalDateTime candidate = blockStart
                        .plusDays(slotInBlock / SLOTS_PER_DAY)
                        .atTime(8 + 2 * (slotInBlock % SLOTS_PER_DAY), 0);
                if (candidate.isAfter(earliest)) {
                    slotInBlock++;
                    return candidate;
                }
                // The clock went past this block (a test reached a session): its groups may still run.
                blockStart = blockStart.plusDays(BLOCK_DAYS);
                slotInBlock = 0;
            }
        }
    }

    /** A room no other test uses. */
    protected static String freshVenue() {
        return "Salle " + UUID.randomUUID();
    }

    /** The demo pair: psy-durand (clinical psychologist) and ide-bernard (nurse). */
    protected static String demoFacilitators() {
        return facilitators(PSY_DURAND, IDE_BERNARD);
    }

    /** A facilitators JSON array of two (or more, or fewer) ids, each with a profession. */
    protected static String facilitators(String... ids) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            items.add("{\"id\":\"%s\",\"profession\":\"%s\"}"
                    .formatted(ids[i], i % 2 == 0 ? "clinical-psychologist" : "nurse"));
        }
        return "[" + String.join(",", items) + "]";
    }

    /** Body of a group with the two demo facilitators, in a fresh room, at a first-session time of its own. */
    protected String groupBody(String programmeId, int capacity) {
        return groupBody(programmeId, capacity, demoFacilitators(), freshVenue(), nextFirstSession());
    }

    protected static String groupBody(
            String programmeId, int capacity, String facilitators, String venue, LocalDateTime firstSessionAt) {
        return """
                {"programmeId":"%s","capacity":%d,"facilitators":%s,"venue":"%s","firstSessionAt":"%s"}""".formatted(programmeId, capacity, facilitators, venue, firstSessionAt);
    }

    /** Opens a group as {@code coord-bievre} and returns its id. */
    protected String openGroup(String programmeId, int capacity) {
        return schedule(groupBody(programmeId, capacity));
    }

    /** Schedules a group as {@code coord-bievre} with this body and returns its id. */
    protected String schedule(String body) {
        HttpResponse<String> response = post("/api/workshops/groups", "coord-bievre", body);
        if (response.statusCode() != 201) {
            throw new AssertionError("Opening a group answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).get("id").asString();
    }

    /** Moves the shared clock forward to {@code instant} (never back: other tests' groups rely on it). */
    protected void advanceTo(Instant instant) {
        Duration ahead = Duration.between(clock.instant(), instant);
        if (!ahead.isNegative()) {
            clock.advance(ahead);
        }
    }

    protected JsonNode groupAsAdmin(String groupId) {
        return json(get("/api/workshops/groups/" + groupId, "admin"));
    }

    /** The enrolment of a referral as shown by {@code GET /api/workshops/groups/{id}}, or null. */
    protected JsonNode enrolmentOf(String groupId, String referralId) {
        for (JsonNode enrolment : groupAsAdmin(groupId).get("enrolments")) {
            if (referralId.equals(enrolment.path("referralId").stringValue(null))) {
                return enrolment;
            }
        }
        return null;
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    // ---- referral-service's events, played with a real producer

    /** The structured CloudEvent referral-service would publish (built with the kit's own codec). */
    protected static String referralEvent(
            String type, String subject, String territory, Set<String> audience, Object data) {
        return EventPlayer.cloudEvent(REFERRAL_SOURCE, type, subject, territory, audience, data);
    }

    /** The same, dated {@code time} (to play events out of order). */
    protected static String referralEventAt(
            Instant time, String type, String subject, String territory, Set<String> audience, Object data) {
        return EventPlayer.cloudEvent(
                REFERRAL_SOURCE,
                EventPlayer.event(UUID.randomUUID().toString(), time, type, subject, territory, audience, data));
    }

    /** Sends a record to {@code referral.events.v1} as referral-service's relay does; waits for the ack. */
    protected RecordMetadata play(String key, String value) {
        if (player == null) {
            player = EventPlayer.local();
            closeables.add(player);
        }
        return player.play(REFERRAL_TOPIC, key, value);
    }

    /** Registers a workshop programme of {@code lieu-dit} in {@code bievre}; waits until the service knows it. */
    protected String registerProgramme() {
        return registerResource("WORKSHOP_PROGRAMME", "lieu-dit", "bievre");
    }

    protected String registerResource(String type, String institution, String territory) {
        String resourceId = UUID.randomUUID().toString();
        RecordMetadata sent = play(
                resourceId,
                referralEvent(
                        "fr.maillage.referral.resource-registered.v1",
                        resourceId,
                        territory,
                        Set.of(institution),
                        Map.of(
                                "resourceId", resourceId,
                                "type", type,
                                "institution", institution,
                                "territory", territory,
                                "communes", List.of("38260"),
                                "status", "ACTIVE")));
        awaitConsumed(sent);
        return resourceId;
    }

    /** The {@code accepted.v1} event of a referral sent by {@code msp-bievre} to a programme. */
    protected static String acceptedEvent(String referralId, String programmeId, String priority, Instant acceptedAt) {
        return acceptedEvent(referralId, programmeId, priority, acceptedAt, "msp-bievre");
    }

    /** The {@code accepted.v1} event of a referral sent by {@code referrerInstitution} to a programme. */
    protected static String acceptedEvent(
            String referralId, String programmeId, String priority, Instant acceptedAt, String referrerInstitution) {
        return referralEvent(
                "fr.maillage.referral.accepted.v1",
                referralId,
                "bievre",
                Set.of(referrerInstitution, "lieu-dit"),
                Map.of(
                        "referralId",
                        referralId,
                        "personRef",
                        UUID.randomUUID().toString(),
                        "resourceId",
                        programmeId,
                        "resourceType",
                        "WORKSHOP_PROGRAMME",
                        "territory",
                        "bievre",
                        "priority",
                        priority,
                        "referrerInstitution",
                        referrerInstitution,
                        "acceptedAt",
                        acceptedAt.toString()));
    }

    protected RecordMetadata accept(String referralId, String programmeId, String priority) {
        return play(referralId, acceptedEvent(referralId, programmeId, priority, Instant.now()));
    }

    /** Waits until the {@code workshop-service} consumer group has committed past this record. */
    protected static void awaitConsumed(RecordMetadata record) {
        EventPlayer.awaitConsumed("workshop-service", record);
    }

    protected static String bootstrapServers() {
        return LocalInfrastructure.Endpoints.kafkaBootstrapServers();
    }

    // ---- reading a topic with a real consumer

    /** A reader of a whole topic from its beginning; records accumulate across calls. */
    protected TopicReader read(String topic) {
        TopicReader reader = new TopicReader(topic);
        closeables.add(reader);
        return reader;
    }

    /** The kit's reader, from the topic's beginning. */
    protected static final class TopicReader extends fr.maillage.platform.testing.TopicReader {

        TopicReader(String topic) {
            super(bootstrapServers(), topic, From.BEGINNING);
        }
    }

    /** Matches a CloudEvent by type and a data field. */
    protected static Predicate<JsonNode> event(String type, String dataField, String value) {
        return fr.maillage.platform.testing.TopicReader.withData(type, dataField, value);
    }
}
