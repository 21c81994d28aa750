package fr.maillage.meeting.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person declined twice within 30 days is proposed, at most once per 30 days. The rule reads the
 * declines' own times, so the tests play declines dated in the past instead of moving the shared clock.
 */
class DeclinedTwiceProposalIntegrationTests extends ProposalIntegrationSupport {

    @Autowired
    DeclineStore declines;

    private static Instant daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days));
    }

    @Test
    void twoDeclinesTenDaysApartProposeAndAThirdWithinTheWindowDoesNot() {
        String territory = freshTerritory();
        agenda.openPracticeGroup(territory);
        String personRef = newId();
        String first = newId();
        String second = newId();
        String third = newId();

        awaitConsumed(declined(first, personRef, territory, daysAgo(25)));
        assertThat(agenda.landed("declined-twice:" + personRef)).isEmpty();
        awaitConsumed(declined(second, personRef, territory, daysAgo(15)));
        awaitConsumed(declined(third, personRef, territory, daysAgo(5)));
        awaitConsumed(declined(second, personRef, territory, daysAgo(15))); // told again

        assertThat(agenda.landed("declined-twice:" + personRef)).singleElement().satisfies(item -> {
            assertThat(item.causeKey()).isEqualTo("declined-twice:" + personRef + ":" + second);
            assertThat(item.sourceType()).isEqualTo("REFERRAL");
            assertThat(item.sourceId()).isEqualTo(second);
            assertThat(item.personRef()).isEqualTo(personRef);
        });
        assertThat(proposalsNaming(personRef)).singleElement().satisfies(proposal -> {
            assertThat(proposal.status()).isEqualTo(Proposal.Status.PLACED);
            assertThat(proposal.territory()).isEqualTo(territory);
        });
        assertThat(declines.of(personRef).declines()).hasSize(3);
    }

    @Test
    void twoDeclinesFortyDaysApartProposeNothing() {
        String territory = freshTerritory();
        agenda.openPracticeGroup(territory);
        String personRef = newId();

        awaitConsumed(declined(newId(), personRef, territory, daysAgo(45)));
        awaitConsumed(declined(newId(), personRef, territory, daysAgo(5)));

        assertThat(agenda.landed("declined-twice:" + personRef)).isEmpty();
        assertThat(proposalsNaming(personRef)).isEmpty();
        assertThat(declines.of(personRef).declines()).hasSize(2);
    }
}
