package fr.maillage.systemtests;

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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pluriprofessional meetings (issue 6) through the gateway with real tokens: {@code coord-bievre}
 * schedules the next practice group of {@code bievre} with a GP ({@code dr-martin}), a nurse ({@code
 * ide-bernard}) and a clinical psychologist ({@code psy-durand}); a person {@code dr-martin} referred
 * consents to case conferences; an alert about them is left unanswered, escalates, and meeting-service
 * puts it on that practice group as a PROPOSED case review; the coordinator keeps it, the three are
 * present, notes and a decision are recorded with an action for {@code dr-martin} already due, which
 * becomes overdue in his list. {@code copil-bievre} never reads the case notes; with two professions
 * present a case conference records no decision; the participant's calendar feed parses; bad input
 * answers problems and writes nothing.
 *
 * <p>The story's practice group must be the next one of {@code bievre} when the alert escalates (the
 * automatic agenda puts a proposal on the next PRACTICE_GROUP of the territory): no other test schedules
 * a PRACTICE_GROUP in {@code bievre}, the other meetings here are case conferences. Meetings are planned
 * a few days ahead (a meeting in the past cannot be scheduled): the test profile of {@link
 * RunningPlatform} lets attendance be recorded 60 days before a meeting and sweeps for overdue actions
 * every 2 s.
 */
@Order(13)
@ExtendWith(RunningPlatform.class)
class MeetingSystemTests {

    private static final String MEETINGS = "/api/meetings";
    private static final String ACTIONS = MEETINGS + "/actions";
    private static final String TOPIC = "meeting.events.v1";
    private static final String TERRITORY = "bievre";
    private static final String EVENT = "fr.maillage.meeting.";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    // The urgency B target (30 s), the escalation sweep (2 s), then Kafka to meeting-service: a loaded
    // 2-core machine gets some slack on top of it.
    private static final Duration ESCALATED_AND_PROPOSED =
            RunningPlatform.URGENCY_B_TARGET.plus(Duration.ofSeconds(60));
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(30);
    // The gateway allows 20 requests per second per client: polls stay well under it.
    private static final Duration POLL = Duration.ofMillis(500);

    private static final Api API = new Api(RunningPlatform.gateway());

    /** The practice group taken through the whole story, shared by the tests that look at it. */
    private static Story story;

    @Test
    void anEscalatedAlertIsProposedKeptDecidedByThreeProfessionsAndItsActionShowsOverdueInTheOwnersList() {
        runStory();
    }

    @Test
    void copilBievreCannotReadTheCaseNotesWhichThosePresentAndTheCoordinatorRead() {
        Story done = story();
        String notes = notesPath(done.meetingId(), done.itemId());

        Api.Response bySteering = API.get(notes, Tokens.of("copil-bievre"));
        assertThat(bySteering.status()).as(bySteering.toString()).isEqualTo(404);
        assertThat(bySteering.isProblem()).as(bySteering.toString()).isTrue();
        assertThat(bySteering.body()).doesNotContain(done.notes());
        // Steering members see steering committees only: the practice group does not exist for them.
        Api.Response meetingBySteering = API.get(meeting(done.meetingId()), Tokens.of("copil-bievre"));
        assertThat(meetingBySteering.status()).as(meetingBySteering.toString()).isEqualTo(404);
        assertThat(meetingBySteering.body()).doesNotContain(done.notes()).doesNotContain(done.personRef());
        // Nor for the coordinator of another territory.
        Api.Response elsewhere = API.get(meeting(done.meetingId()), Tokens.of("coord-lyon"));
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(404);
        assertThat(API.get(notes, Tokens.of("coord-lyon")).status()).isEqualTo(404);

        // Those present at the case review and the territory's coordinator read them.
        for (String reader : List.of("dr-martin", "psy-durand", "coord-bievre")) {
            Api.Response read = API.get(notes, Tokens.of(reader));
            assertThat(read.status()).as(reader + ": " + read).isEqualTo(200);
            assertThat(read.body()).as(reader).contains(done.notes());
        }
    }

    @Test
    void withTwoProfessionsPresentACaseConferenceRefusesTheDecisionAndWritesNothingUntilAThirdArrives() {
        Story done = story();
        String marker = marker();
        String ideBernard = sub("ide-bernard");

        // coord-bievre holds a case conference about the same person; only the GP and the nurse come.
        String conference = schedule("CASE_CONFERENCE", "Concertation " + marker, nextStart(), "Salle " + marker);
        Api.Response added = API.post(
                items(conference),
                Tokens.of("coord-bievre"),
                json("kind", "CASE_REVIEW", "personRef", done.personRef()));
        assertThat(added.status()).as(added.toString()).isIn(200, 201);
        JsonNode caseItem = itemAbout(readMeeting(conference), done.personRef());
        assertThat(caseItem)
                .as("the case item of %s on %s", done.personRef(), conference)
                .isNotNull();
        String itemId = caseItem.path("id").asString();
        recordAttendance(conference, "dr-martin", "ide-bernard");

        Map<String, Object> decision = json(
                "text",
                "Proposer une hospitalisation de jour " + marker,
                "actions",
                List.of(action(ideBernard, "Appeler l'HDJ " + marker, today().plusDays(7))));
        Api.Response refused = API.post(decisions(conference, itemId), Tokens.of("coord-bievre"), decision);

        assertProblem(refused, 409, "quorum-not-reached");
        JsonNode problem = refused.json();
        assertThat(problem.path("missing").asInt()).as(refused.toString()).isEqualTo(1);
        JsonNode present = problem.path("professionsPresent");
        if (present.isArray()) {
            assertThat(present.valueStream().map(JsonNode::asString))
                    .as(refused.toString())
                    .containsExactlyInAnyOrder("general-practitioner", "nurse");
        } else {
            assertThat(present.asInt()).as(refused.toString()).isEqualTo(2);
        }
        // Nothing half-written: no decision on the item, no action in the nurse's list.
        JsonNode item = itemAbout(readMeeting(conference), done.personRef());
        assertThat(item.path("decisions").size()).as(item.toString()).isZero();
        assertThat(actionTitled("ide-bernard", itemId, "Appeler l'HDJ " + marker))
                .isNull();

        // The refusal was about the quorum only: once the psychologist is there, the same decision goes through.
        recordAttendance(conference, "dr-martin", "ide-bernard", "psy-durand");
        Api.Response decided = API.post(decisions(conference, itemId), Tokens.of("coord-bievre"), decision);
        assertThat(decided.status()).as(decided.toString()).isIn(200, 201);
        await().atMost(WITHIN_SECONDS)
                .pollInterval(POLL)
                .untilAsserted(() -> assertThat(actionTitled("ide-bernard", itemId, "Appeler l'HDJ " + marker))
                        .as("the nurse's action")
                        .isNotNull());
    }

    @Test
    void theParticipantsCalendarFeedParsesAndListsTheMeetingWithoutThePersonOrTheNotes() throws Exception {
        Story done = story();
        String drMartin = sub("dr-martin");
        String path = MEETINGS + "/participants/" + drMartin + "/calendar.ics";

        Api.Response feed = API.get(path, Tokens.of("dr-martin"));

        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> ofTheMeeting = calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(event -> event.getProperty(Property.UID)
                        .map(Property::getValue)
                        .orElse("")
                        .startsWith(done.meetingId()))
                .toList();
        assertThat(ofTheMeeting).as(feed.body()).hasSize(1);
        DtStart<Temporal> start =
                ofTheMeeting.getFirst().<Temporal>getStartDate().orElseThrow();
        assertThat(Instant.from(start.getDate()))
                .as("the local start in Paris it was scheduled at, %s", done.startsAt())
                .isEqualTo(done.startsAt().atZone(SessionSlots.PARIS).toInstant());
        // A calendar says when and where, never whom a case review is about nor what was said.
        assertThat(feed.body())
                .doesNotContain(done.personRef())
                .doesNotContain(done.notes())
                .doesNotContain(done.decision());

        // The territory's coordinator reads it too; another participant does not: for them it does not exist.
        assertThat(API.get(path, Tokens.of("coord-bievre")).status()).isEqualTo(200);
        Api.Response byAnother = API.get(path, Tokens.of("psy-durand"));
        assertThat(byAnother.status()).as(byAnother.toString()).isEqualTo(404);
        assertThat(byAnother.body()).doesNotContain(done.meetingId());
    }

    @Test
    void theMeetingsEventsSayHeldByThreeProfessionsCaseReviewedAndOverdueOnceWithNoNoteTitleOrName() {
        Story done = story();
        String drMartin = sub("dr-martin");

        List<JsonNode> events = eventsOf(done);

        assertThat(events)
                .filteredOn(e -> type(e).equals(EVENT + "held.v1"))
                .singleElement()
                .satisfies(e -> {
                    JsonNode data = e.path("data");
                    assertThat(data.path("kind").asString()).as(e.toString()).isEqualTo("PRACTICE_GROUP");
                    assertThat(data.path("territory").asString()).isEqualTo(TERRITORY);
                    assertThat(data.path("attendees").asInt()).isEqualTo(3);
                    assertThat(data.path("professions").asInt()).isEqualTo(3);
                });
        assertThat(events)
                .filteredOn(e -> type(e).equals(EVENT + "case-reviewed.v1"))
                .singleElement()
                .satisfies(e -> {
                    JsonNode data = e.path("data");
                    assertThat(data.path("itemId").asString()).as(e.toString()).isEqualTo(done.itemId());
                    assertThat(data.path("personRef").asString()).isEqualTo(done.personRef());
                    assertThat(data.path("decisions").asInt()).isEqualTo(1);
                });
        assertThat(events)
                .filteredOn(e -> type(e).equals(EVENT + "action-assigned.v1"))
                .singleElement()
                .satisfies(e -> {
                    JsonNode data = e.path("data");
                    assertThat(data.path("actionId").asString())
                            .as(e.toString())
                            .isEqualTo(done.actionId());
                    assertThat(data.path("ownerId").asString()).isEqualTo(drMartin);
                    assertThat(data.path("dueOn").asString())
                            .isEqualTo(done.dueOn().toString());
                });
        assertThat(events)
                .filteredOn(e -> type(e).equals(EVENT + "action-overdue.v1"))
                .as("overdue once, however many sweeps saw it")
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.path("data").path("actionId").asString())
                            .as(e.toString())
                            .isEqualTo(done.actionId());
                    assertThat(e.path("subject").asString()).isEqualTo(done.actionId());
                });
        assertThat(events)
                .filteredOn(e -> type(e).equals(EVENT + "scheduled.v1"))
                .singleElement()
                .satisfies(e -> assertThat(e.path("data").path("invitedCount").asInt())
                        .as(e.toString())
                        .isEqualTo(3));
        // No title, venue, notes, decision or action text (they all carry the story's marker), no name.
        assertThat(events.stream().map(JsonNode::toString))
                .noneMatch(e -> e.contains(done.marker()))
                .noneMatch(e -> e.contains("dr-martin"))
                .noneMatch(e -> e.contains("psy-durand"))
                .noneMatch(e -> e.contains("ide-bernard"));
    }

    // ---- bad input: a 4xx problem, and nothing written ----

    @Test
    void aMeetingStartingInThePastIsAnUnprocessableProblemAndSchedulesNothing() {
        String title = "Concertation passée " + marker();

        Api.Response refused = API.post(
                MEETINGS,
                Tokens.of("coord-bievre"),
                meetingBody("CASE_CONFERENCE", title, SessionSlots.aWeekAgo(), "Salle " + marker()));

        assertProblem(refused, 422, "meeting-in-the-past");
        assertThat(meetingsOfBievre())
                .noneMatch(meeting -> meeting.path("title").asString().equals(title));
    }

    @Test
    void malformedJsonIsABadRequestProblemAndSchedulesNothing() {
        int before = meetingsOfBievre().size();

        Api.Response refused =
                API.post(MEETINGS, Tokens.of("coord-bievre"), "{\"kind\": \"CASE_CONFERENCE\", \"territ");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.isProblem()).as(refused.toString()).isTrue();
        assertThat(meetingsOfBievre()).hasSize(before);
    }

    @Test
    void anUnknownMeetingIsNotFoundWhateverIsAskedOfIt() {
        String unknown = UUID.randomUUID().toString();

        List<Api.Response> answers = List.of(
                API.get(meeting(unknown), Tokens.of("coord-bievre")),
                API.post(
                        items(unknown),
                        Tokens.of("coord-bievre"),
                        json("kind", "PRACTICE_EXCHANGE", "topic", "Sorties d'hospitalisation")),
                API.put(
                        meeting(unknown) + "/attendance",
                        Tokens.of("coord-bievre"),
                        json("present", List.of(sub("dr-martin"))),
                        Map.of()));

        for (Api.Response answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        }
    }

    @Test
    void aCaseReviewOfAPersonWhoConsentedToAReferralOnlyIsAnUnprocessableProblemAndAddsNothing() {
        // A referral records a REFERRAL consent: it does not cover discussing the person in a meeting.
        String personRef = referredPerson("Lenoir" + marker()).personRef();
        String conference = schedule("CASE_CONFERENCE", "Concertation " + marker(), nextStart(), "Salle " + marker());
        // The REFERRAL consent is on the broker before the item is asked for (meeting-service may still be
        // reading it: then it refuses for want of any consent, which is the same answer).
        awaitConsentRecordedOnTheBroker(personRef);

        Api.Response refused = API.post(
                items(conference), Tokens.of("coord-bievre"), json("kind", "CASE_REVIEW", "personRef", personRef));

        assertProblem(refused, 422, "consent-missing");
        JsonNode after = readMeeting(conference);
        assertThat(after.toString()).doesNotContain(personRef);
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
        for (String user : List.of("coord-bievre", "dr-martin", "psy-durand", "ide-bernard", "partner-epsm")) {
            Tokens.of(user);
        }
        String marker = marker();
        String drMartin = sub("dr-martin");

        // dr-martin refers a person (who joins the person registry) and records their consent to be
        // discussed in case conferences by the care team's institutions.
        Referred person = referredPerson("Lambert" + marker);
        Api.Response consent = API.post(
                "/api/persons/" + person.personRef() + "/consents",
                Tokens.of("dr-martin"),
                json("purpose", "CASE_CONFERENCE", "institutions", List.of("msp-bievre", "lieu-dit", "cpts-bievre")));
        assertThat(consent.status()).as(consent.toString()).isEqualTo(201);
        assertThat(consent.json().path("active").asBoolean())
                .as(consent.toString())
                .isTrue();

        // coord-bievre schedules the next practice group of bievre, a few days ahead.
        LocalDateTime startsAt = nextStart();
        String title = "Groupe de pratiques " + marker;
        Map<String, Object> body = meetingBody("PRACTICE_GROUP", title, startsAt.toString(), "Salle MSP " + marker);
        Api.Response scheduled = API.post(MEETINGS, Tokens.of("coord-bievre"), body);
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        JsonNode view = scheduled.json();
        String meetingId = view.path("id").asString();
        assertThat(meetingId).as(scheduled.toString()).isNotBlank();
        assertThat(view.path("kind").asString()).isEqualTo("PRACTICE_GROUP");
        assertThat(view.path("territory").asString()).isEqualTo(TERRITORY);
        assertThat(view.path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(view.path("participants").size()).as(scheduled.toString()).isEqualTo(3);

        // partner-epsm raises an alert about that person in bievre: suicidal ideation without support
        // suggests urgency B, and nobody answers it.
        Api.Response raised = API.post("/api/alerts", Tokens.of("partner-epsm"), alertAbout(person.personRef()));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        assertThat(raised.text("suggestedUrgency")).as(raised.toString()).isEqualTo("B");
        String alertId = raised.text("id");

        // It escalates, and the practice group shows it as a PROPOSED case review of that person.
        AtomicReference<JsonNode> proposed = new AtomicReference<>();
        await().atMost(ESCALATED_AND_PROPOSED)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode item = itemAbout(readMeeting(meetingId), person.personRef());
                    assertThat(item)
                            .as("a case item of %s on %s", person.personRef(), meetingId)
                            .isNotNull();
                    proposed.set(item);
                });
        JsonNode item = proposed.get();
        assertThat(item.path("kind").asString()).as(item.toString()).isEqualTo("CASE_REVIEW");
        assertThat(item.path("status").asString()).isEqualTo("PROPOSED");
        assertThat(item.path("sourceType").asString()).isEqualTo("ALERT");
        assertThat(item.path("sourceId").asString()).isEqualTo(alertId);
        String itemId = item.path("id").asString();
        Api.Response alert = API.get("/api/alerts/" + alertId, Tokens.of("coord-bievre"));
        assertThat(alert.json().path("escalationLevel").asInt())
                .as("the cause of the proposal: %s", alert)
                .isGreaterThanOrEqualTo(1);
        // One alert, one proposal.
        assertThat(readMeeting(meetingId)
                        .path("items")
                        .valueStream()
                        .filter(i -> alertId.equals(i.path("sourceId").asString())))
                .hasSize(1);

        // coord-bievre keeps it (the consent reached meeting-service through Kafka: a late one is retried).
        await().atMost(WITHIN_SECONDS).pollInterval(POLL).untilAsserted(() -> {
            Api.Response kept =
                    API.post(items(meetingId) + "/" + itemId + "/keep", Tokens.of("coord-bievre"), Map.of());
            assertThat(kept.status()).as(kept.toString()).isBetween(200, 299);
        });
        JsonNode keptItem = itemAbout(readMeeting(meetingId), person.personRef());
        assertThat(keptItem.path("status").asString()).as(keptItem.toString()).isNotIn("PROPOSED", "DROPPED");

        // The meeting is held: the GP, the nurse and the psychologist are present.
        recordAttendance(meetingId, "dr-martin", "ide-bernard", "psy-durand");
        assertThat(readMeeting(meetingId).path("status").asString()).isEqualTo("HELD");

        // psy-durand, present, writes the notes; coord-bievre records a decision with an action for
        // dr-martin that is already due (decided late: due yesterday).
        String notes = "Rupture de suivi depuis trois semaines, reprise de contact par le médecin traitant " + marker;
        Api.Response noted =
                API.put(notesPath(meetingId, itemId), Tokens.of("psy-durand"), json("text", notes), Map.of());
        assertThat(noted.status()).as(noted.toString()).isBetween(200, 299);
        LocalDate dueOn = today().minusDays(1);
        String actionTitle = "Revoir en consultation " + marker;
        String decisionText = "Consultation rapprochée et lien avec le CMP " + marker;
        Api.Response decided = API.post(
                decisions(meetingId, itemId),
                Tokens.of("coord-bievre"),
                json("text", decisionText, "actions", List.of(action(drMartin, actionTitle, dueOn))));
        assertThat(decided.status()).as(decided.toString()).isIn(200, 201);
        JsonNode decidedItem = itemAbout(readMeeting(meetingId), person.personRef());
        assertThat(decidedItem.path("decisions").size())
                .as(decidedItem.toString())
                .isEqualTo(1);

        // Within seconds the action is overdue in dr-martin's own list.
        AtomicReference<JsonNode> overdue = new AtomicReference<>();
        await().atMost(WITHIN_SECONDS).pollInterval(POLL).untilAsserted(() -> {
            JsonNode mine = actionTitled("dr-martin", itemId, actionTitle);
            assertThat(mine).as("dr-martin's action %s", actionTitle).isNotNull();
            assertThat(mine.path("overdue").asBoolean()).as(mine.toString()).isTrue();
            overdue.set(mine);
        });
        JsonNode action = overdue.get();
        assertThat(action.path("status").asString()).isEqualTo("OPEN");
        assertThat(action.path("ownerId").asString()).isEqualTo(drMartin);
        assertThat(action.path("dueOn").asString()).isEqualTo(dueOn.toString());
        String actionId = action.path("id").asString();
        assertThat(actionId).as(action.toString()).isNotBlank();
        // The coordinator of the territory finds it in dr-martin's list too.
        Api.Response asCoordinator = API.get(ACTIONS + "?owner=" + drMartin + "&size=100", Tokens.of("coord-bievre"));
        assertThat(asCoordinator.status()).as(asCoordinator.toString()).isEqualTo(200);
        assertThat(listOf(asCoordinator.json()).stream().map(a -> a.path("id").asString()))
                .as(asCoordinator.toString())
                .contains(actionId);

        story = new Story(
                marker, meetingId, startsAt, itemId, person.personRef(), alertId, notes, decisionText, actionId, dueOn);
    }

    /** The practice group once its story has run. */
    private record Story(
            String marker,
            String meetingId,
            LocalDateTime startsAt,
            String itemId,
            String personRef,
            String alertId,
            String notes,
            String decision,
            String actionId,
            LocalDate dueOn) {}

    /** A referred person: their referral and their personRef. */
    private record Referred(String referralId, String personRef) {}

    // ---- steps ----

    /** A person dr-martin refers to a workshop programme of bievre: they join the person registry. */
    private static Referred referredPerson(String familyName) {
        String programme = WalkingSkeletonSystemTests.workshopProgramme();
        Api.Response created = API.post(
                "/api/referrals",
                Tokens.of("dr-martin"),
                WalkingSkeletonSystemTests.referralBody(programme, familyName));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("personRef")).as(created.toString()).isNotBlank();
        return new Referred(created.text("id"), created.text("personRef"));
    }

    /** Schedules a meeting of bievre with the three professionals as coord-bievre; its id. */
    private static String schedule(String kind, String title, LocalDateTime startsAt, String venue) {
        Api.Response scheduled =
                API.post(MEETINGS, Tokens.of("coord-bievre"), meetingBody(kind, title, startsAt.toString(), venue));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        return scheduled.text("id");
    }

    /** The body of {@code POST /api/meetings}: two hours in bievre with the GP, the nurse and the psychologist. */
    private static Map<String, Object> meetingBody(String kind, String title, String startsAt, String venue) {
        return json(
                "kind",
                kind,
                "territory",
                TERRITORY,
                "title",
                title,
                "startsAt",
                startsAt,
                "durationMinutes",
                120,
                "venue",
                venue,
                "participants",
                List.of(
                        participant("dr-martin", "general-practitioner", "msp-bievre"),
                        participant("ide-bernard", "nurse", "msp-bievre"),
                        participant("psy-durand", "clinical-psychologist", "lieu-dit")));
    }

    private static Map<String, Object> participant(String demoUser, String profession, String institution) {
        return json("userId", sub(demoUser), "profession", profession, "institution", institution);
    }

    private static Map<String, Object> action(String ownerId, String title, LocalDate dueOn) {
        return json("ownerId", ownerId, "title", title, "dueOn", dueOn.toString());
    }

    /** coord-bievre records who was present (demo users); any 2xx. */
    private static void recordAttendance(String meetingId, String... present) {
        List<String> ids =
                java.util.Arrays.stream(present).map(MeetingSystemTests::sub).toList();
        Api.Response recorded =
                API.put(meeting(meetingId) + "/attendance", Tokens.of("coord-bievre"), json("present", ids), Map.of());
        assertThat(recorded.status()).as(recorded.toString()).isBetween(200, 299);
    }

    private static JsonNode readMeeting(String meetingId) {
        Api.Response read = API.get(meeting(meetingId), Tokens.of("coord-bievre"));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json();
    }

    /** The CASE_REVIEW item of a meeting about {@code personRef}, or null. */
    private static JsonNode itemAbout(JsonNode meeting, String personRef) {
        return meeting.path("items")
                .valueStream()
                .filter(item -> personRef.equals(item.path("personRef").asString()))
                .filter(item -> "CASE_REVIEW".equals(item.path("kind").asString()))
                .findFirst()
                .orElse(null);
    }

    /** The action of {@code itemId} titled {@code title} in the owner's own list ({@code owner=me}), or null. */
    private static JsonNode actionTitled(String owner, String itemId, String title) {
        Api.Response mine = API.get(ACTIONS + "?owner=me&size=100", Tokens.of(owner));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        return listOf(mine.json()).stream()
                .filter(action -> itemId.equals(action.path("itemId").asString()))
                .filter(action -> title.equals(action.path("title").asString()))
                .findFirst()
                .orElse(null);
    }

    /** The meetings of bievre coord-bievre sees from a week ago to 60 days ahead (a page or a plain list). */
    private static List<JsonNode> meetingsOfBievre() {
        Api.Response listed = API.get(
                MEETINGS + "?territory=" + TERRITORY + "&from=" + today().minusDays(8) + "&to=" + today().plusDays(60),
                Tokens.of("coord-bievre"));
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        return listOf(listed.json());
    }

    private static List<JsonNode> listOf(JsonNode body) {
        JsonNode items = body.isArray() ? body : body.path("items");
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }

    private static Map<String, Object> alertAbout(String personRef) {
        return json(
                "channel",
                "PARTNER_API",
                "territory",
                TERRITORY,
                "commune",
                "38260",
                "emitter",
                json("kind", "PARTNER_INSTITUTION", "wantsFeedback", false),
                "personRef",
                personRef,
                "situation",
                "Appel des urgences : idées suicidaires exprimées, vit seul, pas d'entourage.",
                "riskFactors",
                List.of("SUICIDAL_IDEATION", "NO_SUPPORT"),
                "personAware",
                true);
    }

    /** Waits until referral-service has published a consent about {@code personRef} on its topic. */
    private static void awaitConsentRecordedOnTheBroker(String personRef) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of("referral.events.v1"));
            await().atMost(WITHIN_SECONDS).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains(personRef) && record.value().contains("consent-recorded")) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    /**
     * The records of {@code meeting.events.v1} about the story's meeting (its own and its actions'), read
     * from the beginning until the overdue action has come, then a few more sweeps for a second one.
     */
    private static List<JsonNode> eventsOf(Story done) {
        List<JsonNode> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                collect(consumer, done, events);
                List<String> types =
                        events.stream().map(MeetingSystemTests::type).toList();
                // Meeting events are keyed by meetingId, action events by actionId: other partitions.
                return types.contains(EVENT + "held.v1")
                        && types.contains(EVENT + "case-reviewed.v1")
                        && types.contains(EVENT + "action-overdue.v1");
            });
            // Several overdue sweeps (2 s) more: an action is overdue once, not once per sweep.
            Instant until = Instant.now().plusSeconds(6);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                collect(consumer, done, events);
                return Instant.now().isAfter(until);
            });
        }
        return events;
    }

    private static void collect(KafkaConsumer<String, String> consumer, Story done, List<JsonNode> events) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            if (record.value().contains(done.meetingId())) {
                JsonNode event = JSON.readTree(record.value());
                // Delivery is at least once (the outbox may send an event again): a consumer counts it once by id.
                String id = event.path("id").asString();
                if (events.stream().noneMatch(seen -> seen.path("id").asString().equals(id))) {
                    events.add(event);
                }
            }
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningPlatform.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "system-tests-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    // ---- small helpers ----

    private static String meeting(String meetingId) {
        return MEETINGS + "/" + meetingId;
    }

    private static String items(String meetingId) {
        return meeting(meetingId) + "/items";
    }

    private static String notesPath(String meetingId, String itemId) {
        return items(meetingId) + "/" + itemId + "/notes";
    }

    private static String decisions(String meetingId, String itemId) {
        return items(meetingId) + "/" + itemId + "/decisions";
    }

    private static LocalDate today() {
        return LocalDate.now(SessionSlots.PARIS);
    }

    /**
     * A local start (Paris) 2 to 6 days ahead at a random half hour of the working day: meetings have no
     * conflict rule, the randomness only keeps reruns from looking alike.
     */
    private static LocalDateTime nextStart() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return today().plusDays(2 + random.nextInt(5)).atTime(9 + random.nextInt(8), 30 * random.nextInt(2));
    }

    private static String type(JsonNode event) {
        return event.path("type").asString();
    }

    private static void assertProblem(Api.Response response, int status, String slug) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.text("type")).as(response.toString()).isEqualTo("urn:maillage:problem:" + slug);
    }

    private static String sub(String demoUser) {
        return Tokens.claims(Tokens.of(demoUser)).path("sub").asString();
    }

    /** Letters that are not hexadecimal digits only, so it never occurs inside an id or a personRef. */
    private static String marker() {
        StringBuilder letters = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            letters.append((char) ('g' + random.nextInt(20)));
        }
        return letters.toString();
    }
}
