package fr.maillage.meeting.consent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonConsentsTests {

    private final PersonConsents consents = PersonConsents.of("person-1");

    @Test
    void aRecordedCareTeamSharingConsentCoversCaseReview() {
        consents.recorded("c1", "CARE_TEAM_SHARING");

        assertThat(consents.coversCaseReview()).isTrue();
    }

    @Test
    void aRecordedCaseConferenceConsentCoversCaseReview() {
        consents.recorded("c1", "CASE_CONFERENCE");

        assertThat(consents.coversCaseReview()).isTrue();
    }

    @Test
    void referralAndEvaluationConsentsDoNotCoverCaseReview() {
        consents.recorded("c1", "REFERRAL");
        consents.recorded("c2", "EVALUATION");

        assertThat(consents.coversCaseReview()).isFalse();
    }

    @Test
    void aPersonWithNoConsentIsNotCovered() {
        assertThat(consents.coversCaseReview()).isFalse();
    }

    @Test
    void aWithdrawnConsentNoLongerCovers() {
        consents.recorded("c1", "CARE_TEAM_SHARING");
        consents.withdrawn("c1", "CARE_TEAM_SHARING");

        assertThat(consents.coversCaseReview()).isFalse();
        assertThat(consents.consents().get("c1").withdrawn()).isTrue();
    }

    @Test
    void aWithdrawalHeardBeforeItsRecordingEndsWithdrawn() {
        consents.withdrawn("c1", "CASE_CONFERENCE");
        consents.recorded("c1", "CASE_CONFERENCE");

        assertThat(consents.coversCaseReview()).isFalse();
        assertThat(consents.consents().get("c1")).isEqualTo(new Consent("CASE_CONFERENCE", true));
    }

    @Test
    void eventsHeardAgainChangeNothing() {
        consents.recorded("c1", "CARE_TEAM_SHARING");
        consents.withdrawn("c1", "CARE_TEAM_SHARING");
        consents.recorded("c1", "CARE_TEAM_SHARING");
        consents.withdrawn("c1", "CARE_TEAM_SHARING");

        assertThat(consents.consents()).containsOnlyKeys("c1");
        assertThat(consents.coversCaseReview()).isFalse();
    }

    @Test
    void anotherConsentStillCoversWhenOneIsWithdrawn() {
        consents.recorded("c1", "CARE_TEAM_SHARING");
        consents.recorded("c2", "CASE_CONFERENCE");
        consents.withdrawn("c1", "CARE_TEAM_SHARING");

        assertThat(consents.coversCaseReview()).isTrue();
    }

    @Test
    void aNewConsentAfterAWithdrawalCoversAgain() {
        consents.recorded("c1", "CARE_TEAM_SHARING");
        consents.withdrawn("c1", "CARE_TEAM_SHARING");
        consents.recorded("c2", "CARE_TEAM_SHARING");

        assertThat(consents.coversCaseReview()).isTrue();
    }
}
