package fr.maillage.workshop.group;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.workshop.WorkshopIntegrationSupport;
import fr.maillage.workshop.group.GroupService.Placement;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The capacity holds when enrolments race for the last places (several consumers or instances). */
class GroupCapacityIntegrationTests extends WorkshopIntegrationSupport {

    @Autowired
    GroupService groups;

    @Test
    void concurrentEnrolmentsNeverExceedTheCapacity() throws Exception {
        String programmeId = registerProgramme();
        String groupId = openGroup(programmeId, 5);
        int people = 12;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Optional<Placement>>> enrolments = IntStream.range(0, people)
                .<Callable<Optional<Placement>>>mapToObj(i -> () -> {
                    start.await();
                    return groups.enrol(
                            programmeId,
                            new Candidate(
                                    "referral-" + UUID.randomUUID(),
                                    UUID.randomUUID().toString(),
                                    i % 3 == 0 ? Priority.URGENT : Priority.ROUTINE,
                                    "msp-bievre",
                                    Instant.now()));
                })
                .toList();

        List<Future<Optional<Placement>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(people)) {
            enrolments.forEach(enrolment -> results.add(pool.submit(enrolment)));
            start.countDown();
        }

        List<Placement> placements = new ArrayList<>();
        for (Future<Optional<Placement>> result : results) {
            placements.add(result.get().orElseThrow());
        }
        assertThat(placements).extracting(Placement::groupId).containsOnly(groupId);
        assertThat(placements)
                .filteredOn(placement -> placement.status() == EnrolmentStatus.CONFIRMED)
                .hasSize(5);
        JsonNode group = groupAsAdmin(groupId);
        assertThat(group.get("enrolments")).hasSize(people);
        assertThat(group.get("confirmedCount").asInt()).isEqualTo(5);
        List<Integer> positions = new ArrayList<>();
        group.get("enrolments").forEach(enrolment -> {
            if (enrolment.get("status").asString().equals("WAITLISTED")) {
                positions.add(enrolment.get("position").asInt());
            }
        });
        assertThat(positions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void anAcceptedReferralAndACoordinatorRacingForTheLastPlaceGetOneEach() throws Exception {
        for (int round = 0; round < 3; round++) {
            // A programme of its own each round: its one group is where the referral lands, full or not.
            String programmeId = registerProgramme();
            String groupId = openGroup(programmeId, 2);
            groups.enrol(programmeId, candidate());
            CountDownLatch start = new CountDownLatch(1);
            Future<Optional<Placement>> referred;
            Future<HttpResponse<String>> direct;
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                referred = pool.submit(() -> {
                    start.await();
                    return groups.enrol(programmeId, candidate());
                });
                direct = pool.submit(() -> {
                    start.await();
                    return post("/api/workshops/groups/" + groupId + "/enrolments", "coord-bievre", """
                            {"personRef":"%s","priority":"ROUTINE"}""".formatted(
                                    UUID.randomUUID()));
                });
                start.countDown();
            }

            assertThat(direct.get().statusCode()).as(direct.get().body()).isEqualTo(201);
            assertThat(List.of(
                            referred.get().orElseThrow().status().name(),
                            json(direct.get()).get("status").asString()))
                    .containsExactlyInAnyOrder("CONFIRMED", "WAITLISTED");
            assertThat(referred.get().orElseThrow().groupId()).isEqualTo(groupId);
            JsonNode group = groupAsAdmin(groupId);
            assertThat(group.get("confirmedCount").asInt()).isEqualTo(2);
            assertThat(group.get("waitlistedCount").asInt()).isEqualTo(1);
        }
    }

    private static Candidate candidate() {
        return new Candidate(
                "referral-" + UUID.randomUUID(),
                UUID.randomUUID().toString(),
                Priority.ROUTINE,
                "msp-bievre",
                Instant.now());
    }
}
