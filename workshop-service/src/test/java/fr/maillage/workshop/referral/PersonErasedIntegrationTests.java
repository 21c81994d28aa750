package fr.maillage.workshop.referral;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.workshop.WorkshopIntegrationSupport;
import fr.maillage.workshop.enrolment.EnrolmentRequest;
import fr.maillage.workshop.enrolment.EnrolmentService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** A played {@code person-erased.v1} anonymises that person's enrolments and requests, and nobody else's. */
class PersonErasedIntegrationTests extends WorkshopIntegrationSupport {

    private static final String PERSON_ERASED = "fr.maillage.referral.person-erased.v1";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EnrolmentService enrolments;

    /** referral-service's {@code accepted.v1} for this person. */
    private RecordMetadata acceptFor(String referralId, String programmeId, String personRef) {
        return play(
                referralId,
                referralEvent(
                        "fr.maillage.referral.accepted.v1",
                        referralId,
                        "bievre",
                        Set.of("msp-bievre", "lieu-dit"),
                        Map.of(
                                "referralId",
                                referralId,
                                "personRef",
                                personRef,
                                "resourceId",
                                programmeId,
                                "resourceType",
                                "WORKSHOP_PROGRAMME",
                                "territory",
                                "bievre",
                                "priority",
                                "ROUTINE",
                                "referrerInstitution",
                                "msp-bievre",
                                "acceptedAt",
                                Instant.now().toString())));
    }

    /** referral-service's {@code person-erased.v1} (key and subject: the personRef). */
    private RecordMetadata erase(String personRef) {
        return play(
                personRef,
                referralEvent(
                        PERSON_ERASED,
                        personRef,
                        "bievre",
                        Set.of("msp-bievre", "lieu-dit"),
                        Map.of(
                                "personRef",
                                personRef,
                                "erasedAt",
                                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())));
    }

    @Test
    void theErasedPersonsEnrolmentsAndRequestsAreAnonymisedOthersAreNot() {
        String erased = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String programmeId = registerProgramme();
        String groupId = openGroup(programmeId, 1);
        String erasedReferral = "referral-" + UUID.randomUUID();
        String otherReferral = "referral-" + UUID.randomUUID();
        awaitConsumed(acceptFor(erasedReferral, programmeId, erased));
        awaitConsumed(acceptFor(otherReferral, programmeId, other));
        // A second referral of the same person waits for a group of another programme.
        String waitingProgramme = registerProgramme();
        String waitingReferral = "referral-" + UUID.randomUUID();
        awaitConsumed(acceptFor(waitingReferral, waitingProgramme, erased));
        JsonNode before = enrolmentOf(groupId, erasedReferral);
        assertThat(before.get("personRef").asString()).isEqualTo(erased);
        assertThat(enrolmentOf(groupId, otherReferral).get("status").asString()).isEqualTo("WAITLISTED");

        awaitConsumed(erase(erased));

        JsonNode anonymised = enrolmentOf(groupId, erasedReferral);
        assertThat(anonymised.get("anonymised").asBoolean()).isTrue();
        assertThat(anonymised.path("personRef").isNull()
                        || anonymised.path("personRef").isMissingNode())
                .isTrue();
        assertThat(anonymised.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(anonymised.get("enrolledAt").asString())
                .isEqualTo(before.get("enrolledAt").asString());
        assertThat(anonymised.get("id").asString()).isEqualTo(before.get("id").asString());
        JsonNode untouched = enrolmentOf(groupId, otherReferral);
        assertThat(untouched.get("personRef").asString()).isEqualTo(other);
        assertThat(untouched.get("anonymised").asBoolean()).isFalse();
        assertThat(untouched.get("position").asInt()).isEqualTo(1);
        JsonNode group = groupAsAdmin(groupId);
        assertThat(group.get("confirmedCount").asInt()).isEqualTo(1);
        assertThat(group.get("waitlistedCount").asInt()).isEqualTo(1);
        assertThat(group.toString()).doesNotContain(erased);

        EnrolmentRequest placed = mongo.findById(erasedReferral, EnrolmentRequest.class);
        assertThat(placed.personRef()).isNull();
        assertThat(placed.anonymised()).isTrue();
        assertThat(placed.state()).isEqualTo(EnrolmentRequest.State.PLACED);
        assertThat(mongo.findById(otherReferral, EnrolmentRequest.class).personRef())
                .isEqualTo(other);
        EnrolmentRequest waiting = mongo.findById(waitingReferral, EnrolmentRequest.class);
        assertThat(waiting.personRef()).isNull();
        assertThat(waiting.anonymised()).isTrue();
        assertThat(waiting.state()).isEqualTo(EnrolmentRequest.State.PENDING);

        // Nobody is enrolled in the erased person's name when a group of the other programme opens.
        String laterGroup = openGroup(waitingProgramme, 4);
        enrolments.placeAllPending();
        assertThat(groupAsAdmin(laterGroup).get("enrolments")).isEmpty();
        assertThat(mongo.findById(waitingReferral, EnrolmentRequest.class).state())
                .isEqualTo(EnrolmentRequest.State.PENDING);

        // Delivered again, the erasure finds nothing left to anonymise and blocks nothing.
        awaitConsumed(erase(erased));
        assertThat(enrolmentOf(groupId, otherReferral).get("personRef").asString())
                .isEqualTo(other);
    }

    @Test
    void anAcceptanceHeardAfterTheErasureIsKeptAnonymisedAndNotPlaced() {
        String erased = UUID.randomUUID().toString();
        String programmeId = registerProgramme();
        String groupId = openGroup(programmeId, 4);
        awaitConsumed(erase(erased));
        String referralId = "referral-" + UUID.randomUUID();

        awaitConsumed(acceptFor(referralId, programmeId, erased));

        EnrolmentRequest request = mongo.findById(referralId, EnrolmentRequest.class);
        assertThat(request.personRef()).isNull();
        assertThat(request.anonymised()).isTrue();
        assertThat(request.state()).isEqualTo(EnrolmentRequest.State.PENDING);
        enrolments.placeAllPending();
        assertThat(groupAsAdmin(groupId).get("enrolments")).isEmpty();
    }
}
