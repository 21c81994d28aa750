package fr.maillage.meeting.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.meeting.meeting.MeetingAgenda.ProposedItem;
import fr.maillage.meeting.meeting.MeetingAgenda.ProposedItemPlaced;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The meetings' side of the automatic agenda ({@link MeetingAgenda}), against the real store: where a
 * proposal lands, once per cause. Each test works in a territory of its own.
 */
class AutomaticAgendaIntegrationTests extends MeetingTestSupport {

    @Autowired
    MeetingAgenda agenda;

    private final String territory = freshTerritory();

    private static ProposedItem escalated(String alertId, String personRef) {
        return new ProposedItem(
                "alert-escalated:" + alertId, ItemKind.CASE_REVIEW, personRef, "ALERT", alertId, "alert-escalated");
    }

    private String practiceGroup(Instant start) {
        return schedule("admin", "PRACTICE_GROUP", territory, start, List.of(GP, NURSE))
                .get("id")
                .asString();
    }

    @Test
    void theSameCauseProposedTwiceMakesOneItem() {
        String group = practiceGroup(soon());
        ProposedItem cause = escalated(UUID.randomUUID().toString(), "person-" + UUID.randomUUID());

        ProposedItemPlaced first =
                agenda.proposeOnNextPracticeGroup(territory, cause).orElseThrow();
        ProposedItemPlaced again =
                agenda.proposeOnNextPracticeGroup(territory, cause).orElseThrow();

        assertThat(again).isEqualTo(first);
        assertThat(first.meetingId()).isEqualTo(group);
        JsonNode item = meeting(group, "admin").get("items").get(0);
        assertThat(meeting(group, "admin").get("items")).hasSize(1);
        assertThat(item.get("id").asString()).isEqualTo(first.itemId());
        assertThat(item.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(item.get("kind").asString()).isEqualTo("CASE_REVIEW");
        assertThat(item.get("causeKey").asString()).isEqualTo(cause.causeKey());
        assertThat(item.get("sourceType").asString()).isEqualTo("ALERT");
        assertThat(item.get("summaryCode").asString()).isEqualTo("alert-escalated");
    }

    @Test
    void theNextPracticeGroupIsTheEarliestScheduledOneOfTheTerritoryNotStartedYet() {
        Instant base = soon();
        String later = practiceGroup(base.plus(Duration.ofHours(3)));
        String next = practiceGroup(base.plus(Duration.ofHours(1)));
        String cancelled = practiceGroup(base.plus(Duration.ofMinutes(20)));
        post("/api/meetings/" + cancelled + "/cancellation", "admin", null);
        schedule("admin", "SUPERVISION", territory, base.plus(Duration.ofMinutes(10)), List.of(GP));
        schedule("admin", "PRACTICE_GROUP", freshTerritory(), base.plus(Duration.ofMinutes(5)), List.of(GP));

        assertThat(agenda.proposeOnNextPracticeGroup(territory, escalated("a1", null)))
                .hasValueSatisfying(placed -> assertThat(placed.meetingId()).isEqualTo(next));

        // Once it has started, the one after it is next.
        advanceTo(base.plus(Duration.ofHours(1)));
        assertThat(agenda.proposeOnNextPracticeGroup(territory, escalated("a2", null)))
                .hasValueSatisfying(placed -> assertThat(placed.meetingId()).isEqualTo(later));
    }

    @Test
    void aTerritoryWithoutAPracticeGroupAheadPlacesNothing() {
        schedule("admin", "CASE_CONFERENCE", territory, soon(), List.of(GP));

        Optional<ProposedItemPlaced> placed = agenda.proposeOnNextPracticeGroup(territory, escalated("a", null));

        assertThat(placed).isEmpty();
    }

    @Test
    void aScheduledPracticeGroupIsAnnouncedInProcessAndOtherKindsAreNot() {
        Instant start = soon();
        String group = practiceGroup(start);
        String supervision = schedule("admin", "SUPERVISION", territory, start, List.of(GP))
                .get("id")
                .asString();

        assertThat(practiceGroupsHeard.heard()).contains(new PracticeGroupScheduled(group, territory, start));
        assertThat(practiceGroupsHeard.heard())
                .noneMatch(heard -> heard.meetingId().equals(supervision));
    }

    @Test
    void aProposalWaitingForAPracticeGroupLandsOnItAsItIsScheduledAndTheAnswerShowsIt() {
        ProposedItem cause = escalated(UUID.randomUUID().toString(), "person-" + UUID.randomUUID());
        practiceGroupsHeard.waitFor(territory, cause);

        HttpResponse<String> response = post(
                "/api/meetings",
                "admin",
                json(meetingBody("PRACTICE_GROUP", territory, soon(), List.of(GP, NURSE, PSYCHOLOGIST))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode group = json(response);
        assertThat(group.get("items")).singleElement().satisfies(item -> {
            assertThat(item.get("causeKey").asString()).isEqualTo(cause.causeKey());
            assertThat(item.get("status").asString()).isEqualTo("PROPOSED");
        });
        assertThat(response.headers().firstValue("ETag"))
                .contains("\"" + group.get("version").asLong() + "\"");
        assertThat(group.get("version").asLong())
                .isEqualTo(stored(group.get("id").asString()).version());
    }

    @Test
    void proposedItemsOfACancelledPracticeGroupMoveToTheNextOne() {
        Instant base = soon();
        String first = practiceGroup(base);
        String second = practiceGroup(base.plus(Duration.ofDays(1)));
        ProposedItem cause = escalated(UUID.randomUUID().toString(), "person-" + UUID.randomUUID());
        agenda.proposeOnNextPracticeGroup(territory, cause).orElseThrow();

        post("/api/meetings/" + first + "/cancellation", "admin", null);

        assertThat(stored(second).itemCausedBy(cause.causeKey()))
                .hasValueSatisfying(item -> assertThat(item.status()).isEqualTo(ItemStatus.PROPOSED));
        assertThat(agenda.proposeOnNextPracticeGroup(territory, cause))
                .hasValueSatisfying(placed -> assertThat(placed.meetingId()).isEqualTo(second));
        assertThat(stored(second).items()).hasSize(1);
    }
}
