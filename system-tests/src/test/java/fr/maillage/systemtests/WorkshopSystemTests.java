package fr.maillage.systemtests;

import static fr.maillage.systemtests.WalkingSkeletonSystemTests.facilitator;
import static fr.maillage.systemtests.WalkingSkeletonSystemTests.groupBody;
import static fr.maillage.systemtests.WalkingSkeletonSystemTests.referralBody;
import static fr.maillage.systemtests.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.systemtests.support.Api;
import fr.maillage.systemtests.support.RunningPlatform;
import fr.maillage.systemtests.support.SessionSlots;
import fr.maillage.systemtests.support.Tokens;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Collective workshops (issue 5) through the gateway with real tokens: {@code coord-bievre} sets up a
 * programme of four weekly one-hour sessions for two participants and opens a group led by {@code
 * psy-durand} and {@code ide-bernard}; {@code dr-martin}'s three referrals are accepted, the URGENT one
 * (last) jumps the waiting list and takes the place a withdrawal frees; the facilitators record
 * attendance, and two absences in a row reach the coordinator's alert queue and the referrer's referral
 * within seconds. The facilitator's iCalendar feed lists the sessions; bad input answers problems.
 *
 * <p>The group's sessions are planned a few days ahead (a first session must be in the future): the
 * test profile of {@link RunningPlatform} lets attendance be recorded 60 days before a session.
 */
@Order(12)
@ExtendWith(RunningPlatform.class)
class WorkshopSystemTests {

    private static final String WORKSHOPS = "/api/workshops";
    private static final String GROUPS = WORKSHOPS + "/groups";
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(30);
    // The gateway allows 20 requests per second per client: polls stay well under it.
    private static final Duration POLL = Duration.ofMillis(500);

    private static final Api API = new Api(RunningPlatform.gateway());

    /** The group run through enrolment, promotion and attendance, shared by the tests that look at it. */
    private static Story story;

    /** A programme workshop-service knows, with no group: the bad-input tests' target. */
    private static String quietProgramme;

    @Test
    void theUrgentReferralJumpsTheWaitlistAndTwoAbsencesInARowReachTheCoordinatorAndTheReferrer() {
        runStory();
    }

    @Test
    void aClinicianWhoDoesNotFacilitateTheGroupCannotRecordAttendance() {
        Story done = story();

        Api.Response refused = API.put(
                attendance(done.groupId(), 3),
                Tokens.of("dr-martin"),
                json("marks", List.of(mark(done.urgent().personRef(), "PRESENT"))),
                Map.of());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.isProblem()).as(refused.toString()).isTrue();
    }

    @Test
    void theFacilitatorsCalendarFeedParsesAndListsTheGroupsSessionsAndNoParticipant() throws Exception {
        Story done = story();
        String psy = sub("psy-durand");

        Api.Response feed = API.get(WORKSHOPS + "/facilitators/" + psy + "/calendar.ics", Tokens.of("psy-durand"));

        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        assertThat(calendar.getProperty(Property.PRODID).map(Property::getValue))
                .hasValue("-//Maillage//Workshops//FR");
        assertThat(calendar.getComponents(Component.VTIMEZONE)).isNotEmpty();
        Map<String, VEvent> byUid = new LinkedHashMap<>();
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            byUid.put(event.getProperty(Property.UID).map(Property::getValue).orElseThrow(), event);
        }
        JsonNode sessions = done.sessions();
        assertThat(sessions.size())
                .as("four weekly group sessions, no alternation")
                .isEqualTo(4);
        for (JsonNode session : sessions) {
            String uid = session.path("id").asString() + "@maillage.fr";
            assertThat(byUid).as(feed.body()).containsKey(uid);
            VEvent event = byUid.get(uid);
            DtStart<Temporal> start = event.<Temporal>getStartDate().orElseThrow();
            assertThat(start.getParameter(Parameter.TZID).map(Parameter::getValue))
                    .hasValue("Europe/Paris");
            assertThat(Instant.from(start.getDate()))
                    .as(uid)
                    .isEqualTo(Instant.parse(session.path("startsAt").asString()));
            assertThat(event.getSummary().getValue())
                    .contains("séance " + session.path("number").asInt() + "/4");
            assertThat(event.getLocation().getValue()).isEqualTo(done.venue());
        }
        // Never a participant in a facilitator's agenda.
        assertThat(feed.body())
                .doesNotContain(done.routine().personRef())
                .doesNotContain(done.urgent().personRef())
                .doesNotContain(done.direct());

        // Another clinician does not read psy-durand's agenda: it does not exist for them.
        Api.Response elsewhere = API.get(WORKSHOPS + "/facilitators/" + psy + "/calendar.ics", Tokens.of("dr-martin"));
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(404);
    }

    @Test
    void attendanceForSomeoneNotEnrolledIsAnUnprocessableProblemNamingThem() {
        Story done = story();
        String stranger = UUID.randomUUID().toString();

        Api.Response unknown = API.put(
                attendance(done.groupId(), 3),
                Tokens.of("psy-durand"),
                json("marks", List.of(mark(done.urgent().personRef(), "PRESENT"), mark(stranger, "ABSENT"))),
                Map.of());
        // Waitlisted is not enrolled either.
        Api.Response waitlisted = API.put(
                attendance(done.groupId(), 3),
                Tokens.of("psy-durand"),
                json("marks", List.of(mark(done.waiting().personRef(), "PRESENT"))),
                Map.of());

        assertProblem(unknown, 422, "not-enrolled");
        assertThat(unknown.body()).contains(stranger);
        assertProblem(waitlisted, 422, "not-enrolled");
        assertThat(waitlisted.body()).contains(done.waiting().personRef());
    }

    @Test
    void aGroupWithOneFacilitatorOnlyIsABadRequestProblemAndOpensNothing() {
        String programme = quietProgramme();

        Api.Response refused = API.post(
                GROUPS,
                Tokens.of("coord-bievre"),
                groupBody(
                        programme,
                        4,
                        List.of(facilitator("psy-durand", "clinical-psychologist")),
                        SessionSlots.nextFirstSession()));

        assertProblem(refused, 400, "two-distinct-facilitators");
        assertThat(groupsOf(programme)).isEmpty();
    }

    @Test
    void aGroupWithTheSameFacilitatorTwiceIsABadRequestProblemAndOpensNothing() {
        String programme = quietProgramme();
        Map<String, Object> nurse = facilitator("ide-bernard", "nurse");

        Api.Response refused = API.post(
                GROUPS,
                Tokens.of("coord-bievre"),
                groupBody(programme, 4, List.of(nurse, nurse), SessionSlots.nextFirstSession()));

        assertProblem(refused, 400, "two-distinct-facilitators");
        assertThat(groupsOf(programme)).isEmpty();
    }

    @Test
    void aGroupWhoseFirstSessionIsInThePastIsAnUnprocessableProblemAndOpensNothing() {
        String programme = quietProgramme();

        Api.Response refused = API.post(
                GROUPS,
                Tokens.of("coord-bievre"),
                groupBody(
                        programme,
                        4,
                        List.of(
                                facilitator("psy-durand", "clinical-psychologist"),
                                facilitator("ide-bernard", "nurse")),
                        SessionSlots.aWeekAgo()));

        assertProblem(refused, 422, "session-in-the-past");
        assertThat(groupsOf(programme)).isEmpty();
    }

    // ---- the story ----

    /** The story once per test JVM (again if an earlier attempt failed), for the tests that inspect it. */
    private static synchronized Story story() {
        if (story == null) {
            runStory();
        }
        return story;
    }

    private static synchronized void runStory() {
        // Logins first (a scripted PKCE login takes seconds), so the waits below are spent on the platform.
        // Tokens are asked for at each call below: the story may outlive a cached token.
        for (String user : List.of("coord-bievre", "dr-martin", "psy-durand", "ide-bernard")) {
            Tokens.of(user);
        }

        // coord-bievre registers the programme and, once workshop-service has learned it from the
        // directory's events, sets it up: four weekly one-hour sessions, one or two participants.
        String programme = WalkingSkeletonSystemTests.workshopProgramme();
        Map<String, Object> settings = json(
                "sessionCount", 4,
                "sessionMinutes", 60,
                "minParticipants", 1,
                "maxParticipants", 2,
                "cadence", "WEEKLY",
                "alternatingIndividualSlots", false);
        await().atMost(WITHIN_SECONDS).pollInterval(POLL).untilAsserted(() -> {
            Api.Response set = API.put(
                    WORKSHOPS + "/programmes/" + programme + "/settings",
                    Tokens.of("coord-bievre"),
                    settings,
                    Map.of());
            assertThat(set.status()).as(set.toString()).isEqualTo(200);
        });

        // ... opens a group of two, led by a clinical psychologist and a nurse, in a room of its own.
        Map<String, Object> body = groupBody(
                programme,
                2,
                List.of(facilitator("psy-durand", "clinical-psychologist"), facilitator("ide-bernard", "nurse")),
                SessionSlots.nextFirstSession());
        String venue = body.get("venue").toString();
        Api.Response opened = API.post(GROUPS, Tokens.of("coord-bievre"), body);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        JsonNode group = opened.json();
        String groupId = group.path("id").asString();
        assertThat(group.path("status").asString()).isEqualTo("OPEN");
        assertThat(group.path("capacity").asInt()).isEqualTo(2);
        JsonNode sessions = group.path("sessions");
        assertThat(sessions.size()).as(opened.toString()).isEqualTo(4);
        assertThat(sessions.valueStream().map(session -> session.path("kind").asString()))
                .containsOnly("GROUP");

        // ... and enrols one person herself (no referral): one place is left.
        String direct = UUID.randomUUID().toString();
        Api.Response enrolled = API.post(
                GROUPS + "/" + groupId + "/enrolments",
                Tokens.of("coord-bievre"),
                json("personRef", direct, "priority", "ROUTINE"));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        assertThat(enrolled.text("status")).isEqualTo("CONFIRMED");

        // dr-martin refers three people; coord-bievre accepts them in order, the URGENT one last.
        Referred routine = refer(programme, "Roux", "ROUTINE");
        Referred waiting = refer(programme, "Fontaine", "ROUTINE");
        Referred urgent = refer(programme, "Chevalier", "URGENT");
        accept(routine);
        awaitBusinessStatus(routine, "ENROLLED");
        accept(waiting);
        awaitBusinessStatus(waiting, "WAITLISTED");
        accept(urgent);
        awaitBusinessStatus(urgent, "WAITLISTED");

        // The URGENT one jumps the waiting list: first in line, ahead of the ROUTINE one who came earlier.
        JsonNode full = readGroup(groupId);
        assertThat(enrolmentOf(full, urgent).path("status").asString()).isEqualTo("WAITLISTED");
        assertThat(enrolmentOf(full, urgent).path("position").asInt())
                .as(full.toString())
                .isEqualTo(1);
        assertThat(enrolmentOf(full, waiting).path("position").asInt())
                .as(full.toString())
                .isEqualTo(2);
        Api.Response asReferrer =
                API.get(WORKSHOPS + "/referrals/" + urgent.referralId() + "/enrolment", Tokens.of("dr-martin"));
        assertThat(asReferrer.status()).as(asReferrer.toString()).isEqualTo(200);
        assertThat(asReferrer.text("status")).isEqualTo("WAITLISTED");
        assertThat(asReferrer.json().path("position").asInt()).isEqualTo(1);

        // The first referred person withdraws: the URGENT one takes the place, the ROUTINE one waits on.
        Api.Response withdrawn = API.post(
                GROUPS + "/" + groupId + "/enrolments/"
                        + enrolmentOf(full, routine).path("id").asString() + "/withdrawal",
                Tokens.of("coord-bievre"),
                json("reason", "moved-away"));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isBetween(200, 299);
        JsonNode urgentEnrolled = awaitBusinessStatus(urgent, "ENROLLED");
        assertThat(urgentEnrolled.path("status").asString()).isEqualTo("IN_PROGRESS");
        // The referral-service side of the loop: the withdrawal shows on the referral, which stays open.
        JsonNode withdrew = awaitBusinessStatus(routine, "WORKSHOP_WITHDRAWN");
        assertThat(withdrew.path("status").asString()).isEqualTo("IN_PROGRESS");
        JsonNode promoted = readGroup(groupId);
        assertThat(enrolmentOf(promoted, urgent).path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(enrolmentOf(promoted, routine).path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(enrolmentOf(promoted, waiting).path("status").asString()).isEqualTo("WAITLISTED");
        assertThat(enrolmentOf(promoted, waiting).path("position").asInt()).isEqualTo(1);

        // psy-durand records session 1, ide-bernard session 2: the URGENT one misses both.
        recordAttendance(groupId, 1, "psy-durand", urgent.personRef(), direct);
        recordAttendance(groupId, 2, "ide-bernard", urgent.personRef(), direct);

        // Within seconds coord-bievre has a follow-up alert about that person...
        await().atMost(WITHIN_SECONDS).pollInterval(POLL).untilAsserted(() -> {
            JsonNode alert = followUpAlert(urgent.personRef());
            assertThat(alert)
                    .as("open alert about %s in bievre", urgent.personRef())
                    .isNotNull();
            assertThat(alert.path("channel").asString()).isEqualTo("INTERNAL");
            assertThat(alert.path("territory").asString()).isEqualTo("bievre");
            assertThat(alert.path("riskFactors").valueStream().map(JsonNode::asString))
                    .contains("CARE_DISRUPTION");
        });
        // ... and dr-martin's referral says the sessions were not attended.
        JsonNode unattended = awaitBusinessStatus(urgent, "SESSION_UNATTENDED");
        assertThat(unattended.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(unattended
                        .path("history")
                        .valueStream()
                        .map(entry -> entry.path("action").asString()))
                .endsWith("SESSION_UNATTENDED");
        // The one who was present raised nothing.
        assertThat(followUpAlert(direct)).isNull();

        story = new Story(groupId, programme, venue, sessions, direct, routine, waiting, urgent);
    }

    /** A programme known to workshop-service (through Kafka) that will never have a group. */
    private static synchronized String quietProgramme() {
        if (quietProgramme == null) {
            String programme = WalkingSkeletonSystemTests.workshopProgramme();
            await().atMost(WITHIN_SECONDS).pollInterval(POLL).untilAsserted(() -> {
                Api.Response known = API.get(WORKSHOPS + "/programmes/" + programme, Tokens.of("coord-bievre"));
                assertThat(known.status()).as(known.toString()).isEqualTo(200);
            });
            quietProgramme = programme;
        }
        return quietProgramme;
    }

    // ---- steps ----

    /** A referred person: their referral and their personRef. */
    private record Referred(String referralId, String personRef) {}

    /** The group and who is in it, once the story has run. */
    private record Story(
            String groupId,
            String programmeId,
            String venue,
            JsonNode sessions,
            String direct,
            Referred routine,
            Referred waiting,
            Referred urgent) {}

    private static Referred refer(String programme, String familyName, String priority) {
        Map<String, Object> body = referralBody(programme, familyName + "-" + UUID.randomUUID());
        body.put("priority", priority);
        Api.Response created = API.post("/api/referrals", Tokens.of("dr-martin"), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Referred(created.text("id"), created.text("personRef"));
    }

    private static void accept(Referred referred) {
        Api.Response accepted = API.post(
                "/api/referrals/" + referred.referralId() + "/acceptance", Tokens.of("coord-bievre"), Map.of());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    }

    /** Waits until dr-martin, the referrer, reads {@code businessStatus} on the referral; the referral. */
    private static JsonNode awaitBusinessStatus(Referred referred, String businessStatus) {
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        await().atMost(WITHIN_SECONDS).pollInterval(POLL).untilAsserted(() -> {
            Api.Response referral = API.get("/api/referrals/" + referred.referralId(), Tokens.of("dr-martin"));
            assertThat(referral.status()).as(referral.toString()).isEqualTo(200);
            assertThat(referral.text("businessStatus")).as(referral.toString()).isEqualTo(businessStatus);
            seen.set(referral.json());
        });
        return seen.get();
    }

    private static JsonNode readGroup(String groupId) {
        Api.Response group = API.get(GROUPS + "/" + groupId, Tokens.of("coord-bievre"));
        assertThat(group.status()).as(group.toString()).isEqualTo(200);
        return group.json();
    }

    private static JsonNode enrolmentOf(JsonNode group, Referred referred) {
        return group.path("enrolments")
                .valueStream()
                .filter(enrolment -> referred.referralId()
                        .equals(enrolment.path("referralId").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no enrolment of " + referred + " in " + group));
    }

    /** {@code absent} misses the session, {@code present} attends it. */
    private static void recordAttendance(
            String groupId, int session, String facilitator, String absent, String present) {
        Api.Response recorded = API.put(
                attendance(groupId, session),
                Tokens.of(facilitator),
                json("marks", List.of(mark(absent, "ABSENT"), mark(present, "PRESENT"))),
                Map.of());
        assertThat(recorded.status()).as(recorded.toString()).isBetween(200, 299);
    }

    private static String attendance(String groupId, int session) {
        return GROUPS + "/" + groupId + "/sessions/" + session + "/attendance";
    }

    private static Map<String, Object> mark(String personRef, String mark) {
        return json("personRef", personRef, "mark", mark);
    }

    /**
     * The open alert about {@code personRef} in coord-bievre's queue of bievre (among the 100 raised last),
     * or null.
     */
    private static JsonNode followUpAlert(String personRef) {
        Api.Response queue =
                API.get("/api/alerts?status=OPEN&territory=bievre&sort=raisedAt&size=100", Tokens.of("coord-bievre"));
        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
        return queue.json()
                .path("items")
                .valueStream()
                .filter(alert -> personRef.equals(alert.path("personRef").asString()))
                .findFirst()
                .orElse(null);
    }

    /** The groups of a programme coord-bievre sees (a page or a plain list). */
    private static List<JsonNode> groupsOf(String programme) {
        Api.Response listed = API.get(GROUPS + "?programmeId=" + programme, Tokens.of("coord-bievre"));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        JsonNode body = listed.json();
        JsonNode items = body.isArray() ? body : body.path("items");
        List<JsonNode> groups = new ArrayList<>();
        items.forEach(groups::add);
        return groups;
    }

    private static void assertProblem(Api.Response response, int status, String slug) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.text("type")).as(response.toString()).isEqualTo("urn:maillage:problem:" + slug);
    }

    private static String sub(String demoUser) {
        return Tokens.claims(Tokens.of(demoUser)).path("sub").asString();
    }
}
