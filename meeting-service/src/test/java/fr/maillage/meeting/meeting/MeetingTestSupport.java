package fr.maillage.meeting.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.localstack.oidc.DemoUsers;
import fr.maillage.meeting.MeetingIntegrationSupport;
import fr.maillage.meeting.action.ActionDesk;
import fr.maillage.meeting.consent.ConsentRegistry;
import fr.maillage.platform.testing.EventSchemas;
import fr.maillage.platform.testing.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What the meetings' integration tests (meeting/, series/, calendar/) add to the shared base: consents
 * the tests grant ({@link TestConsents}), an action desk that can be made to fail
 * ({@link FlakyActionDesk}, delegating to the real one), the practice groups announced in-process, and
 * helpers to schedule, hold and read meetings.
 *
 * <p>These fakes make a Spring context of its own (all these classes share it): it must not join the
 * {@code meeting-service} consumer group (it would take partitions from the base context), and its
 * sweeps must not act on the other contexts' data with this context's clock.
 */
@Import(MeetingTestFakes.class)
@TestPropertySource(
        properties = {
            "spring.kafka.listener.auto-startup=false",
            "maillage.meeting.decisions.action-retry-interval=P1D",
            "maillage.meeting.actions.overdue-sweep-interval=P1D",
            "maillage.meeting.proposals.sweep-interval=P1D"
        })
public abstract class MeetingTestSupport extends MeetingIntegrationSupport {

    public static final String COORD_BIEVRE = DemoUsers.COORD_BIEVRE_ID.toString();
    public static final String COPIL_BIEVRE = DemoUsers.COPIL_BIEVRE_ID.toString();

    public static final String SCHEDULED = "fr.maillage.meeting.scheduled.v1";
    public static final String CANCELLED = "fr.maillage.meeting.cancelled.v1";
    public static final String HELD = "fr.maillage.meeting.held.v1";
    public static final String CASE_REVIEWED = "fr.maillage.meeting.case-reviewed.v1";

    /** The demo professionals as a coordinator invites them. */
    public static final Map<String, Object> GP = participant(DR_MARTIN, "general-practitioner", "msp-bievre");

    public static final Map<String, Object> PSYCHOLOGIST = participant(PSY_DURAND, "clinical-psychologist", "lieu-dit");
    public static final Map<String, Object> NURSE = participant(IDE_BERNARD, "nurse", "msp-bievre");
    public static final Map<String, Object> STEERING = participant(COPIL_BIEVRE, "public-health", "cpts-bievre");

    @Autowired
    protected TestConsents consents;

    @Autowired
    protected FlakyActionDesk actionDesk;

    @Autowired
    protected PracticeGroupsHeard practiceGroupsHeard;

    @Autowired
    protected MongoTemplate mongo;

    // ---- the fakes

    /** Consents the tests record: nobody's consent covers a case review until granted. */
    public static class TestConsents implements ConsentRegistry {

        private final Set<String> covered = ConcurrentHashMap.newKeySet();

        public void grant(String personRef) {
            covered.add(personRef);
        }

        public void withdraw(String personRef) {
            covered.remove(personRef);
        }

        @Override
        public boolean coversCaseReview(String personRef) {
            return personRef != null && covered.contains(personRef);
        }
    }

    /**
     * The service's real action desk (the one that is not this), which a test can make fail a number of
     * times: what a decision does when actions cannot be handed out at once.
     */
    public static class FlakyActionDesk implements ActionDesk {

        private final ApplicationContext context;
        private final AtomicInteger failures = new AtomicInteger();
        private final AtomicInteger assignments = new AtomicInteger();

        public FlakyActionDesk(ApplicationContext context) {
            this.context = context;
        }

        public void failNext(int times) {
            failures.set(times);
        }

        /** How many times {@code assign} was called (failed calls included). */
        public int assignments() {
            return assignments.get();
        }

        private ActionDesk real() {
            return context.getBeansOfType(ActionDesk.class).values().stream()
                    .filter(desk -> desk != this)
                    .findFirst()
                    .orElseThrow();
        }

        @Override
        public AssignedAction assign(NewAction action) {
            assignments.incrementAndGet();
            if (failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new IllegalStateException("The action desk is unavailable (test)");
            }
            return real().assign(action);
        }

        @Override
        public List<ActionView> ofMeeting(String meetingId) {
            return real().ofMeeting(meetingId);
        }
    }

    /**
     * The practice groups announced in-process ({@link PracticeGroupScheduled}); like the proposals'
     * listener, it places the proposal a test left waiting for the territory as soon as one is announced.
     */
    public static class PracticeGroupsHeard {

        private final List<PracticeGroupScheduled> heard = new CopyOnWriteArrayList<>();
        private final Map<String, MeetingAgenda.ProposedItem> waiting = new ConcurrentHashMap<>();
        private final ObjectProvider<MeetingAgenda> agenda;

        public PracticeGroupsHeard(ObjectProvider<MeetingAgenda> agenda) {
            this.agenda = agenda;
        }

        /** A proposal placed when the territory's next practice group is announced. */
        public void waitFor(String territory, MeetingAgenda.ProposedItem item) {
            waiting.put(territory, item);
        }

        @EventListener
        void on(PracticeGroupScheduled scheduled) {
            heard.add(scheduled);
            MeetingAgenda.ProposedItem item = waiting.remove(scheduled.territory());
            if (item != null) {
                agenda.getObject().proposeOnNextPracticeGroup(scheduled.territory(), item);
            }
        }

        public List<PracticeGroupScheduled> heard() {
            return Collections.unmodifiableList(heard);
        }
    }

    // ---- bodies

    public static Map<String, Object> participant(String userId, String profession, String institution) {
        Map<String, Object> participant = new LinkedHashMap<>();
        participant.put("userId", userId);
        participant.put("profession", profession);
        participant.put("institution", institution);
        return participant;
    }

    /** A territory no other test uses (admins schedule there): "the next practice group" is this test's. */
    protected static String freshTerritory() {
        return "t-" + UUID.randomUUID();
    }

    /** Ten minutes from the shared clock's now, to the second: soon, still in the future. */
    protected Instant soon() {
        return clock.instant().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
    }

    protected static Map<String, Object> meetingBody(
            String kind, String territory, Instant startsAt, List<Map<String, Object>> participants) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("territory", territory);
        body.put("title", "Réunion " + kind.toLowerCase().replace('_', ' '));
        body.put("startsAt", startsAt.toString());
        body.put("durationMinutes", 120);
        body.put("venue", "MSP Bièvre, salle 2");
        body.put("participants", participants);
        return body;
    }

    /** Schedules a meeting as {@code who}; asserts 201 and returns the view. */
    protected JsonNode schedule(
            String who, String kind, String territory, Instant startsAt, List<Map<String, Object>> participants) {
        HttpResponse<String> response =
                post("/api/meetings", who, json(meetingBody(kind, territory, startsAt, participants)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    /** A meeting of coord-bievre in bievre with the GP, the nurse and the psychologist, soon. */
    protected JsonNode bievreMeeting(String kind) {
        return schedule("coord-bievre", kind, "bievre", soon(), List.of(GP, NURSE, PSYCHOLOGIST));
    }

    protected JsonNode meeting(String meetingId, String who) {
        HttpResponse<String> response = get("/api/meetings/" + meetingId, who);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** Moves the shared clock to the meeting's start. */
    protected void reachStartOf(JsonNode meeting) {
        advanceTo(Instant.parse(meeting.get("startsAt").asString()));
    }

    protected HttpResponse<String> recordAttendance(String meetingId, String who, String... present) {
        return put("/api/meetings/" + meetingId + "/attendance", who, json(Map.of("present", List.of(present))));
    }

    /** Reaches the start and records those present as coord-bievre; asserts 200. */
    protected JsonNode hold(JsonNode meeting, String... present) {
        reachStartOf(meeting);
        HttpResponse<String> response = recordAttendance(meeting.get("id").asString(), "coord-bievre", present);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** Adds an item as {@code who}; returns the answer whatever it is. */
    protected HttpResponse<String> addItem(String meetingId, String who, Map<String, Object> item) {
        return post("/api/meetings/" + meetingId + "/items", who, json(item));
    }

    /** A case review of a person whose consent is granted; asserts 201, returns the item id. */
    protected String caseReview(String meetingId, String who, String personRef) {
        consents.grant(personRef);
        HttpResponse<String> response =
                addItem(meetingId, who, Map.of("kind", "CASE_REVIEW", "personRef", personRef, "sourceType", "ALERT"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asString();
    }

    protected HttpResponse<String> decide(
            String meetingId, String itemId, String who, String text, List<Map<String, Object>> actions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("actions", actions);
        return post("/api/meetings/" + meetingId + "/items/" + itemId + "/decisions", who, json(body));
    }

    protected static Map<String, Object> action(String ownerId, String title, String dueOn) {
        return Map.of("ownerId", ownerId, "title", title, "dueOn", dueOn);
    }

    // ---- problems, documents, events

    protected static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("type").asString()).isEqualTo("urn:maillage:problem:" + slug);
    }

    /** The meeting as stored (no access rule, no view). */
    protected Meeting stored(String meetingId) {
        return mongo.findById(meetingId, Meeting.class);
    }

    private boolean outboxIsEmpty(String meetingId) {
        org.bson.Document meeting = mongo.findById(meetingId, org.bson.Document.class, "meetings");
        return meeting != null
                && meeting.getList("pendingEvents", Object.class, List.of()).isEmpty();
    }

    /**
     * The distinct events (by CloudEvent id) of this type published about the meeting, once its outbox is
     * empty; each one's data checked against the schema of its type.
     */
    protected List<JsonNode> published(TopicReader events, String type, String meetingId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxIsEmpty(meetingId));
        events.awaitEvents(1, TopicReader.withData(type, "meetingId", meetingId));
        events.readToEnd();
        List<JsonNode> distinct = TopicReader.distinct(events.eventsKeyed(meetingId)).stream()
                .filter(TopicReader.ofType(type))
                .toList();
        distinct.forEach(
                event -> EventSchemas.assertValid(type, event.get("data").toString()));
        return distinct;
    }

    /** The types of the events published about the meeting so far (its outbox emptied), in order. */
    protected List<String> typesPublished(TopicReader events, String meetingId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxIsEmpty(meetingId));
        events.readToEnd();
        return TopicReader.distinct(events.eventsKeyed(meetingId)).stream()
                .map(event -> event.get("type").asString())
                .toList();
    }
}
