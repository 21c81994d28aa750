package fr.maillage.meeting.consent;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.meeting.proposal.ProposalIntegrationSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** referral-service's consent events, played on the real broker, decide whether a person may be case-reviewed. */
class ConsentProjectionIntegrationTests extends ProposalIntegrationSupport {

    @Autowired
    ConsentRegistry consents;

    @Test
    void aRecordedCareTeamSharingConsentCoversCaseReview() {
        String personRef = newId();

        awaitConsumed(consentRecorded(personRef, newId(), "CARE_TEAM_SHARING"));

        assertThat(consents.coversCaseReview(personRef)).isTrue();
    }

    @Test
    void aConsentRecordedThenWithdrawnNoLongerCovers() {
        String personRef = newId();
        String consentId = newId();
        awaitConsumed(consentRecorded(personRef, consentId, "CASE_CONFERENCE"));
        assertThat(consents.coversCaseReview(personRef)).isTrue();

        awaitConsumed(consentWithdrawn(personRef, consentId, "CASE_CONFERENCE"));

        assertThat(consents.coversCaseReview(personRef)).isFalse();
    }

    @Test
    void aWithdrawalHeardBeforeItsRecordingLeavesTheConsentWithdrawn() {
        String personRef = newId();
        String consentId = newId();

        awaitConsumed(consentWithdrawn(personRef, consentId, "CARE_TEAM_SHARING"));
        awaitConsumed(consentRecorded(personRef, consentId, "CARE_TEAM_SHARING"));

        assertThat(consents.coversCaseReview(personRef)).isFalse();
    }

    @Test
    void aConsentForReferralsOnlyDoesNotCoverCaseReview() {
        String personRef = newId();

        awaitConsumed(consentRecorded(personRef, newId(), "REFERRAL"));

        assertThat(consents.coversCaseReview(personRef)).isFalse();
        assertThat(consents.coversCaseReview(newId())).isFalse();
    }
}
