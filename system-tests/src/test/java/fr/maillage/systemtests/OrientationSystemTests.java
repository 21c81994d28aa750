package fr.maillage.systemtests;

import static fr.maillage.systemtests.support.Api.ifMatch;
import static fr.maillage.systemtests.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.systemtests.support.Api;
import fr.maillage.systemtests.support.RunningPlatform;
import fr.maillage.systemtests.support.Tokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Orientation (issue 4) through the gateway with real tokens: {@code coord-bievre} publishes two
 * resources of {@code epsm-bievre}, {@code dr-martin} finds the CMP for a 34-year-old of 38260 and
 * refers with consent, {@code partner-epsm} redirects the referral for lack of capacity to the other
 * resource, and {@code dr-martin} follows the story; other institutions see none of it, identities
 * are read only by the care team's side with a reason, and every read lands in the access log.
 */
@Order(11)
@ExtendWith(RunningPlatform.class)
class OrientationSystemTests {

    private static final String RESOURCES = "/api/resources";
    private static final String REFERRALS = "/api/referrals";
    private static final String PERSONS = "/api/persons";
    private static final String EPSM = "epsm-bievre";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Api API = new Api(RunningPlatform.gateway());

    /** The redirected referral and its resources, shared by the tests that look at it. */
    private static Story story;

    // ---- the directory ----

    @Test
    void drMartinFindsTheCmpForAThirtyFourYearOldIn38260() {
        Story done = story();

        Api.Response found = search("type=CMP&commune=38260&age=34", "dr-martin");

        JsonNode cmp = itemWithId(found, done.cmp());
        assertThat(cmp).as(found.toString()).isNotNull();
        assertThat(cmp.path("institution").asString()).isEqualTo(EPSM);
        assertThat(cmp.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(cmp.path("stale").asBoolean(true))
                .as("just created, so just verified: " + cmp)
                .isFalse();
        assertThat(items(found))
                .allSatisfy(item -> assertThat(item.path("type").asString()).isEqualTo("CMP"))
                .allSatisfy(item -> assertThat(strings(item.path("communes"))).contains("38260"));
    }

    @Test
    void theDirectoryFiltersCombineOnTypeCommuneAndAgeWithAMissingAgeBoundLeftOpen() {
        Story done = story();

        assertThat(ids(search("type=CMP&commune=38260&age=16", "dr-martin")))
                .as("under the CMP's minimum age")
                .doesNotContain(done.cmp());
        assertThat(ids(search("type=CMP&commune=38260&age=70", "dr-martin")))
                .as("over the CMP's maximum age")
                .doesNotContain(done.cmp());
        assertThat(ids(search("type=CMP&commune=69123&age=34", "dr-martin")))
                .as("a commune the CMP does not serve")
                .doesNotContain(done.cmp());
        assertThat(ids(search("type=CATTP&commune=38260&age=34", "dr-martin")))
                .as("another type")
                .contains(done.cattp())
                .doesNotContain(done.cmp());
        assertThat(ids(search("type=CATTP&commune=38260&age=90", "dr-martin")))
                .as("the CATTP has no maximum age")
                .contains(done.cattp());
    }

    @Test
    void keywordSearchIgnoresCaseAndAccentsAndNeedsEveryWord() {
        Story done = story();

        // The CMP's name is "Centre médico-psychologique adultes Côte-Saint-André <marker>".
        assertThat(ids(search(
                        "q="
                                + encode("MEDICO psychologique cote "
                                        + done.marker().toUpperCase()),
                        "dr-martin")))
                .contains(done.cmp())
                .doesNotContain(done.cattp());
        assertThat(ids(search("q=" + encode(done.marker()), "partner-epsm")))
                .containsExactlyInAnyOrder(done.cmp(), done.cattp());
        assertThat(ids(search("q=" + encode("psychologique " + done.marker() + " zzzznotaword"), "dr-martin")))
                .isEmpty();
    }

    @Test
    void aPartnerOfTheInstitutionUpdatesCapacityAndAFullResourceLeavesTheAvailableOnlySearch() {
        String marker = marker();
        Api.Response created =
                createResource(resourceBody("Hôpital de jour Rives " + marker, "HDJ", List.of("38140"), 18, null));
        String id = created.text("id");

        Api.Response full = API.put(
                RESOURCES + "/" + id + "/capacity",
                Tokens.of("partner-epsm"),
                json("available", 0, "maximum", 12),
                ifMatch(created.etag()));
        assertThat(full.status()).as(full.toString()).isEqualTo(200);
        JsonNode capacity =
                API.get(RESOURCES + "/" + id, Tokens.of("dr-martin")).json().path("capacity");
        assertThat(capacity.path("available").asInt(-1)).as(capacity.toString()).isZero();
        assertThat(capacity.path("maximum").asInt()).isEqualTo(12);
        assertThat(capacity.path("updatedAt").asString()).isNotBlank();
        assertThat(ids(search("q=" + marker + "&available=true", "dr-martin"))).doesNotContain(id);
        assertThat(ids(search("q=" + marker, "dr-martin"))).containsExactly(id);

        Api.Response placeAgain = API.put(
                RESOURCES + "/" + id + "/capacity",
                Tokens.of("partner-epsm"),
                json("available", 2, "maximum", 12),
                ifMatch(full.etag()));
        assertThat(placeAgain.status()).as(placeAgain.toString()).isEqualTo(200);
        assertThat(ids(search("q=" + marker + "&available=true", "dr-martin"))).containsExactly(id);
    }

    @Test
    void aResourceUpdateNeedsTheCurrentIfMatchAndAStaleOneChangesNothing() {
        String marker = marker();
        Map<String, Object> body = resourceBody("GEM Les Mésanges " + marker, "GEM", List.of("38260"), 18, null);
        Api.Response created = createResource(body);
        String path = RESOURCES + "/" + created.text("id");
        String firstVersion = created.etag();
        assertThat(firstVersion).as(created.toString()).isNotBlank();

        Api.Response withoutIfMatch =
                API.put(path, Tokens.of("coord-bievre"), update(body, "name", "GEM sans version " + marker), Map.of());
        assertThat(withoutIfMatch.status()).as(withoutIfMatch.toString()).isEqualTo(428);
        assertThat(withoutIfMatch.isProblem()).isTrue();

        Api.Response renamed = API.put(
                path,
                Tokens.of("coord-bievre"),
                update(body, "name", "GEM Les Mésanges bleues " + marker),
                ifMatch(firstVersion));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.etag()).isNotBlank().isNotEqualTo(firstVersion);

        Api.Response stale = API.put(
                path, Tokens.of("coord-bievre"), update(body, "name", "GEM écrasé " + marker), ifMatch(firstVersion));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(stale.isProblem()).isTrue();

        Api.Response current = API.get(path, Tokens.of("coord-bievre"));
        assertThat(current.text("name")).isEqualTo("GEM Les Mésanges bleues " + marker);
        assertThat(current.etag()).isEqualTo(renamed.etag());
    }

    @Test
    void anInactiveResourceTakesNoReferralAndLeavesTheDefaultSearch() {
        String marker = marker();
        Map<String, Object> body = resourceBody("CATTP Le Tilleul " + marker, "CATTP", List.of("38260"), 18, null);
        Api.Response created = createResource(body);
        String id = created.text("id");

        Api.Response closed = API.put(
                RESOURCES + "/" + id,
                Tokens.of("coord-bievre"),
                update(body, "status", "INACTIVE"),
                ifMatch(created.etag()));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.text("status")).isEqualTo("INACTIVE");

        long before = myReferrals("dr-martin");
        Api.Response refused =
                API.post(REFERRALS, Tokens.of("dr-martin"), referralBody(id, new Person(marker), "ROUTINE"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains("resource-inactive");
        assertThat(myReferrals("dr-martin")).isEqualTo(before);

        assertThat(ids(search("q=" + marker, "dr-martin"))).doesNotContain(id);
        assertThat(ids(search("q=" + marker + "&status=INACTIVE", "dr-martin"))).containsExactly(id);
    }

    // ---- the referral, redirected, followed by its referrer ----

    @Test
    void aReferralRedirectedForLackOfCapacityShowsItsDatedHistoryAndLinkToItsReferrer() {
        Story done = story();
        String partner = Tokens.claims(Tokens.of("partner-epsm")).path("sub").asString();

        Api.Response original = API.get(REFERRALS + "/" + done.referral(), Tokens.of("dr-martin"));

        assertThat(original.status()).as(original.toString()).isEqualTo(200);
        JsonNode view = original.json();
        assertThat(view.path("status").asString()).isEqualTo("REDIRECTED");
        assertThat(view.path("resourceId").asString()).isEqualTo(done.cmp());
        assertThat(view.path("redirectedTo").asString()).isEqualTo(done.redirected());
        List<JsonNode> history = view.path("history").valueStream().toList();
        assertThat(history.stream().map(entry -> entry.path("status").asString()))
                .as(original.toString())
                .containsSubsequence("SUBMITTED", "REDIRECTED")
                .doesNotContain("ACCEPTED", "DECLINED");
        JsonNode submitted = history.getFirst();
        JsonNode redirected = history.getLast();
        assertThat(redirected.path("status").asString()).isEqualTo("REDIRECTED");
        assertThat(redirected.toString()).as("the reason code of the step").contains("\"NO_CAPACITY\"");
        assertThat(redirected.path("actor").asString()).as("who redirected").isEqualTo(partner);
        assertThat(Instant.parse(redirected.path("at").asString()))
                .isAfterOrEqualTo(Instant.parse(submitted.path("at").asString()));
    }

    @Test
    void theReferralARedirectionCreatesIsSubmittedToTheOtherResourceAndLinkedBack() {
        Story done = story();

        Api.Response created = API.get(REFERRALS + "/" + done.redirected(), Tokens.of("dr-martin"));

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode view = created.json();
        assertThat(view.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(view.path("resourceId").asString()).isEqualTo(done.cattp());
        assertThat(view.path("personRef").asString()).isEqualTo(done.personRef());
        assertThat(view.path("redirectedFrom").asString()).isEqualTo(done.referral());
        assertThat(view.path("history").path(0).path("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void theReferrerFindsBothReferralsOfTheStoryAmongHisOwn() {
        Story done = story();

        Api.Response mine = API.get(REFERRALS + "?mine=true&size=50", Tokens.of("dr-martin"));

        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(itemWithId(mine, done.referral())).as(mine.toString()).isNotNull();
        assertThat(itemWithId(mine, done.referral()).path("status").asString()).isEqualTo("REDIRECTED");
        assertThat(itemWithId(mine, done.redirected())).as(mine.toString()).isNotNull();
        assertThat(itemWithId(mine, done.redirected()).path("status").asString())
                .isEqualTo("SUBMITTED");
    }

    @Test
    void theTargetInstitutionFindsTheNewReferralAmongItsIncomingOnes() {
        Story done = story();

        Api.Response incoming = API.get(REFERRALS + "?incoming=true&size=50", Tokens.of("partner-epsm"));

        assertThat(incoming.status()).as(incoming.toString()).isEqualTo(200);
        assertThat(ids(incoming)).contains(done.redirected());
    }

    @Test
    void anotherInstitutionsPartnerSeesNeitherReferralNorThePerson() {
        Story done = story();
        String dac = Tokens.of("partner-dac");

        for (String referral : List.of(done.referral(), done.redirected())) {
            Api.Response hidden = API.get(REFERRALS + "/" + referral, dac);
            assertThat(hidden.status()).as(hidden.toString()).isEqualTo(404);
            assertThat(hidden.isProblem()).isTrue();
            assertThat(hidden.body()).doesNotContain(done.personRef()).doesNotContain(done.cmp());
        }
        assertThat(ids(API.get(REFERRALS + "?incoming=true&size=50", dac)))
                .doesNotContain(done.referral(), done.redirected());
        assertThat(ids(API.get(REFERRALS + "?mine=true&size=50", dac)))
                .doesNotContain(done.referral(), done.redirected());
        Api.Response person = readIdentity(done.personRef(), "partner-dac", "Checking a shared file " + done.marker());
        assertThat(person.status()).as(person.toString()).isEqualTo(404);
        assertThat(person.body()).doesNotContain(done.person().familyName());
    }

    // ---- the person registry ----

    @Test
    void steeringCannotReadTheReferredPersonsIdentity() {
        Story done = story();

        Api.Response refused = readIdentity(done.personRef(), "copil-bievre", "Territory indicators " + done.marker());

        assertThat(refused.status()).as(refused.toString()).isIn(403, 404);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body())
                .doesNotContain(done.person().familyName())
                .doesNotContain(done.person().birthDate().toString());
    }

    @Test
    void readingAnIdentityWithoutAReasonIsRefused() {
        Story done = story();

        Api.Response refused = API.get(PERSONS + "/" + done.personRef(), Tokens.of("coord-bievre"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body())
                .contains("access-reason-required")
                .doesNotContain(done.person().familyName());
    }

    @Test
    void theTerritorysCoordinatorReadsTheIdentityWithAReasonAndTheAdminSeesEveryReadInTheAccessLog() {
        Story done = story();
        String refusedReason = "Looking for a patient file " + done.marker();
        String grantedReason = "Preparing the first appointment " + done.marker();

        assertThat(readIdentity(done.personRef(), "partner-dac", refusedReason).status())
                .isEqualTo(404);
        Api.Response identity = readIdentity(done.personRef(), "coord-bievre", grantedReason);

        assertThat(identity.status()).as(identity.toString()).isEqualTo(200);
        assertThat(identity.body())
                .contains(done.person().familyName())
                .contains(done.person().givenName())
                .contains(done.person().birthDate().toString());

        Api.Response log = API.get(PERSONS + "/" + done.personRef() + "/access-log?size=50", Tokens.of("admin"));
        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        List<JsonNode> entries = items(log);
        int granted = indexOfReason(entries, grantedReason);
        int refused = indexOfReason(entries, refusedReason);
        assertThat(granted).as(log.toString()).isNotNegative();
        assertThat(refused).as(log.toString()).isNotNegative();
        assertThat(granted).as("newest first").isLessThan(refused);
        assertThat(entries.get(granted).path("username").asString()).isEqualTo("coord-bievre");
        assertThat(entries.get(granted).path("granted").asBoolean()).isTrue();
        assertThat(entries.get(granted).path("at").asString()).isNotBlank();
        assertThat(entries.get(refused).path("username").asString()).isEqualTo("service-account-partner-dac");
        assertThat(entries.get(refused).path("granted").asBoolean(true)).isFalse();
        assertThat(log.body()).doesNotContain(done.person().familyName());
    }

    @Test
    void onlyAnAdminReadsTheAccessLog() {
        Story done = story();

        for (String notAdmin : List.of("coord-bievre", "dr-martin")) {
            Api.Response refused = API.get(PERSONS + "/" + done.personRef() + "/access-log", Tokens.of(notAdmin));
            assertThat(refused.status()).as(notAdmin + ": " + refused).isIn(403, 404);
            assertThat(refused.isProblem()).isTrue();
        }
    }

    // ---- events ----

    @Test
    void theStorysEventsNameTheRedirectionAndCarryNoIdentityReasonOrComment() {
        Story done = story();

        List<JsonNode> events = eventsOfTheStory(done);

        assertThat(events)
                .filteredOn(e -> type(e).equals("fr.maillage.referral.redirected.v1"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.path("data").path("reasonCode").asString())
                            .as(e.toString())
                            .isEqualTo("NO_CAPACITY");
                    assertThat(e.path("data").path("toReferralId").asString()).isEqualTo(done.redirected());
                    assertThat(e.path("data").path("toResourceId").asString()).isEqualTo(done.cattp());
                });
        assertThat(events.stream().map(OrientationSystemTests::type))
                .contains("fr.maillage.referral.submitted.v1", "fr.maillage.referral.consent-recorded.v1");
        assertThat(events.stream().map(JsonNode::toString))
                .noneMatch(e -> e.contains(done.person().familyName()))
                .noneMatch(e -> e.contains(done.person().givenName()))
                .noneMatch(e -> e.contains(done.person().birthDate().toString()))
                .noneMatch(e -> e.contains(done.reason()))
                .noneMatch(e -> e.contains(done.comment()));
    }

    // ---- bad input: a 4xx problem, and nothing written ----

    @Test
    void aBirthDateInTheFutureIsRefusedAndNothingIsWritten() {
        Story done = story();
        long before = myReferrals("dr-martin");
        Person unborn = new Person("Avenir" + marker(), "Lou", LocalDate.now().plusYears(1));

        Api.Response refused = API.post(REFERRALS, Tokens.of("dr-martin"), referralBody(done.cmp(), unborn, "ROUTINE"));

        assertThat(refused.status()).as(refused.toString()).isIn(400, 422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains("birthDate");
        assertThat(myReferrals("dr-martin")).isEqualTo(before);
    }

    @Test
    void aReferralToAnUnknownResourceIsRefusedAndNeitherTheReferralNorThePersonIsWritten() {
        long before = myReferrals("dr-martin");
        Person person = new Person(marker());

        Api.Response refused = API.post(
                REFERRALS, Tokens.of("dr-martin"), referralBody("no-such-resource-" + marker(), person, "ROUTINE"));

        // The contract does not name this case; referral-service answered 422 unknown-resource before issue 4.
        assertThat(refused.status()).as(refused.toString()).isIn(404, 422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(myReferrals("dr-martin")).isEqualTo(before);
        assertNotRegistered(person);
    }

    @Test
    void aReferralWithoutConsentIsRefusedAndNeitherTheReferralNorThePersonIsWritten() {
        Story done = story();
        long before = myReferrals("dr-martin");
        Person person = new Person(marker());
        Map<String, Object> body = referralBody(done.cmp(), person, "URGENT");
        body.remove("consent");

        Api.Response refused = API.post(REFERRALS, Tokens.of("dr-martin"), body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains("consent-required");
        assertThat(myReferrals("dr-martin")).isEqualTo(before);
        assertNotRegistered(person);
    }

    @Test
    void aStaleIfMatchOnAReferralIsRefusedAndTheReferralIsUnchanged() {
        Story done = story();
        Api.Response submitted =
                API.post(REFERRALS, Tokens.of("dr-martin"), referralBody(done.cmp(), new Person(marker()), "ROUTINE"));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String path = REFERRALS + "/" + submitted.text("id");
        Api.Response accepted = API.post(path + "/acceptance", Tokens.of("coord-bievre"), Map.of());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(submitted.etag()).isNotBlank().isNotEqualTo(accepted.etag());
        int steps = accepted.json().path("history").size();

        Api.Response stale = API.post(
                path + "/first-contact",
                Tokens.of("coord-bievre"),
                json("at", Instant.now().toString()),
                ifMatch(submitted.etag()));

        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(stale.isProblem()).isTrue();
        Api.Response unchanged = API.get(path, Tokens.of("dr-martin"));
        assertThat(unchanged.text("status")).isEqualTo("ACCEPTED");
        assertThat(unchanged.text("businessStatus")).isNotEqualTo("FIRST_CONTACT_MADE");
        assertThat(unchanged.json().path("history").size()).isEqualTo(steps);
        assertThat(unchanged.etag()).isEqualTo(accepted.etag());

        // The same step with the current version goes through: the refusal was about the version only.
        Api.Response current = API.post(
                path + "/first-contact",
                Tokens.of("coord-bievre"),
                json("at", Instant.now().toString()),
                ifMatch(unchanged.etag()));
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        assertThat(current.text("status")).isEqualTo("IN_PROGRESS");
        assertThat(current.text("businessStatus")).isEqualTo("FIRST_CONTACT_MADE");
    }

    @Test
    void malformedJsonIsRefusedWithABadRequestProblemAndNothingIsWritten() {
        long referrals = myReferrals("dr-martin");
        long resources = activeResources();

        Api.Response referral =
                API.post(REFERRALS, Tokens.of("dr-martin"), "{\"person\": {\"familyName\": \"Leroy\", \"given");
        Api.Response resource = API.post(RESOURCES, Tokens.of("coord-bievre"), "{\"name\": \"CMP\", \"type\": CMP}");

        for (Api.Response refused : List.of(referral, resource)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.isProblem()).as(refused.toString()).isTrue();
        }
        assertThat(myReferrals("dr-martin")).isEqualTo(referrals);
        assertThat(activeResources()).isEqualTo(resources);
    }

    // ---- the story, once per test JVM ----

    /** The story once per test JVM (again if an earlier attempt failed), for the tests that look at it. */
    private static synchronized Story story() {
        if (story == null) {
            story = tellStory();
        }
        return story;
    }

    private static Story tellStory() {
        String marker = marker();
        Person person = new Person(marker);
        String reason = "Humeur dépressive depuis six mois, demande un avis spécialisé " + marker;
        String comment = "Plus de place avant trois mois, le CATTP peut le recevoir " + marker;

        // coord-bievre publishes a CMP of epsm-bievre and a second resource of the same institution.
        String cmp = createResource(resourceBody(
                        "Centre médico-psychologique adultes Côte-Saint-André " + marker,
                        "CMP",
                        List.of("38260", "38270"),
                        18,
                        65))
                .text("id");
        String cattp = createResource(
                        resourceBody("CATTP La Passerelle " + marker, "CATTP", List.of("38260", "38270"), 18, null))
                .text("id");

        // dr-martin refers the person to the CMP with their consent.
        Map<String, Object> body = referralBody(cmp, person, "ROUTINE");
        body.put("reason", reason);
        Api.Response referred = API.post(REFERRALS, Tokens.of("dr-martin"), body);
        assertThat(referred.status()).as(referred.toString()).isEqualTo(201);
        assertThat(referred.text("status")).isEqualTo("SUBMITTED");
        String referral = referred.text("id");
        String personRef = referred.text("personRef");
        assertThat(personRef).isNotBlank();

        // partner-epsm, the target institution's system, has no place: it redirects to the CATTP.
        Api.Response redirection = API.post(
                REFERRALS + "/" + referral + "/redirection",
                Tokens.of("partner-epsm"),
                json("resourceId", cattp, "reason", "NO_CAPACITY", "comment", comment, "consent", json("given", true)));
        assertThat(redirection.status()).as(redirection.toString()).isIn(200, 201);

        String redirected =
                API.get(REFERRALS + "/" + referral, Tokens.of("dr-martin")).text("redirectedTo");
        assertThat(redirected).as("the link to the new referral").isNotBlank().isNotEqualTo(referral);
        return new Story(marker, cmp, cattp, referral, redirected, personRef, person, reason, comment);
    }

    private record Story(
            String marker,
            String cmp,
            String cattp,
            String referral,
            String redirected,
            String personRef,
            Person person,
            String reason,
            String comment) {}

    /** A person's identity, unique to one test through its family name. */
    private record Person(String familyName, String givenName, LocalDate birthDate) {

        /** A 34-year-old (the CMP's search) whose family name carries {@code marker}. */
        Person(String marker) {
            this("Delorme" + marker, "Maël", LocalDate.now().minusYears(34).minusDays(45));
        }

        Map<String, Object> json() {
            return Api.json(
                    "familyName",
                    familyName,
                    "givenName",
                    givenName,
                    "birthDate",
                    birthDate.toString(),
                    "commune",
                    "38260");
        }
    }

    // ---- helpers ----

    private static Map<String, Object> resourceBody(
            String name, String type, List<String> communes, Integer minimumAge, Integer maximumAge) {
        return json(
                "name", name,
                "type", type,
                "institution", EPSM,
                "territory", "bievre",
                "communes", communes,
                "minimumAge", minimumAge,
                "maximumAge", maximumAge);
    }

    private static Map<String, Object> update(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new java.util.LinkedHashMap<>(body);
        changed.put("status", "ACTIVE");
        changed.put(field, value);
        return changed;
    }

    private static Api.Response createResource(Map<String, Object> body) {
        Api.Response created = API.post(RESOURCES, Tokens.of("coord-bievre"), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("id")).isNotBlank();
        assertThat(created.etag())
                .as("the version to update it with: " + created)
                .isNotBlank();
        return created;
    }

    private static Map<String, Object> referralBody(String resource, Person person, String priority) {
        return json(
                "person",
                person.json(),
                "resourceId",
                resource,
                "priority",
                priority,
                "reason",
                "Troubles anxieux, demande d'évaluation",
                "consent",
                json("given", true));
    }

    private static Api.Response search(String query, String reader) {
        Api.Response found = API.get(RESOURCES + "?" + query + "&size=50", Tokens.of(reader));
        assertThat(found.status()).as(query + ": " + found).isEqualTo(200);
        return found;
    }

    private static Api.Response readIdentity(String personRef, String reader, String reason) {
        return API.get(PERSONS + "/" + personRef, Tokens.of(reader), Map.of("X-Access-Reason", reason));
    }

    /**
     * Registers {@code person} as dr-martin: a new personRef (201) proves an earlier refused referral
     * left no person behind, and the second registration, a duplicate, proves the check could tell.
     */
    private static void assertNotRegistered(Person person) {
        Map<String, Object> body = person.json();
        body.put("territory", "bievre");

        Api.Response first = API.post(PERSONS, Tokens.of("dr-martin"), body);
        assertThat(first.status()).as("no person was left behind: " + first).isEqualTo(201);
        Api.Response again = API.post(PERSONS, Tokens.of("dr-martin"), body);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("existing").asBoolean()).isTrue();
        assertThat(again.text("personRef")).isEqualTo(first.text("personRef"));
    }

    private static long myReferrals(String referrer) {
        Api.Response mine = API.get(REFERRALS + "?mine=true&size=1", Tokens.of(referrer));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        return mine.json().path("totalItems").asLong();
    }

    private static long activeResources() {
        Api.Response all = API.get(RESOURCES + "?size=1", Tokens.of("coord-bievre"));
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        return all.json().path("totalItems").asLong();
    }

    private static List<JsonNode> items(Api.Response page) {
        return page.json().path("items").valueStream().toList();
    }

    private static List<String> ids(Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return items(page).stream().map(item -> item.path("id").asString()).toList();
    }

    private static JsonNode itemWithId(Api.Response page, String id) {
        return items(page).stream()
                .filter(item -> item.path("id").asString().equals(id))
                .findFirst()
                .orElse(null);
    }

    private static int indexOfReason(List<JsonNode> entries, String reason) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).path("reason").asString().equals(reason)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Letters only, so it is one keyword of a name and a plausible part of a family name. */
    private static String marker() {
        StringBuilder letters = new StringBuilder();
        for (char c :
                UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16)));
        }
        return letters.toString();
    }

    private static String type(JsonNode event) {
        return event.path("type").asString();
    }

    /** The records of {@code referral.events.v1} about the story's referrals or person, once each kind has come. */
    private static List<JsonNode> eventsOfTheStory(Story done) {
        List<JsonNode> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of("referral.events.v1"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    String value = record.value();
                    if (value.contains(done.referral())
                            || value.contains(done.redirected())
                            || value.contains(done.personRef())) {
                        events.add(JSON.readTree(value));
                    }
                }
                // The consent events are keyed by personRef, the referral events by referral id: other
                // partitions, so wait for each kind rather than stop at the first redirection seen.
                List<String> types =
                        events.stream().map(OrientationSystemTests::type).toList();
                return types.contains("fr.maillage.referral.redirected.v1")
                        && types.contains("fr.maillage.referral.submitted.v1")
                        && types.contains("fr.maillage.referral.consent-recorded.v1");
            });
        }
        return events;
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningPlatform.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "system-tests-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }
}
