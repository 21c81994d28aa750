package fr.maillage.meeting.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.meeting.meeting.ItemKind;
import fr.maillage.meeting.meeting.MeetingAgenda.ProposedItem;
import org.junit.jupiter.api.Test;

class ProposalCausesTests {

    @Test
    void anEscalatedAlertIsOneCauseWhateverTheLevel() {
        ProposedItem item = ProposalCauses.alertEscalated("a1", "p1");

        assertThat(item.causeKey()).isEqualTo("alert-escalated:a1");
        assertThat(item)
                .isEqualTo(new ProposedItem(
                        "alert-escalated:a1", ItemKind.CASE_REVIEW, "p1", "ALERT", "a1", "alert-escalated"));
    }

    @Test
    void anAlertWhosePersonIsNotKnownYetProposesWithoutPersonRef() {
        assertThat(ProposalCauses.alertEscalated("a1", null).personRef()).isNull();
    }

    @Test
    void aDisengagementIsOneCausePerGroupPersonAndEpisode() {
        ProposedItem first = ProposalCauses.participantDisengaged("g1", "p1", 1);
        ProposedItem second = ProposalCauses.participantDisengaged("g1", "p1", 2);

        assertThat(first.causeKey()).isEqualTo("disengaged:g1:p1:1");
        assertThat(second.causeKey()).isEqualTo("disengaged:g1:p1:2");
        assertThat(first.sourceType()).isEqualTo("WORKSHOP");
        assertThat(first.sourceId()).isEqualTo("g1");
        assertThat(first.kind()).isEqualTo(ItemKind.CASE_REVIEW);
    }

    @Test
    void aSecondDeclineIsKeyedByThePersonAndTheDeclineThatMadeThePair() {
        ProposedItem item = ProposalCauses.declinedTwice("p1", "r2");

        assertThat(item.causeKey()).isEqualTo("declined-twice:p1:r2");
        assertThat(item.sourceType()).isEqualTo("REFERRAL");
        assertThat(item.sourceId()).isEqualTo("r2");
        assertThat(item.summaryCode()).isEqualTo("declined-twice");
    }
}
