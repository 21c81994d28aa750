package fr.maillage.meeting.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A person erased from the registry: their case items no longer say who, nor what was noted or decided. */
class PersonErasureIntegrationTests extends MeetingTestSupport {

    @Autowired
    CaseItemErasure erasure;

    @Test
    void anErasedPersonsCaseItemsKeepOnlyTheirKindAndDecisionsCount() {
        JsonNode meeting = bievreMeeting("CASE_CONFERENCE");
        String id = meeting.get("id").asString();
        String erased = "person-" + UUID.randomUUID();
        String kept = "person-" + UUID.randomUUID();
        String erasedItem = caseReview(id, "coord-bievre", erased);
        String keptItem = caseReview(id, "coord-bievre", kept);
        hold(meeting, DR_MARTIN, IDE_BERNARD, PSY_DURAND);
        put("/api/meetings/" + id + "/items/" + erasedItem + "/notes", "dr-martin", json(Map.of("text", "Notes")));
        decide(id, erasedItem, "dr-martin", "Orienter vers le CMP", List.of());
        // What was decided before the erasure is published as it was (pseudonymous); wait for the relay.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(id, org.bson.Document.class, "meetings")
                        .getList("pendingEvents", Object.class, List.of())
                        .isEmpty());

        assertThat(erasure.anonymise(erased)).isEqualTo(1);

        JsonNode items = meeting(id, "coord-bievre").get("items");
        JsonNode anonymised = items.get(0);
        assertThat(anonymised.get("id").asString()).isEqualTo(erasedItem);
        assertThat(anonymised.get("personRef").isNull()).isTrue();
        assertThat(anonymised.get("notes").isNull()).isTrue();
        assertThat(anonymised.get("anonymised").asBoolean()).isTrue();
        assertThat(anonymised.get("kind").asString()).isEqualTo("CASE_REVIEW");
        assertThat(anonymised.get("decisionsCount").asInt()).isEqualTo(1);
        assertThat(anonymised.get("decisions").get(0).get("text").isNull()).isTrue();
        assertThat(items.get(1).get("personRef").asString()).isEqualTo(kept);
        assertThat(mongo.findById(id, org.bson.Document.class, "meetings").toJson())
                .doesNotContain(erased, "Notes", "Orienter vers le CMP");
        assertThat(erasure.anonymise(erased)).as("idempotent").isZero();
        assertThat(stored(id).item(keptItem).orElseThrow().personRef()).isEqualTo(kept);
    }
}
