package fr.maillage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.systemtests.support.Api;
import fr.maillage.systemtests.support.RunningPlatform;
import fr.maillage.systemtests.support.Tokens;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A stopped service gives a clear 503 at the gateway, and the platform recovers when it is back. Runs last. */
@Order(100)
@ExtendWith(RunningPlatform.class)
class ResilienceSystemTests {

    private final Api api = new Api(RunningPlatform.gateway());

    @Test
    void aStoppedServiceAnswers503ProblemAndServesAgainWithItsDataAfterARestart() {
        String resource = WalkingSkeletonSystemTests.workshopProgramme();
        String referral = WalkingSkeletonSystemTests.refer("dr-martin", resource, "Mercier");
        String path = "/api/referrals/" + referral;

        RunningPlatform.stop("referral-service");
        try {
            Api.Response unavailable = api.get(path, Tokens.of("dr-martin"));
            assertThat(unavailable.status()).as(unavailable.toString()).isEqualTo(503);
            assertThat(unavailable.isProblem()).isTrue();
            assertThat(unavailable.body()).contains("referral");
        } finally {
            RunningPlatform.start("referral-service");
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Api.Response back = api.get(path, Tokens.of("dr-martin"));
            assertThat(back.status()).as(back.toString()).isEqualTo(200);
            assertThat(back.text("status")).isEqualTo("SUBMITTED");
        });
    }
}
