package fr.maillage.meeting.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.meeting.meeting.PracticeGroupScheduled;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/** A cause heard while its territory has no practice group ahead waits, then lands on the next one. */
class PendingProposalIntegrationTests extends ProposalIntegrationSupport {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ProposalService proposals;

    @Test
    void aProposalWithNoPracticeGroupStaysPendingAndLandsWhenOneIsScheduled() {
        String territory = freshTerritory();
        String alertId = newId();
        String causeKey = "alert-escalated:" + alertId;

        awaitConsumed(escalated(alertId, territory, newId(), 1));

        Proposal waiting = proposal(causeKey).orElseThrow();
        assertThat(waiting.status()).isEqualTo(Proposal.Status.PENDING);
        assertThat(waiting.meetingId()).isNull();
        assertThat(waiting.claimedBy()).isNull(); // the lease was given back
        assertThat(agenda.landed(causeKey)).isEmpty();

        String meetingId = agenda.openPracticeGroup(territory);
        events.publishEvent(
                new PracticeGroupScheduled(meetingId, territory, clock.instant().plus(Duration.ofDays(7))));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> proposal(causeKey).orElseThrow().status() == Proposal.Status.PLACED);
        assertThat(proposal(causeKey).orElseThrow().meetingId()).isEqualTo(meetingId);
        assertThat(agenda.landed(causeKey)).hasSize(1);
    }

    @Test
    void theSweepPlacesAProposalWhosePracticeGroupNoticeWasMissed() {
        String territory = freshTerritory();
        String groupId = newId();
        String personRef = newId();
        String causeKey = "disengaged:" + groupId + ":" + personRef + ":1";
        awaitConsumed(disengaged(groupId, personRef, 1, territory));
        assertThat(proposal(causeKey).orElseThrow().status()).isEqualTo(Proposal.Status.PENDING);

        String meetingId = agenda.openPracticeGroup(territory); // no notice published
        proposals.placeAllPending(); // what the sweep runs

        Proposal placed = proposal(causeKey).orElseThrow();
        assertThat(placed.status()).isEqualTo(Proposal.Status.PLACED);
        assertThat(placed.meetingId()).isEqualTo(meetingId);
        proposals.placeAllPending();
        assertThat(agenda.landed(causeKey)).hasSize(1);
    }
}
