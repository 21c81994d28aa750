package fr.maillage.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import fr.maillage.localstack.oidc.DemoUsers;
import fr.maillage.localstack.oidc.TestTokens;
import fr.maillage.platform.testing.EventSchemas;
import fr.maillage.referral.person.CareTeamMember;
import fr.maillage.referral.person.CareTeamRole;
import fr.maillage.referral.person.ConsentPurpose;
import fr.maillage.referral.person.ConsentRecord;
import fr.maillage.referral.person.ConsentRequest;
import fr.maillage.referral.person.Consents;
import fr.maillage.referral.person.Recorder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The closed loop over HTTP and Kafka, as its two sides live it. */
class ReferralLoopIntegrationTests extends ReferralIntegrationSupport {

    private static final String PREFIX = "fr.maillage.referral.";

    @Autowired
    Consents consents;

    @Test
    void aRedirectedReferralIsFollowedByItsReferrerToTheEndOfTheNewOne() {
        String cmp = registerResource("CMP", "epsm-bievre");
        String cattp = registerResource("CATTP", "epsm-bievre");
        Map<String, Object> body = freshReferral(cmp, "ROUTINE");
        String familyName = ((Map<?, ?>) body.get("person")).get("familyName").toString();
        String reason = body.get("reason").toString();

        // dr-martin refers, with the person's consent.
        HttpResponse<String> submitted = post("/api/referrals", token("dr-martin"), json(body));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        JsonNode first = json(submitted);
        String firstId = first.path("id").asString();
        String personRef = first.path("personRef").asString();
        assertThat(first.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(first.path("businessStatus").asString()).isEqualTo("RECEIVED");
        assertThat(first.path("resourceInstitution").asString()).isEqualTo("epsm-bievre");
        assertThat(first.path("consent").path("recordedWithReferral").asBoolean())
                .isTrue();
        Instant submittedAt = Instant.parse(first.path("submittedAt").asString());
        assertThat(Instant.parse(first.path("answerDueBy").asString())).isEqualTo(submittedAt.plus(Duration.ofDays(7)));
        assertThat(first.path("overdue").asBoolean()).isFalse();
        assertThat(first.toString()).doesNotContain(familyName);

        // The target institution sees it arrive.
        assertThat(elements(json(get("/api/referrals?incoming=true&size=100", token("partner-epsm")))
                                .path("items"))
                        .map(item -> item.path("id").asString()))
                .contains(firstId);

        // partner-epsm has no place: redirected to its CATTP, the person consenting to it.
        JsonNode redirected = stepOk(
                firstId,
                "redirection",
                "partner-epsm",
                Map.of(
                        "resourceId",
                        cattp,
                        "reason",
                        "NO_CAPACITY",
                        "comment",
                        "CMP complet jusqu'en mars",
                        "consent",
                        Map.of("given", true)));
        assertThat(redirected.path("status").asString()).isEqualTo("REDIRECTED");
        String secondId = redirected.path("redirectedTo").asString();
        assertThat(secondId).isNotBlank().isNotEqualTo(firstId);
        assertThat(redirected.path("links").path("redirectedTo").asString()).isEqualTo("/api/referrals/" + secondId);

        // dr-martin follows the whole story on his referral...
        JsonNode story = json(get("/api/referrals/" + firstId, token("dr-martin")));
        assertThat(story.path("status").asString()).isEqualTo("REDIRECTED");
        assertThat(story.path("history").size()).isEqualTo(2);
        JsonNode step1 = story.path("history").get(0);
        JsonNode step2 = story.path("history").get(1);
        assertThat(step1.path("action").asString()).isEqualTo("SUBMITTED");
        assertThat(step1.path("actor").asString()).isEqualTo(DemoUsers.DR_MARTIN_ID.toString());
        assertThat(step2.path("action").asString()).isEqualTo("REDIRECTED");
        assertThat(step2.path("status").asString()).isEqualTo("REDIRECTED");
        assertThat(step2.path("reasonCode").asString()).isEqualTo("NO_CAPACITY");
        assertThat(step2.path("comment").asString()).isEqualTo("CMP complet jusqu'en mars");
        assertThat(step2.path("actorName").asString()).isEqualTo("service-account-partner-epsm");
        assertThat(step2.path("actorInstitution").asString()).isEqualTo("epsm-bievre");
        assertThat(step2.path("linkedReferralId").asString()).isEqualTo(secondId);
        assertThat(Instant.parse(step2.path("at").asString())).isAfterOrEqualTo(submittedAt);

        // ... and on the new one, which is his too.
        JsonNode second = json(get("/api/referrals/" + secondId, token("dr-martin")));
        assertThat(second.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(second.path("redirectedFrom").asString()).isEqualTo(firstId);
        assertThat(second.path("links").path("redirectedFrom").asString()).isEqualTo("/api/referrals/" + firstId);
        assertThat(second.path("personRef").asString()).isEqualTo(personRef);
        assertThat(second.path("resourceId").asString()).isEqualTo(cattp);
        assertThat(second.path("reason").asString()).isEqualTo(reason);
        assertThat(second.path("referrer").path("id").asString()).isEqualTo(DemoUsers.DR_MARTIN_ID.toString());
        assertThat(second.path("history").get(0).path("linkedReferralId").asString())
                .isEqualTo(firstId);
        assertThat(elements(json(get("/api/referrals?mine=true&size=100", token("dr-martin")))
                                .path("items"))
                        .map(item -> item.path("id").asString()))
                .contains(firstId, secondId);

        // The receiving side takes the new one to its end.
        stepOk(secondId, "acceptance", "partner-epsm", null);
        Instant contact = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JsonNode inProgress = stepOk(secondId, "first-contact", "partner-epsm", Map.of("at", contact.toString()));
        assertThat(inProgress.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(inProgress.path("businessStatus").asString()).isEqualTo("FIRST_CONTACT_MADE");
        stepOk(secondId, "completion", "partner-epsm", Map.of("outcome", "Suivi au CATTP deux fois par semaine"));

        JsonNode end = json(get("/api/referrals/" + secondId, token("dr-martin")));
        assertThat(end.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(end.path("outcome").asString()).isEqualTo("Suivi au CATTP deux fois par semaine");
        assertThat(elements(end.path("history"))
                        .map(entry -> entry.path("action").asString()))
                .containsExactly("SUBMITTED", "ACCEPTED", "FIRST_CONTACT_MADE", "COMPLETED");
        assertThat(Instant.parse(end.path("firstContactAt").asString())).isEqualTo(contact);

        // The care team: the referrer and the receiving institution, for both referrals.
        verify(careTeams)
                .add(
                        eq(personRef),
                        eq(new CareTeamMember(
                                DemoUsers.DR_MARTIN_ID.toString(),
                                "msp-bievre",
                                CareTeamRole.REFERRER,
                                "referral:" + firstId)),
                        eq("bievre"),
                        any());
        verify(careTeams)
                .add(
                        eq(personRef),
                        eq(new CareTeamMember(
                                null, "epsm-bievre", CareTeamRole.TARGET_INSTITUTION, "referral:" + secondId)),
                        eq("bievre"),
                        any());
        // The consents: one for each target, recorded with the referral and with the redirection.
        assertThat(consents.covering(personRef, cmp, "other-institution", Instant.now()))
                .hasValueSatisfying(consent -> assertThat(consent.purpose()).isEqualTo(ConsentPurpose.REFERRAL));
        assertThat(consents.covering(personRef, cattp, "other-institution", Instant.now()))
                .hasValueSatisfying(consent -> assertThat(consent.id())
                        .isEqualTo(second.path("consent").path("consentId").asString()));

        // Both sides learn it all on Kafka, pseudonymously.
        awaitPublished(firstId);
        awaitPublished(secondId);
        List<JsonNode> firstEvents = eventsOf(firstId);
        List<JsonNode> secondEvents = eventsOf(secondId);
        assertThat(firstEvents.stream()
                        .map(event -> event.path("type").asString())
                        .distinct())
                .containsExactly(PREFIX + "submitted.v1", PREFIX + "redirected.v1");
        assertThat(secondEvents.stream()
                        .map(event -> event.path("type").asString())
                        .distinct())
                .containsExactly(
                        PREFIX + "submitted.v1",
                        PREFIX + "accepted.v1",
                        PREFIX + "first-contact-made.v1",
                        PREFIX + "completed.v1");
        JsonNode redirectedEvent =
                distinctEventsOf(firstId, PREFIX + "redirected.v1").getFirst();
        assertThat(redirectedEvent.path("data").path("reasonCode").asString()).isEqualTo("NO_CAPACITY");
        assertThat(redirectedEvent.path("data").path("toReferralId").asString()).isEqualTo(secondId);
        assertThat(redirectedEvent.path("data").path("toResourceId").asString()).isEqualTo(cattp);
        assertThat(distinctEventsOf(secondId, PREFIX + "submitted.v1")
                        .getFirst()
                        .path("data")
                        .path("redirectedFrom")
                        .asString())
                .isEqualTo(firstId);
        for (JsonNode event : concat(firstEvents, secondEvents)) {
            assertThat(event.path("audience").asString()).isEqualTo("epsm-bievre msp-bievre");
            assertThat(event.path("territory").asString()).isEqualTo("bievre");
            assertThat(event.path("data").path("personRef").asString()).isEqualTo(personRef);
            assertThat(event.toString())
                    .doesNotContain(familyName, reason, "CMP complet", "deux fois par semaine", "1991-03-04");
            assertThat(EventSchemas.violations(
                            event.path("type").asString(), event.path("data").toString()))
                    .isEmpty();
        }
    }

    @Test
    void aDeclineReachesTheReferrerWithItsReasonAndTheTopicWithItsCodeOnly() {
        String cmp = registerResource("CMP", "epsm-bievre");
        String id = refer("dr-martin", cmp).path("id").asString();

        JsonNode declined = stepOk(
                id,
                "decline",
                "partner-epsm",
                Map.of("reason", "OTHER", "comment", "Relève d'une équipe mobile, pas d'un CMP"));

        assertThat(declined.path("status").asString()).isEqualTo("DECLINED");
        JsonNode seen = json(get("/api/referrals/" + id, token("dr-martin")));
        JsonNode last = seen.path("history").get(seen.path("history").size() - 1);
        assertThat(last.path("reasonCode").asString()).isEqualTo("OTHER");
        assertThat(last.path("comment").asString()).isEqualTo("Relève d'une équipe mobile, pas d'un CMP");
        assertThat(seen.path("closedAt").isMissingNode()
                        || seen.path("closedAt").isNull())
                .isFalse();
        awaitPublished(id);
        JsonNode event = distinctEventsOf(id, PREFIX + "declined.v1").getFirst();
        assertThat(event.path("data").path("reasonCode").asString()).isEqualTo("OTHER");
        assertThat(event.toString()).doesNotContain("équipe mobile");
    }

    @Test
    void theReferrerCancelsAndTheTargetLearnsIt() {
        String cmp = registerResource("CMP", "epsm-bievre");
        String id = refer("dr-martin", cmp).path("id").asString();
        stepOk(id, "acceptance", "coord-bievre", null);

        JsonNode cancelled = stepOk(id, "cancellation", "dr-martin", Map.of("reason", "Hospitalisée entre-temps"));

        assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
        awaitPublished(id);
        JsonNode event = distinctEventsOf(id, PREFIX + "cancelled.v1").getFirst();
        assertThat(event.path("audience").asString()).isEqualTo("epsm-bievre msp-bievre");
        assertThat(event.toString()).doesNotContain("Hospitalisée");
    }

    @Test
    void aPersonOfTheRegistryIsReferredByPersonRefUnderTheConsentOnRecord() {
        String cmp = registerResource("CMP", "epsm-bievre");
        String hdj = registerResource("HDJ", "epsm-bievre");
        String gem = registerResource("GEM", "lieu-dit");
        String personRef = refer("dr-martin", cmp).path("personRef").asString();
        ConsentRecord onRecord = consents.record(
                personRef,
                new ConsentRequest(ConsentPurpose.REFERRAL, Set.of("lieu-dit"), Set.of()),
                new Recorder(DemoUsers.COORD_BIEVRE_ID.toString(), "cpts-bievre"),
                Instant.now().minusSeconds(60));

        // The consent given with the first referral covers epsm-bievre, so its HDJ too.
        HttpResponse<String> toHdj = post("/api/referrals", token("coord-bievre"), json(byPersonRef(personRef, hdj)));
        Map<String, Object> toGem = byPersonRef(personRef, gem);
        toGem.put("consent", Map.of("consentId", onRecord.id()));
        HttpResponse<String> byConsentId = post("/api/referrals", token("coord-bievre"), json(toGem));

        assertThat(toHdj.statusCode()).as(toHdj.body()).isEqualTo(201);
        assertThat(json(toHdj).path("personRef").asString()).isEqualTo(personRef);
        assertThat(json(toHdj).path("consent").path("recordedWithReferral").asBoolean())
                .isFalse();
        assertThat(byConsentId.statusCode()).as(byConsentId.body()).isEqualTo(201);
        assertThat(json(byConsentId).path("consent").path("consentId").asString())
                .isEqualTo(onRecord.id());
    }

    @Test
    void aPersonRefWithoutACoveringConsentIsRefusedAndNothingIsWritten() {
        String cmp = registerResource("CMP", "epsm-bievre");
        String elsewhere = registerResource("GEM", "lieu-dit");
        String personRef = refer("dr-martin", cmp).path("personRef").asString();
        long referrals = count("referrals");
        long consentsBefore = count("consents");

        HttpResponse<String> refused =
                post("/api/referrals", token("dr-martin"), json(byPersonRef(personRef, elsewhere)));
        HttpResponse<String> unknownPerson = post(
                "/api/referrals",
                token("dr-martin"),
                json(byPersonRef(UUID.randomUUID().toString(), cmp)));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).path("type").asString()).isEqualTo("urn:maillage:problem:consent-required");
        assertThat(unknownPerson.statusCode()).isEqualTo(422);
        assertThat(count("referrals")).isEqualTo(referrals);
        assertThat(count("consents")).isEqualTo(consentsBefore);
    }

    @Test
    void eachSideListsItsOwnReferralsPageByPage() {
        String cmp = registerResource("CMP", "epsm-bievre");
        String byDoctor = refer("dr-martin", cmp).path("id").asString();
        String byEpsm = refer("partner-epsm", registerWorkshop()).path("id").asString();
        String byOtherEpsmSystem = post(
                        "/api/referrals",
                        TestTokens.client("epsm-dpi")
                                .roles("partner")
                                .institution("epsm-bievre")
                                .territories("bievre")
                                .token(),
                        json(freshReferral(registerWorkshop(), "ROUTINE")))
                .body();
        String byOtherEpsmSystemId = JSON.readTree(byOtherEpsmSystem).path("id").asString();
        stepOk(byDoctor, "acceptance", "partner-epsm", null);

        List<String> drMartinsOwn = ids("/api/referrals?mine=true&size=100", "dr-martin");
        List<String> epsmsOwn = ids("/api/referrals?mine=true&size=100", "partner-epsm");
        List<String> epsmsIncoming = ids("/api/referrals?incoming=true&size=100", "partner-epsm");
        List<String> acceptedInBievre = ids("/api/referrals?territory=bievre&status=ACCEPTED&size=100", "coord-bievre");

        assertThat(drMartinsOwn).contains(byDoctor).doesNotContain(byEpsm, byOtherEpsmSystemId);
        assertThat(epsmsOwn).contains(byEpsm, byOtherEpsmSystemId).doesNotContain(byDoctor);
        assertThat(epsmsIncoming).contains(byDoctor).doesNotContain(byEpsm);
        assertThat(acceptedInBievre).contains(byDoctor).doesNotContain(byEpsm);
        assertThat(ids("/api/referrals?mine=true&size=100", "ide-bernard")).doesNotContain(byDoctor);
        assertThat(ids("/api/referrals?incoming=true&size=100", "partner-dac")).doesNotContain(byDoctor, byEpsm);

        JsonNode page0 = json(get("/api/referrals?mine=true&page=0&size=1", token("partner-epsm")));
        JsonNode page1 = json(get("/api/referrals?mine=true&page=1&size=1", token("partner-epsm")));
        assertThat(page0.path("size").asInt()).isEqualTo(1);
        assertThat(page0.path("totalItems").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page0.path("items").size()).isEqualTo(1);
        assertThat(page1.path("page").asInt()).isEqualTo(1);
        assertThat(page1.path("items").get(0).path("id").asString())
                .isNotEqualTo(page0.path("items").get(0).path("id").asString());
        // Newest first.
        assertThat(Instant.parse(page0.path("items").get(0).path("submittedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(
                        page1.path("items").get(0).path("submittedAt").asString()));
        // Every referral listed has its history, as on its own page.
        assertThat(json(get("/api/referrals?mine=true&size=100", token("dr-martin")))
                        .path("items")
                        .get(0)
                        .path("history")
                        .isArray())
                .isTrue();
    }

    @Test
    void aWorkshopEnrolmentAfterTheFirstContactStillClosesTheLoop() {
        String id = refer("dr-martin", registerWorkshop()).path("id").asString();
        stepOk(id, "acceptance", "psy-durand", null);
        stepOk(id, "first-contact", "psy-durand", null);

        playWorkshopEvent(
                UUID.randomUUID().toString(),
                "fr.maillage.workshop.enrolment-confirmed.v1",
                "group-" + id,
                Map.of(
                        "enrolmentId", UUID.randomUUID().toString(),
                        "referralId", id,
                        "confirmedAt", Instant.now().toString()));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "ENROLLED"
                        .equals(json(get("/api/referrals/" + id, token("dr-martin")))
                                .path("businessStatus")
                                .asString()));
        assertThat(statusOf(id)).isEqualTo("IN_PROGRESS");
    }

    private List<String> ids(String path, String who) {
        HttpResponse<String> response = get(path, token(who));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return elements(json(response).path("items"))
                .map(item -> item.path("id").asString())
                .toList();
    }

    private static Map<String, Object> byPersonRef(String personRef, String resourceId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("person", Map.of("personRef", personRef));
        body.put("resourceId", resourceId);
        body.put("priority", "ROUTINE");
        body.put("reason", "suivi " + UUID.randomUUID());
        return body;
    }

    private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
