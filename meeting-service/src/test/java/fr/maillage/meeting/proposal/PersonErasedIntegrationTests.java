package fr.maillage.meeting.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.meeting.consent.ConsentRegistry;
import fr.maillage.meeting.consent.PersonConsents;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A played {@code person-erased.v1} makes the service forget that person, and nobody else. */
class PersonErasedIntegrationTests extends ProposalIntegrationSupport {

    @Autowired
    ConsentRegistry consents;

    @Autowired
    DeclineStore declines;

    @Test
    void anErasedPersonsConsentsDeclinesAndPendingProposalsAreForgottenAndTheirCaseItemsAnonymised() {
        String erased = newId();
        String other = newId();
        String waitingTerritory = freshTerritory(); // no practice group: proposals stay pending
        String meetingTerritory = freshTerritory();
        agenda.openPracticeGroup(meetingTerritory);
        for (String person : new String[] {erased, other}) {
            awaitConsumed(consentRecorded(person, newId(), "CARE_TEAM_SHARING"));
            awaitConsumed(
                    declined(newId(), person, waitingTerritory, Instant.now().minus(Duration.ofDays(3))));
            awaitConsumed(escalated(newId(), waitingTerritory, person, 1));
        }
        String groupId = newId();
        awaitConsumed(disengaged(groupId, erased, 1, meetingTerritory));
        String placedKey = "disengaged:" + groupId + ":" + erased + ":1";
        Proposal placed = proposal(placedKey).orElseThrow();
        assertThat(placed.status()).isEqualTo(Proposal.Status.PLACED);
        assertThat(consents.coversCaseReview(erased)).isTrue();
        assertThat(proposalsNaming(erased)).hasSize(2);

        awaitConsumed(personErased(erased));

        assertThat(consents.coversCaseReview(erased)).isFalse();
        assertThat(mongo.findById(erased, PersonConsents.class)).isNull();
        assertThat(declines.of(erased)).isNull();
        assertThat(proposalsNaming(erased)).isEmpty();
        assertThat(proposal(placedKey)).isEmpty();
        Proposal anonymised = mongo.findById(placed.id(), Proposal.class);
        assertThat(anonymised.status()).isEqualTo(Proposal.Status.PLACED);
        assertThat(anonymised.meetingId()).isEqualTo(placed.meetingId());
        assertThat(anonymised.item().personRef()).isNull();
        assertThat(anonymised.causeKey()).doesNotContain(erased);
        assertThat(anonymised.item().causeKey()).doesNotContain(erased);
        assertThat(caseItems.anonymised()).contains(erased);
        // Nobody else is forgotten.
        assertThat(consents.coversCaseReview(other)).isTrue();
        assertThat(declines.of(other).declines()).hasSize(1);
        assertThat(proposalsNaming(other))
                .singleElement()
                .satisfies(proposal -> assertThat(proposal.status()).isEqualTo(Proposal.Status.PENDING));
        assertThat(caseItems.anonymised()).doesNotContain(other);
    }

    @Test
    void causesAboutAnErasedPersonHeardAfterTheErasureProposeNothing() {
        String erased = newId();
        String territory = freshTerritory();
        agenda.openPracticeGroup(territory);
        awaitConsumed(personErased(erased));

        awaitConsumed(declined(newId(), erased, territory, Instant.now().minus(Duration.ofDays(2))));
        awaitConsumed(declined(newId(), erased, territory, Instant.now().minus(Duration.ofDays(1))));
        awaitConsumed(escalated(newId(), territory, erased, 1));
        awaitConsumed(disengaged(newId(), erased, 1, territory));
        // Told again, the erasure changes nothing more.
        awaitConsumed(personErased(erased));

        assertThat(proposalsNaming(erased)).isEmpty();
        assertThat(declines.of(erased)).isNull();
        assertThat(agenda.landed("declined-twice:" + erased)).isEmpty();
    }
}
