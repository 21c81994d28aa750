package fr.maillage.systemtests;

import static fr.maillage.systemtests.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.systemtests.support.Api;
import fr.maillage.systemtests.support.RunningPlatform;
import fr.maillage.systemtests.support.SessionSlots;
import fr.maillage.systemtests.support.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The closed loop referral -> workshop -> referrer, through the gateway, across two services and Kafka. */
@Order(1)
@ExtendWith(RunningPlatform.class)
class WalkingSkeletonSystemTests {

    private final Api api = new Api(RunningPlatform.gateway());

    @Test
    void aPersonReferredToAWorkshopWithAFreePlaceIsEnrolledAndTheReferrerSeesIt() {
        String programme = workshopProgramme();
        openGroup(programme, 8);

        String referral = refer("dr-martin", programme, "Moreau");
        Api.Response accepted =
                api.post("/api/referrals/" + referral + "/acceptance", Tokens.of("coord-bievre"), Map.of());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("ACCEPTED");

        JsonNode seen = awaitBusinessStatus("dr-martin", referral, "ENROLLED");
        assertThat(seen.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(statusesOf(seen.path("history"))).contains("SUBMITTED", "ACCEPTED", "IN_PROGRESS");
    }

    @Test
    void aPersonReferredToAFullGroupIsWaitlistedAndThePartnerThatReferredSeesIt() {
        String programme = workshopProgramme();
        openGroup(programme, 1);

        String first = refer("partner-epsm", programme, "Lefebvre");
        String second = refer("partner-epsm", programme, "Garnier");
        for (String referral : List.of(first, second)) {
            Api.Response accepted =
                    api.post("/api/referrals/" + referral + "/acceptance", Tokens.of("coord-bievre"), Map.of());
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
            awaitBusinessStatus("partner-epsm", referral, referral.equals(first) ? "ENROLLED" : "WAITLISTED");
        }

        JsonNode waitlisted =
                api.get("/api/referrals/" + second, Tokens.of("partner-epsm")).json();
        assertThat(waitlisted.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(waitlisted.path("businessStatus").asString()).isEqualTo("WAITLISTED");
    }

    @Test
    void aReferralWithoutConsentIsRefusedWithAProblem() {
        String programme = workshopProgramme();
        Map<String, Object> body = referralBody(programme, "Petit");
        body.put("consent", json("given", false));

        Api.Response refused = api.post("/api/referrals", Tokens.of("dr-martin"), body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
    }

    @Test
    void aGroupNeedsExactlyTwoDistinctFacilitators() {
        String programme = workshopProgramme();
        Map<String, Object> psy = facilitator("psy-durand", "clinical-psychologist");

        Api.Response refused = api.post(
                "/api/workshops/groups",
                Tokens.of("coord-bievre"),
                groupBody(programme, 8, List.of(psy, psy), SessionSlots.nextFirstSession()));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
    }

    static String workshopProgramme() {
        Api api = new Api(RunningPlatform.gateway());
        Api.Response created = api.post(
                "/api/resources",
                Tokens.of("coord-bievre"),
                json(
                        "name", "Atelier santé mentale et travail " + UUID.randomUUID(),
                        "type", "WORKSHOP_PROGRAMME",
                        "institution", "lieu-dit",
                        "territory", "bievre",
                        "communes", List.of("38260")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private void openGroup(String programme, int capacity) {
        Map<String, Object> body = groupBody(
                programme,
                capacity,
                List.of(facilitator("psy-durand", "clinical-psychologist"), facilitator("ide-bernard", "nurse")),
                SessionSlots.nextFirstSession());
        // The programme reaches workshop-service through Kafka: the group can be opened once it has arrived.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Api.Response group = api.post("/api/workshops/groups", Tokens.of("coord-bievre"), body);
                    assertThat(group.status()).as(group.toString()).isEqualTo(201);
                });
    }

    /**
     * The body of {@code POST /api/workshops/groups}: the programme's default settings, a room of its own
     * and a first session (local time in Paris) no other group of the run uses.
     */
    static Map<String, Object> groupBody(
            String programme, int capacity, List<Map<String, Object>> facilitators, String firstSessionAt) {
        return json(
                "programmeId",
                programme,
                "capacity",
                capacity,
                "facilitators",
                facilitators,
                "venue",
                "Salle " + UUID.randomUUID(),
                "firstSessionAt",
                firstSessionAt);
    }

    /** A demo user as a group's facilitator: their id (the token's {@code sub}) and profession. */
    static Map<String, Object> facilitator(String demoUser, String profession) {
        return json("id", Tokens.claims(Tokens.of(demoUser)).path("sub").asString(), "profession", profession);
    }

    static Map<String, Object> referralBody(String resource, String familyName) {
        return json(
                "person",
                json("familyName", familyName, "givenName", "Camille", "birthDate", "1987-04-12", "commune", "38260"),
                "resourceId",
                resource,
                "reason",
                "Anxiété au travail, souhaite un accompagnement collectif",
                "priority",
                "ROUTINE",
                "consent",
                json("given", true));
    }

    static String refer(String referrer, String resource, String familyName) {
        Api.Response created = new Api(RunningPlatform.gateway())
                .post("/api/referrals", Tokens.of(referrer), referralBody(resource, familyName));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("SUBMITTED");
        assertThat(created.text("personRef")).isNotBlank();
        return created.text("id");
    }

    private JsonNode awaitBusinessStatus(String reader, String referral, String businessStatus) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> api.get("/api/referrals/" + referral, Tokens.of(reader))
                                .json(),
                        seen -> businessStatus.equals(
                                seen.path("businessStatus").asString()));
    }

    private static List<String> statusesOf(JsonNode history) {
        return history.valueStream()
                .map(entry -> entry.path("status").asString())
                .toList();
    }
}
