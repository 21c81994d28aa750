package fr.maillage.workshop.group;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.testing.EventSchemas;
import fr.maillage.workshop.WorkshopIntegrationSupport;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Coordinators' enrolments, withdrawals with promotion from the waiting list, and the partner's view. */
class GroupEnrolmentIntegrationTests extends WorkshopIntegrationSupport {

    private static final String CONFIRMED = "fr.maillage.workshop.enrolment-confirmed.v1";
    private static final String WITHDREW = "fr.maillage.workshop.participant-withdrew.v1";

    private HttpResponse<String> enrol(
            String groupId, String who, String personRef, String priority, String referralId) {
        String referral = referralId == null
                ? ""
                : ",\"referralId\":\"%s\",\"referrerInstitution\":\"msp-bievre\"".formatted(referralId);
        return post(
                "/api/workshops/groups/" + groupId + "/enrolments", who, """
                {"personRef":"%s","priority":"%s"%s}""".formatted(personRef, priority, referral));
    }

    private String enrolled(String groupId, String priority, String referralId) {
        HttpResponse<String> response =
                enrol(groupId, "coord-bievre", UUID.randomUUID().toString(), priority, referralId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("enrolmentId").asString();
    }

    private HttpResponse<String> withdraw(String groupId, String enrolmentId, String who, String reason) {
        return post(
                "/api/workshops/groups/" + groupId + "/enrolments/" + enrolmentId + "/withdrawal",
                who,
                "{\"reason\":\"%s\"}".formatted(reason));
    }

    private JsonNode enrolment(String groupId, String enrolmentId) {
        for (JsonNode enrolment : groupAsAdmin(groupId).get("enrolments")) {
            if (enrolment.get("id").asString().equals(enrolmentId)) {
                return enrolment;
            }
        }
        throw new AssertionError("No enrolment " + enrolmentId + " in group " + groupId);
    }

    @Test
    void aCoordinatorEnrolsPeopleConfirmedThenWaitlistedAndNobodyTwice() {
        String groupId = openGroup(registerProgramme(), 1);
        String personRef = UUID.randomUUID().toString();

        HttpResponse<String> first = enrol(groupId, "coord-bievre", personRef, "ROUTINE", null);
        HttpResponse<String> second = enrol(groupId, "admin", UUID.randomUUID().toString(), "URGENT", null);
        HttpResponse<String> again =
                enrol(groupId, "coord-bievre", personRef, "URGENT", "referral-" + UUID.randomUUID());

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(json(first).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(json(first).get("position").isNull()).isTrue();
        assertThat(json(second).get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(json(second).get("position").asInt()).isEqualTo(1);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("type").asString()).isEqualTo("urn:maillage:problem:already-enrolled");
        assertThat(groupAsAdmin(groupId).get("enrolments")).hasSize(2);
        String enrolmentId = json(first).get("enrolmentId").asString();
        JsonNode confirmed = read(WORKSHOP_TOPIC)
                .awaitEvents(1, event(CONFIRMED, "enrolmentId", enrolmentId))
                .getFirst();
        assertThat(confirmed.get("data").get("referralId").isNull()).isTrue();
        assertThat(confirmed.get("audience").asString()).isEqualTo("lieu-dit");
        EventSchemas.assertValid(CONFIRMED, JSON.writeValueAsString(confirmed.get("data")));
    }

    @ParameterizedTest(name = "{0} enrolling someone in a bievre group -> {1}")
    @CsvSource({"coord-lyon, 404", "psy-durand, 403", "dr-martin, 403", "partner-epsm, 403"})
    void onlyCoordinatorsOfTheTerritoryEnrol(String who, int status) {
        String groupId = openGroup(registerProgramme(), 4);

        assertThat(enrol(groupId, who, UUID.randomUUID().toString(), "ROUTINE", null)
                        .statusCode())
                .isEqualTo(status);
        assertThat(groupAsAdmin(groupId).get("enrolments")).isEmpty();
    }

    @Test
    void badEnrolmentsAreRefused() {
        String groupId = openGroup(registerProgramme(), 4);
        String path = "/api/workshops/groups/" + groupId + "/enrolments";

        assertThat(post(path, "coord-bievre", "{\"priority\":\"ROUTINE\"}").statusCode())
                .isEqualTo(400);
        assertThat(post(path, "coord-bievre", "{\"personRef\":\"p\",\"priority\":\"WHENEVER\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(path, "coord-bievre", "{\"personRef\":\"p\",").statusCode())
                .isEqualTo(400);
        assertThat(groupAsAdmin(groupId).get("enrolments")).isEmpty();
    }

    @Test
    void twoConcurrentCoordinatorEnrolmentsForTheLastPlaceGiveOneConfirmedAndOneWaitlisted() throws Exception {
        String programmeId = registerProgramme();
        for (int round = 0; round < 3; round++) {
            String groupId = openGroup(programmeId, 2);
            enrolled(groupId, "ROUTINE", null);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> racing = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                for (int i = 0; i < 2; i++) {
                    racing.add(pool.submit(() -> {
                        start.await();
                        return enrol(groupId, "coord-bievre", UUID.randomUUID().toString(), "ROUTINE", null);
                    }));
                }
                start.countDown();
            }

            List<String> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> response : racing) {
                assertThat(response.get().statusCode())
                        .as(response.get().body())
                        .isEqualTo(201);
                statuses.add(json(response.get()).get("status").asString());
            }
            assertThat(statuses).containsExactlyInAnyOrder("CONFIRMED", "WAITLISTED");
            JsonNode group = groupAsAdmin(groupId);
            assertThat(group.get("confirmedCount").asInt()).isEqualTo(2);
            assertThat(group.get("waitlistedCount").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aWithdrawalGivesThePlaceToTheFirstWaitlistedAtOnceUrgentFirst() {
        String programmeId = registerProgramme();
        String groupId = openGroup(programmeId, 2);
        String leaving = "referral-" + UUID.randomUUID();
        awaitConsumed(accept(leaving, programmeId, "ROUTINE"));
        String leavingEnrolment = enrolmentOf(groupId, leaving).get("id").asString();
        enrolled(groupId, "ROUTINE", null);
        String routine = enrolled(groupId, "ROUTINE", "referral-" + UUID.randomUUID());
        String urgentReferral = "referral-" + UUID.randomUUID();
        String urgent = enrolled(groupId, "URGENT", urgentReferral);
        assertThat(enrolment(groupId, urgent).get("position").asInt()).isEqualTo(1);

        // A facilitator of the group may record the withdrawal.
        HttpResponse<String> withdrawn = withdraw(groupId, leavingEnrolment, "psy-durand", "moved-away");

        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(json(withdrawn).get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(json(withdrawn).get("promoted"))
                .extracting(JsonNode::asString)
                .containsExactly(urgent);
        assertThat(enrolment(groupId, leavingEnrolment).get("withdrawalReason").asString())
                .isEqualTo("moved-away");
        assertThat(enrolment(groupId, urgent).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(enrolment(groupId, routine).get("position").asInt()).isEqualTo(1);
        assertThat(groupAsAdmin(groupId).get("confirmedCount").asInt()).isEqualTo(2);

        TopicReader events = read(WORKSHOP_TOPIC);
        JsonNode withdrew = events.awaitEvents(1, event(WITHDREW, "enrolmentId", leavingEnrolment))
                .getFirst();
        assertThat(withdrew.get("data").get("referralId").asString()).isEqualTo(leaving);
        assertThat(withdrew.get("data").get("reason").asString()).isEqualTo("moved-away");
        assertThat(withdrew.get("subject").asString()).isEqualTo(groupId);
        assertThat(withdrew.get("audience").asString().split(" ")).containsExactlyInAnyOrder("lieu-dit", "msp-bievre");
        EventSchemas.assertValid(WITHDREW, JSON.writeValueAsString(withdrew.get("data")));
        // The urgent one was waitlisted first: its one enrolment-confirmed is the promotion.
        JsonNode promoted =
                events.awaitEvents(1, event(CONFIRMED, "enrolmentId", urgent)).getFirst();
        assertThat(promoted.get("data").get("promotedFromWaitlist").asBoolean()).isTrue();
        assertThat(promoted.get("data").get("referralId").asString()).isEqualTo(urgentReferral);
        assertThat(promoted.get("audience").asString().split(" ")).containsExactlyInAnyOrder("lieu-dit", "msp-bievre");
        EventSchemas.assertValid(CONFIRMED, JSON.writeValueAsString(promoted.get("data")));
    }

    @Test
    void aWithdrawalIsRefusedToTheWrongPersonTwiceOrWithFreeText() {
        String groupId = openGroup(registerProgramme(), 2);
        String enrolmentId = enrolled(groupId, "ROUTINE", null);

        assertThat(withdraw(groupId, enrolmentId, "dr-martin", "moved-away").statusCode())
                .isEqualTo(403);
        assertThat(withdraw(groupId, enrolmentId, "coord-lyon", "moved-away").statusCode())
                .isEqualTo(404);
        assertThat(withdraw(groupId, enrolmentId, "partner-epsm", "moved-away").statusCode())
                .isEqualTo(403);
        assertThat(withdraw(groupId, enrolmentId, "coord-bievre", "Il est parti à Lyon")
                        .statusCode())
                .isEqualTo(400);
        assertThat(withdraw(groupId, UUID.randomUUID().toString(), "coord-bievre", "moved-away")
                        .statusCode())
                .isEqualTo(404);
        assertThat(enrolment(groupId, enrolmentId).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(withdraw(groupId, enrolmentId, "coord-bievre", "moved-away").statusCode())
                .isEqualTo(200);
        HttpResponse<String> twice = withdraw(groupId, enrolmentId, "ide-bernard", "moved-away");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(json(twice).get("currentState").asString()).isEqualTo("WITHDRAWN");
    }

    @Test
    void aPartnerSeesTheEnrolmentOfTheReferralsItsInstitutionMadeAndNothingElse() {
        String programmeId = registerProgramme();
        String groupId = openGroup(programmeId, 1);
        String fromEpsm = "referral-" + UUID.randomUUID();
        String fromMsp = "referral-" + UUID.randomUUID();
        awaitConsumed(play(fromEpsm, acceptedEvent(fromEpsm, programmeId, "ROUTINE", Instant.now(), "epsm-bievre")));
        awaitConsumed(accept(fromMsp, programmeId, "ROUTINE"));
        String path = "/api/workshops/referrals/%s/enrolment";

        HttpResponse<String> mine = get(path.formatted(fromEpsm), "partner-epsm");

        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        JsonNode view = json(mine);
        assertThat(view.get("groupId").asString()).isEqualTo(groupId);
        assertThat(view.get("programmeId").asString()).isEqualTo(programmeId);
        assertThat(view.get("enrolmentId").asString())
                .isEqualTo(enrolmentOf(groupId, fromEpsm).get("id").asString());
        assertThat(view.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(view.toString()).doesNotContain("personRef");
        JsonNode waiting = json(get(path.formatted(fromMsp), "dr-martin"));
        assertThat(waiting.get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(waiting.get("position").asInt()).isEqualTo(1);
        assertThat(get(path.formatted(fromMsp), "partner-epsm").statusCode()).isEqualTo(404);
        assertThat(get(path.formatted(fromEpsm), "partner-dac").statusCode()).isEqualTo(404);
        assertThat(get(path.formatted(fromEpsm), "dr-martin").statusCode()).isEqualTo(404);
        assertThat(get(path.formatted(fromEpsm), "copil-bievre").statusCode()).isEqualTo(404);
        assertThat(get(path.formatted(fromEpsm), "coord-lyon").statusCode()).isEqualTo(404);
        assertThat(get(path.formatted(fromEpsm), "coord-bievre").statusCode()).isEqualTo(200);
        assertThat(get(path.formatted(fromEpsm), "psy-durand").statusCode()).isEqualTo(200);
        assertThat(get(path.formatted(fromEpsm), "admin").statusCode()).isEqualTo(200);
        assertThat(get(path.formatted("referral-" + UUID.randomUUID()), "partner-epsm")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(path.formatted(fromEpsm), null).statusCode()).isEqualTo(401);
        // The group itself stays out of a partner's sight.
        assertThat(get("/api/workshops/groups/" + groupId, "partner-epsm").statusCode())
                .isEqualTo(404);
    }
}
