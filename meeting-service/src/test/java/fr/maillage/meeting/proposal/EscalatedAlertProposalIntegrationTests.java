package fr.maillage.meeting.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.meeting.meeting.ItemKind;
import fr.maillage.meeting.meeting.MeetingAgenda.ProposedItem;
import fr.maillage.platform.testing.EventPlayer;
import java.time.Instant;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** An escalated alert becomes one proposed case review on its territory's next practice group. */
class EscalatedAlertProposalIntegrationTests extends ProposalIntegrationSupport {

    @Test
    void anAlertEscalatedToLevelOneThenTwoAndRedeliveredProposesExactlyOnce() {
        String territory = freshTerritory();
        String meetingId = agenda.openPracticeGroup(territory);
        String alertId = newId();
        String personRef = newId();
        String levelOneId = newId();
        Instant levelOneTime = Instant.now();
        String levelOne = EventPlayer.cloudEvent(
                ALERT_SOURCE,
                EventPlayer.event(
                        levelOneId,
                        levelOneTime,
                        AlertEventsListener.ESCALATED,
                        alertId,
                        territory,
                        AUDIENCE,
                        escalatedData(alertId, territory, personRef, 1)));

        awaitConsumed(playRaw(ALERT_TOPIC, alertId, levelOne));
        awaitConsumed(escalated(alertId, territory, personRef, 2));
        RecordMetadata redelivered = playRaw(ALERT_TOPIC, alertId, levelOne); // same CloudEvent id
        awaitConsumed(redelivered);

        String causeKey = "alert-escalated:" + alertId;
        assertThat(agenda.landed(causeKey))
                .containsExactly(new ProposedItem(
                        causeKey, ItemKind.CASE_REVIEW, personRef, "ALERT", alertId, "alert-escalated"));
        assertThat(agenda.calls(causeKey)).isEqualTo(1);
        Proposal proposal = proposal(causeKey).orElseThrow();
        assertThat(proposal.status()).isEqualTo(Proposal.Status.PLACED);
        assertThat(proposal.meetingId()).isEqualTo(meetingId);
        assertThat(proposal.itemId()).isNotBlank();
        assertThat(proposal.territory()).isEqualTo(territory);
        assertThat(proposalsNaming(personRef)).hasSize(1);
    }

    @Test
    void anAlertWhosePersonIsNotKnownYetIsProposedWithoutPersonRef() {
        String territory = freshTerritory();
        agenda.openPracticeGroup(territory);
        String alertId = newId();

        awaitConsumed(escalated(alertId, territory, null, 1));

        String causeKey = "alert-escalated:" + alertId;
        assertThat(agenda.landed(causeKey)).singleElement().satisfies(item -> {
            assertThat(item.personRef()).isNull();
            assertThat(item.sourceId()).isEqualTo(alertId);
        });
        assertThat(proposal(causeKey).orElseThrow().status()).isEqualTo(Proposal.Status.PLACED);
    }
}
