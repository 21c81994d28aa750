package fr.maillage.workshop.attendance;

import static org.awaitility.Awaitility.await;

import fr.maillage.workshop.WorkshopIntegrationSupport;
import fr.maillage.workshop.attendance.SessionRoster.Participant;
import fr.maillage.workshop.attendance.SessionRoster.Roster;
import fr.maillage.workshop.attendance.SessionRoster.RosterSession;
import fr.maillage.workshop.schedule.SessionKind;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The attendance integration tests' own base: the service's base (real Kafka and Mongo, demo
 * tokens, the movable clock) plus an in-memory {@link SessionRoster} each test fills with the groups
 * it records for ({@link AttendanceTestRosterConfiguration}).
 */
@Import(AttendanceTestRosterConfiguration.class)
public abstract class AttendanceIntegrationSupport extends WorkshopIntegrationSupport {

    protected static final String PROGRAMME_INSTITUTION = "lieu-dit";
    protected static final String OTHER_FACILITATOR = "6f1c1a3e-0001-4000-8000-0000000000bb";

    /** Entries in a test group's calendar. */
    protected static final int SESSIONS = 6;

    @Autowired
    protected InMemorySessionRoster rosters;

    @Autowired
    protected MongoTemplate mongo;

    // ---- groups, as the roster shows them

    /** A participant referred by {@code msp-bievre}. */
    protected static Participant referred() {
        return new Participant(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                "msp-bievre");
    }

    /** A participant a coordinator enrolled directly: no referral, no referrer. */
    protected static Participant enrolledByACoordinator() {
        return new Participant(UUID.randomUUID().toString(), UUID.randomUUID().toString(), null, null);
    }

    /**
     * A RUNNING bievre group of {@code lieu-dit} led by psy-durand and ide-bernard: six entries a
     * week apart (group, individual, group, …), all already held.
     */
    protected Roster heldGroup(Participant... participants) {
        return group(
                "RUNNING", List.of(PSY_DURAND, IDE_BERNARD), clock.instant().minus(Duration.ofDays(50)), participants);
    }

    protected Roster group(String status, List<String> pair, Instant firstStart, Participant... participants) {
        List<RosterSession> sessions = new ArrayList<>();
        for (int number = 1; number <= SESSIONS; number++) {
            Instant startsAt = firstStart.plus(Duration.ofDays(7L * (number - 1)));
            sessions.add(new RosterSession(
                    number,
                    number % 2 == 1 ? SessionKind.GROUP : SessionKind.INDIVIDUAL,
                    startsAt,
                    startsAt.plus(Duration.ofHours(2)),
                    pair));
        }
        Roster roster = new Roster(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                PROGRAMME_INSTITUTION,
                "bievre",
                status,
                pair,
                sessions,
                List.of(participants));
        rosters.put(roster);
        return roster;
    }

    // ---- the attendance API

    protected static String attendance(Roster group, int session) {
        return attendance(group.groupId(), session);
    }

    protected static String attendance(String groupId, int session) {
        return "/api/workshops/groups/" + groupId + "/sessions/" + session + "/attendance";
    }

    /** {@code {"marks":[{"personRef":…,"mark":…}, …]}} in the order given. */
    @SafeVarargs
    protected static String marks(Map.Entry<Participant, Mark>... marks) {
        return List.of(marks).stream()
                .map(mark -> """
                        {"personRef":"%s","mark":"%s"}""".formatted(mark.getKey().personRef(), mark.getValue()))
                .collect(Collectors.joining(",", "{\"marks\":[", "]}"));
    }

    protected static Map.Entry<Participant, Mark> mark(Participant participant, Mark mark) {
        return Map.entry(participant, mark);
    }

    /**
     * Records as {@code who}, insists on a 200 and waits until the events it caused are published.
     * Waiting keeps the counts of events exact: delivery is at least once, and a save racing the
     * relay may publish an event again (with the same CloudEvent id; consumers are idempotent on it).
     */
    protected JsonNode recorded(Roster group, int session, String who, String body) {
        HttpResponse<String> response = put(attendance(group, session), who, body);
        if (response.statusCode() != 200) {
            throw new AssertionError("Recording answered " + response.statusCode() + ": " + response.body());
        }
        awaitPublished(group.groupId());
        return json(response);
    }

    // ---- what reached workshop.events.v1

    /** Waits until the relay has published (and removed) every pending event of the group's attendance. */
    protected void awaitPublished(String groupId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            GroupAttendance attendance = mongo.findById(groupId, GroupAttendance.class);
            return attendance == null || attendance.pendingEvents().isEmpty();
        });
    }

    /**
     * Every event of the group on {@code workshop.events.v1}, read with a real consumer up to the
     * end of the topic: after {@link #awaitPublished} nothing of the group is left to arrive.
     */
    protected List<JsonNode> publishedEvents(String groupId, String type) {
        awaitPublished(groupId);
        try (var reader = fr.maillage.platform.testing.TopicReader.fromBeginning(bootstrapServers(), WORKSHOP_TOPIC)) {
            return reader.readToEnd().stream()
                    .filter(record -> groupId.equals(record.key()))
                    .map(record -> JSON.readTree(record.value()))
                    .filter(event -> event.path("type").asString().equals(type))
                    .toList();
        }
    }
}
