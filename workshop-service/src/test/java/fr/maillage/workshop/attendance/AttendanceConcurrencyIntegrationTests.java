package fr.maillage.workshop.attendance;

import static fr.maillage.workshop.attendance.Mark.PRESENT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.workshop.attendance.SessionRoster.Participant;
import fr.maillage.workshop.attendance.SessionRoster.Roster;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The two facilitators recording the same session at once: every mark lands, none is lost. */
class AttendanceConcurrencyIntegrationTests extends AttendanceIntegrationSupport {

    @Test
    void concurrentRecordingsByTheTwoFacilitatorsBothLand() throws Exception {
        List<Participant> participants =
                IntStream.range(0, 8).mapToObj(i -> referred()).toList();
        Roster group = heldGroup(participants.toArray(Participant[]::new));
        CountDownLatch start = new CountDownLatch(1);
        // psy-durand marks the first four one by one while ide-bernard marks the other four.
        List<Callable<List<Integer>>> facilitators = List.of(
                recordsOneByOne(group, "psy-durand", participants.subList(0, 4), start),
                recordsOneByOne(group, "ide-bernard", participants.subList(4, 8), start));

        List<Future<List<Integer>>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            facilitators.forEach(facilitator -> statuses.add(pool.submit(facilitator)));
            start.countDown();
        }

        for (Future<List<Integer>> status : statuses) {
            assertThat(status.get()).containsOnly(200).hasSize(4);
        }
        JsonNode sheet = json(get(attendance(group, 1), "coord-bievre"));
        assertThat(sheet.path("revision").asInt()).isEqualTo(8);
        assertThat(sheet.path("present").asInt()).isEqualTo(8);
        List<String> marked = new ArrayList<>();
        sheet.path("marks").forEach(line -> marked.add(line.path("personRef").asString()));
        assertThat(marked)
                .containsExactlyInAnyOrderElementsOf(
                        participants.stream().map(Participant::personRef).toList());
        // Delivery is at least once: a save racing the relay may publish an event again, always with
        // the same CloudEvent id (consumers are idempotent on it). Every revision is told, in order.
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        publishedEvents(group.groupId(), "fr.maillage.workshop.session-held.v1")
                .forEach(event -> byId.putIfAbsent(event.path("id").asString(), event));
        assertThat(byId.values())
                .extracting(event -> event.path("data").path("revision").asInt())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    private Callable<List<Integer>> recordsOneByOne(
            Roster group, String facilitator, List<Participant> participants, CountDownLatch start) {
        return () -> {
            start.await();
            List<Integer> statuses = new ArrayList<>();
            for (Participant participant : participants) {
                HttpResponse<String> response =
                        put(attendance(group, 1), facilitator, marks(mark(participant, PRESENT)));
                statuses.add(response.statusCode());
            }
            return statuses;
        };
    }
}
