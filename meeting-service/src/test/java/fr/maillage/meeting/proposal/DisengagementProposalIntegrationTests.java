package fr.maillage.meeting.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.meeting.meeting.MeetingAgenda.ProposedItem;
import org.junit.jupiter.api.Test;

/** A participant who stopped coming to a workshop group is proposed once per disengagement episode. */
class DisengagementProposalIntegrationTests extends ProposalIntegrationSupport {

    @Test
    void aDisengagementProposesOncePerEpisode() {
        String territory = freshTerritory();
        agenda.openPracticeGroup(territory);
        String groupId = newId();
        String personRef = newId();

        awaitConsumed(disengaged(groupId, personRef, 1, territory));
        // The same episode told again (a replay under a new event id) is the same cause.
        awaitConsumed(disengaged(groupId, personRef, 1, territory));
        awaitConsumed(disengaged(groupId, personRef, 2, territory));

        String prefix = "disengaged:" + groupId + ":" + personRef + ":";
        assertThat(agenda.landed(prefix))
                .extracting(ProposedItem::causeKey)
                .containsExactlyInAnyOrder(prefix + 1, prefix + 2);
        assertThat(agenda.calls(prefix + 1)).isEqualTo(1);
        assertThat(agenda.landed(prefix)).allSatisfy(item -> {
            assertThat(item.sourceType()).isEqualTo("WORKSHOP");
            assertThat(item.sourceId()).isEqualTo(groupId);
            assertThat(item.personRef()).isEqualTo(personRef);
        });
        assertThat(proposalsNaming(personRef)).hasSize(2);
    }

    @Test
    void theSameEpisodeInAnotherGroupIsAnotherCause() {
        String territory = freshTerritory();
        agenda.openPracticeGroup(territory);
        String personRef = newId();
        String groupA = newId();
        String groupB = newId();

        awaitConsumed(disengaged(groupA, personRef, 1, territory));
        awaitConsumed(disengaged(groupB, personRef, 1, territory));

        assertThat(agenda.landed("disengaged:" + groupA)).hasSize(1);
        assertThat(agenda.landed("disengaged:" + groupB)).hasSize(1);
    }
}
