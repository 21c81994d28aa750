package fr.maillage.workshop.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.workshop.WorkshopIntegrationSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A whole group's cycle with the real parts together: the groups' roster tells attendance who takes
 * part, attendance tells the group at its end who came. Two absences in a row are noticed once; at the
 * end, whoever came to at least 75 % of the group sessions completes the workshop, the others do not.
 */
class WorkshopCycleIntegrationTests extends WorkshopIntegrationSupport {

    private static final String DISENGAGED = "fr.maillage.workshop.participant-disengaged.v1";
    private static final String PARTICIPANT_COMPLETED = "fr.maillage.workshop.participant-completed.v1";
    private static final String GROUP_COMPLETED = "fr.maillage.workshop.group-completed.v1";

    @Autowired
    GroupLifecycleWatcher watcher;

    @Test
    void aGroupRunsToItsEndWithAttendanceDisengagementAndCompletion() {
        String programmeId = registerProgramme();
        HttpResponse<String> scheduled = post("/api/workshops/groups", "coord-bievre", groupBody(programmeId, 4));
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        JsonNode group = json(scheduled);
        String groupId = group.get("id").asString();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String personRef = UUID.randomUUID().toString();
            HttpResponse<String> enrolled = post(
                    "/api/workshops/groups/" + groupId + "/enrolments",
                    "coord-bievre",
                    "{\"personRef\":\"%s\",\"priority\":\"ROUTINE\"}".formatted(personRef));
            assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
            people.add(personRef);
        }
        String always = people.get(0); // 8 of 8
        String mostly = people.get(1); // 6 of 8: exactly the threshold
        String drifting = people.get(2); // misses group sessions 1 and 2, then comes: 6 of 8, one episode
        String rarely = people.get(3); // 5 of 8

        TopicReader events = read(WORKSHOP_TOPIC);
        int groupSession = 0;
        for (JsonNode session : group.get("sessions")) {
            advanceTo(Instant.parse(session.get("startsAt").asString()));
            watcher.sweep();
            int number = session.get("number").asInt();
            Map<String, String> marks = new LinkedHashMap<>();
            if ("GROUP".equals(session.get("kind").asString())) {
                groupSession++;
                marks.put(always, "PRESENT");
                marks.put(mostly, groupSession <= 2 ? "EXCUSED" : "PRESENT");
                marks.put(drifting, groupSession <= 2 ? "ABSENT" : "PRESENT");
                marks.put(rarely, groupSession <= 3 ? "ABSENT" : "PRESENT");
            } else {
                // The individual follow-up slot between two group sessions: only the drifting one is seen.
                marks.put(drifting, groupSession <= 2 ? "ABSENT" : "PRESENT");
            }
            String who = number % 2 == 0 ? "ide-bernard" : "psy-durand";
            HttpResponse<String> recorded =
                    put("/api/workshops/groups/" + groupId + "/sessions/" + number + "/attendance", who, body(marks));
            assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        }
        assertThat(groupSession).isEqualTo(8);

        advanceTo(Instant.parse(group.get("endsAt").asString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            watcher.sweep();
            return groupAsAdmin(groupId).get("status").asString().equals("COMPLETED");
        });

        Map<String, String> statuses = new LinkedHashMap<>();
        for (JsonNode enrolment : groupAsAdmin(groupId).get("enrolments")) {
            statuses.put(
                    enrolment.get("personRef").asString(),
                    enrolment.get("status").asString());
        }
        assertThat(statuses)
                .containsEntry(always, "COMPLETED")
                .containsEntry(mostly, "COMPLETED")
                .containsEntry(drifting, "COMPLETED")
                .containsEntry(rarely, "NOT_COMPLETED");
        events.awaitEvents(1, event(GROUP_COMPLETED, "groupId", groupId));
        assertThat(distinct(events.events(event(PARTICIPANT_COMPLETED, "groupId", groupId))))
                .extracting(completed -> completed.get("data").get("personRef").asString())
                .containsExactlyInAnyOrder(always, mostly, drifting);
        // Disengagement: "drifting" (two unexcused absences) and "rarely" (three), once each; "mostly" was excused.
        assertThat(distinct(events.events(event(DISENGAGED, "groupId", groupId))))
                .extracting(
                        disengaged -> disengaged.get("data").get("personRef").asString())
                .containsExactlyInAnyOrder(drifting, rarely);
    }

    private static String body(Map<String, String> marks) {
        List<String> items = new ArrayList<>();
        marks.forEach(
                (personRef, mark) -> items.add("{\"personRef\":\"%s\",\"mark\":\"%s\"}".formatted(personRef, mark)));
        return "{\"marks\":[" + String.join(",", items) + "]}";
    }

    private static List<JsonNode> distinct(List<JsonNode> events) {
        return fr.maillage.platform.testing.TopicReader.distinct(events);
    }
}
