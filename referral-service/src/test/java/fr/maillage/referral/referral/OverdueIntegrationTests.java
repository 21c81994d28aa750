package fr.maillage.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.platform.testing.EventSchemas;
import fr.maillage.referral.ReferralServiceApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The answer target with two instances of the service on the same database and broker, each with its own
 * watcher sweeping every 0.2 s: an URGENT referral (2 s target in these tests) left SUBMITTED is flagged
 * overdue, and {@code overdue.v1} is published exactly once.
 */
class OverdueIntegrationTests extends ReferralIntegrationSupport {

    private static final String OVERDUE = "fr.maillage.referral.overdue.v1";

    @Autowired
    MeterRegistry meters;

    private static double sweeps(MeterRegistry registry) {
        Counter counter = registry.find("maillage.referral.overdue.sweeps").counter();
        return counter == null ? 0 : counter.count();
    }

    private static String[] secondInstanceArguments() {
        return Stream.of("server.port=0", URGENT_TARGET, SWEEP)
                .map(property -> "--" + property)
                .toArray(String[]::new);
    }

    @Test
    void twoInstancesFlagAnUnansweredReferralOverdueExactlyOnce() {
        try (ConfigurableApplicationContext second =
                new SpringApplicationBuilder(ReferralServiceApplication.class).run(secondInstanceArguments())) {
            MeterRegistry secondMeters = second.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> sweeps(secondMeters) > 0 && sweeps(meters) > 0);

            HttpResponse<String> submitted = post(
                    "/api/referrals",
                    token("dr-martin"),
                    json(freshReferral(registerResource("CMP", "epsm-bievre"), "URGENT")));
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
            JsonNode referral = json(submitted);
            String id = referral.path("id").asString();
            Instant submittedAt = Instant.parse(referral.path("submittedAt").asString());
            Instant dueBy = Instant.parse(referral.path("answerDueBy").asString());
            assertThat(dueBy).isEqualTo(submittedAt.plusSeconds(2));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> json(get("/api/referrals/" + id, token("dr-martin")))
                            .path("overdue")
                            .asBoolean());
            awaitPublished(id);
            // Both watchers keep sweeping: give each two more full sweeps to (wrongly) flag it again.
            double first = sweeps(meters);
            double other = sweeps(secondMeters);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> sweeps(meters) >= first + 2 && sweeps(secondMeters) >= other + 2);
            awaitPublished(id);

            List<JsonNode> overdue = distinctEventsOf(id, OVERDUE);
            assertThat(overdue).hasSize(1);
            JsonNode data = overdue.getFirst().path("data");
            assertThat(EventSchemas.violations(OVERDUE, data.toString())).isEmpty();
            assertThat(Instant.parse(data.path("answerDueBy").asString())).isEqualTo(dueBy);
            assertThat(Instant.parse(data.path("overdueAt").asString())).isAfterOrEqualTo(dueBy);
            assertThat(data.path("priority").asString()).isEqualTo("URGENT");
            assertThat(overdue.getFirst().path("audience").asString()).isEqualTo("epsm-bievre msp-bievre");

            JsonNode seen = json(get("/api/referrals/" + id, token("dr-martin")));
            assertThat(seen.path("status").asString()).isEqualTo("SUBMITTED");
            assertThat(elements(seen.path("history"))
                            .filter(entry -> entry.path("action").asString().equals("OVERDUE")))
                    .hasSize(1);
            assertThat(get("/actuator/prometheus", null).body()).contains("maillage_referral_overdue_sweeps_total");
        }
    }

    @Test
    void anAnsweredReferralIsNeverOverdue() {
        JsonNode referral = json(post(
                "/api/referrals",
                token("dr-martin"),
                json(freshReferral(registerResource("CMP", "epsm-bievre"), "URGENT"))));
        String id = referral.path("id").asString();
        Instant dueBy = Instant.parse(referral.path("answerDueBy").asString());

        stepOk(id, "acceptance", "partner-epsm", null);

        // Wait past the answer target, and two sweeps more.
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(dueBy.plusSeconds(1)));
        double sweeps = sweeps(meters);
        await().atMost(Duration.ofSeconds(30)).until(() -> sweeps(meters) >= sweeps + 2);
        awaitPublished(id);

        assertThat(distinctEventsOf(id, OVERDUE)).isEmpty();
        assertThat(json(get("/api/referrals/" + id, token("dr-martin")))
                        .path("overdue")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aRoutineReferralIsNotOverdueWithinItsSevenDays() {
        String id = refer("dr-martin", registerResource("CMP", "epsm-bievre"))
                .path("id")
                .asString();
        double sweeps = sweeps(meters);

        await().atMost(Duration.ofSeconds(30)).until(() -> sweeps(meters) >= sweeps + 2);

        assertThat(json(get("/api/referrals/" + id, token("dr-martin")))
                        .path("overdue")
                        .asBoolean())
                .isFalse();
    }
}
