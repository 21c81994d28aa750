package fr.maillage.workshop.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.workshop.WorkshopIntegrationSupport;
import fr.maillage.workshop.group.GroupService;
import fr.maillage.workshop.group.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** Recovery: the sweep places requests a crashed worker left behind, and never places one twice. */
class PendingEnrolmentsIntegrationTests extends WorkshopIntegrationSupport {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EnrolmentService enrolments;

    @Autowired
    GroupService groups;

    private EnrolmentRequest request(String referralId, String programmeId, String claimedBy, Instant until) {
        EnrolmentRequest pending = EnrolmentRequest.pending(
                referralId,
                programmeId,
                UUID.randomUUID().toString(),
                Priority.ROUTINE,
                "bievre",
                "msp-bievre",
                clock.instant(),
                UUID.randomUUID().toString(),
                clock.instant());
        return new EnrolmentRequest(
                pending.referralId(),
                pending.programmeId(),
                pending.personRef(),
                pending.priority(),
                pending.territory(),
                pending.referrerInstitution(),
                pending.acceptedAt(),
                pending.sourceEventId(),
                pending.receivedAt(),
                EnrolmentRequest.State.PENDING,
                null,
                null,
                claimedBy,
                until,
                false);
    }

    @Test
    void aRequestLeftClaimedByACrashedWorkerIsPlacedOnceItsLeaseExpired() {
        String programmeId = registerProgramme();
        String groupId = openGroup(programmeId, 8);
        String referralId = "referral-" + UUID.randomUUID();
        mongo.insert(request(
                referralId, programmeId, "crashed-worker", clock.instant().minusSeconds(1)));

        enrolments.placeAllPending();

        // The wake-up of the group opening may be the one placing it: wait for whoever does.
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        mongo.findById(referralId, EnrolmentRequest.class).state() == EnrolmentRequest.State.PLACED);
        EnrolmentRequest placed = mongo.findById(referralId, EnrolmentRequest.class);
        assertThat(placed.state()).isEqualTo(EnrolmentRequest.State.PLACED);
        assertThat(placed.groupId()).isEqualTo(groupId);
        assertThat(placed.claimedBy()).isNull();
        assertThat(enrolmentOf(groupId, referralId).get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void aRequestAnotherWorkerIsPlacingIsLeftToIt() {
        String programmeId = registerProgramme();
        String groupId = openGroup(programmeId, 8);
        String referralId = "referral-" + UUID.randomUUID();
        mongo.insert(
                request(referralId, programmeId, "busy-worker", clock.instant().plusSeconds(30)));

        enrolments.placeAllPending();

        assertThat(mongo.findById(referralId, EnrolmentRequest.class).state())
                .isEqualTo(EnrolmentRequest.State.PENDING);
        assertThat(enrolmentOf(groupId, referralId)).isNull();
    }

    @Test
    void aRequestWhoseEnrolmentWasSavedBeforeACrashIsNotEnrolledAgain() {
        String programmeId = registerProgramme();
        String groupId = openGroup(programmeId, 8);
        String referralId = "referral-" + UUID.randomUUID();
        EnrolmentRequest request = request(referralId, programmeId, null, null);
        // The group took the enrolment, then the worker died before marking the request placed.
        groups.enrol(programmeId, request.candidate());
        openGroup(programmeId, 8);
        mongo.insert(request);

        enrolments.placeAllPending();

        // The wake-up of the group opening may be the one placing it: wait for whoever does.
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        mongo.findById(referralId, EnrolmentRequest.class).state() == EnrolmentRequest.State.PLACED);
        EnrolmentRequest placed = mongo.findById(referralId, EnrolmentRequest.class);
        assertThat(placed.state()).isEqualTo(EnrolmentRequest.State.PLACED);
        assertThat(placed.groupId()).isEqualTo(groupId);
        JsonNode group = groupAsAdmin(groupId);
        assertThat(group.get("enrolments")).hasSize(1);
    }
}
