package fr.maillage.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedirectionIdTests {

    @Test
    void aRedirectionRetriedAfterACrashNamesTheSameNewReferral() {
        assertThat(ReferralService.redirectionId("r-1")).isEqualTo(ReferralService.redirectionId("r-1"));
    }

    @Test
    void twoReferralsRedirectedGetTwoNewReferrals() {
        assertThat(ReferralService.redirectionId("r-1")).isNotEqualTo(ReferralService.redirectionId("r-2"));
    }
}
