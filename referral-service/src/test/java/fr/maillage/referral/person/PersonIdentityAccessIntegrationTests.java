package fr.maillage.referral.person;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.localstack.oidc.DemoUsers;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Who reads an identity (care team, coordinators of the territory) and the trail every read leaves. */
class PersonIdentityAccessIntegrationTests extends PersonTestSupport {

    @Autowired
    CareTeams careTeams;

    /** Registered by dr-martin in bievre, referred to epsm-bievre (institution-level member). */
    private String referredPerson() {
        String personRef = registerNew("dr-martin");
        careTeams.add(
                personRef,
                new CareTeamMember(
                        null, "epsm-bievre", CareTeamRole.TARGET_INSTITUTION, "referral:" + UUID.randomUUID()),
                "bievre",
                Instant.now());
        return personRef;
    }

    @Test
    void theCareTeamAndTheCoordinatorsOfTheTerritoryReadTheIdentityEveryoneElseGets404() {
        String personRef = referredPerson();

        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("dr-martin", 200); // care team member (recorded the person)
        expected.put("partner-epsm", 200); // institution-level member
        expected.put("coord-bievre", 200); // coordinator of the person's territory
        expected.put("coord-lyon", 404); // coordinator of another territory
        expected.put("copil-bievre", 404); // steering
        expected.put("partner-dac", 404); // partner of another institution
        expected.put("ide-bernard", 404); // dr-martin's colleague, not in the team
        expected.put("admin", 404); // erases, never reads
        expected.forEach((who, status) -> {
            HttpResponse<String> response = readIdentity(personRef, who, "suivi " + who);
            assertThat(response.statusCode()).as(who).isEqualTo(status);
            if (status == 404) {
                assertThat(response.body()).as(who).doesNotContain("Camille", "1984");
                assertThat(json(response).path("type").asString()).isEqualTo("urn:maillage:problem:not-found");
            }
        });
        assertThat(readIdentity(UUID.randomUUID().toString(), "coord-bievre", "sonde")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void registeringAKnownPersonAgainDoesNotOpenTheirIdentityToTheCaller() {
        Map<String, Object> identity = uniqueIdentity();
        String personRef = json(register("dr-martin", identity, "bievre"))
                .path("personRef")
                .asString();

        HttpResponse<String> again = register("ide-bernard", identity, "bievre");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).path("personRef").asString()).isEqualTo(personRef);
        // knowing a name and a birth date is not being part of the care team
        assertThat(readIdentity(personRef, "ide-bernard", "suivi").statusCode()).isEqualTo(404);
        assertThat(readIdentity(personRef, "dr-martin", "suivi").statusCode()).isEqualTo(200);
    }

    @Test
    void aReadWithoutAReasonIsABadRequestAndNotARead() {
        String personRef = referredPerson();

        HttpResponse<String> missing = get("/api/persons/" + personRef, token("dr-martin"));
        HttpResponse<String> blank = readIdentity(personRef, "dr-martin", "   ");
        HttpResponse<String> tooLong = readIdentity(personRef, "dr-martin", "x".repeat(201));

        for (HttpResponse<String> response : List.of(missing, blank, tooLong)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).path("type").asString()).isEqualTo("urn:maillage:problem:access-reason-required");
        }
        assertThat(json(accessLog(personRef, "")).path("totalItems").asLong()).isZero();
        assertThat(readIdentity(personRef, "dr-martin", "x".repeat(200)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void everyReadGrantedOrRefusedIsInTheAccessLogNewestFirst() {
        String personRef = referredPerson();

        // Header values are ASCII: a reason with accents travels percent-encoded (UTF-8).
        readIdentity(personRef, "dr-martin", "consultation 100% + suivi");
        readIdentity(personRef, "copil-bievre", percentEncoded("curiosité"));
        readIdentity(personRef, "coord-bievre", percentEncoded("réunion de concertation"));

        JsonNode log = json(accessLog(personRef, ""));
        assertThat(log.path("totalItems").asLong()).isEqualTo(3);
        JsonNode items = log.path("items");
        JsonNode newest = items.get(0);
        assertThat(newest.path("whoId").asString()).isEqualTo(DemoUsers.COORD_BIEVRE_ID.toString());
        assertThat(newest.path("username").asString()).isEqualTo("coord-bievre");
        assertThat(newest.path("institution").asString()).isEqualTo("cpts-bievre");
        assertThat(newest.path("roles").get(0).asString()).isEqualTo("coordinator");
        assertThat(newest.path("reason").asString()).isEqualTo("réunion de concertation");
        assertThat(newest.path("personRef").asString()).isEqualTo(personRef);
        assertThat(newest.path("action").asString()).isEqualTo("read-identity");
        assertThat(newest.path("granted").asBoolean()).isTrue();
        assertThat(newest.path("at").asString()).isNotBlank();
        JsonNode refused = items.get(1);
        assertThat(refused.path("username").asString()).isEqualTo("copil-bievre");
        assertThat(refused.path("reason").asString()).isEqualTo("curiosité");
        assertThat(refused.path("granted").asBoolean()).isFalse();
        assertThat(items.get(2).path("username").asString()).isEqualTo("dr-martin");
        assertThat(items.get(2).path("reason").asString()).isEqualTo("consultation 100% + suivi");
        assertThat(items.get(2).path("granted").asBoolean()).isTrue();
        assertThat(log.toString()).doesNotContain("Camille", "1984");

        JsonNode secondPage = json(accessLog(personRef, "?page=1&size=2"));
        assertThat(secondPage.path("items")).hasSize(1);
        assertThat(secondPage.path("items").get(0).path("username").asString()).isEqualTo("dr-martin");
        assertThat(secondPage.path("totalItems").asLong()).isEqualTo(3);
    }

    @Test
    void onlyAdminsReadTheAccessLog() {
        String personRef = referredPerson();

        for (String who : List.of("dr-martin", "coord-bievre", "partner-epsm", "copil-bievre")) {
            assertThat(get("/api/persons/" + personRef + "/access-log", token(who))
                            .statusCode())
                    .as(who)
                    .isEqualTo(403);
        }
        assertThat(get("/api/persons/" + personRef + "/access-log", null).statusCode())
                .isEqualTo(401);
        assertThat(accessLog(personRef, "").statusCode()).isEqualTo(200);
        assertThat(accessLog(personRef, "?size=1000").statusCode()).isEqualTo(400);
    }

    @Test
    void theCareTeamIsShownToThoseWhoMayReadTheIdentity() {
        String personRef = referredPerson();

        HttpResponse<String> team = get("/api/persons/" + personRef + "/care-team", token("partner-epsm"));

        assertThat(team.statusCode()).isEqualTo(200);
        assertThat(json(team))
                .extracting(member -> member.path("role").asString())
                .containsExactlyInAnyOrder("RECORDED_BY", "TARGET_INSTITUTION");
        assertThat(get("/api/persons/" + personRef + "/care-team", token("partner-dac"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/api/persons/" + personRef + "/care-team", token("copil-bievre"))
                        .statusCode())
                .isEqualTo(404);
    }

    private static String percentEncoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> accessLog(String personRef, String query) {
        return get("/api/persons/" + personRef + "/access-log" + query, token("admin"));
    }
}
