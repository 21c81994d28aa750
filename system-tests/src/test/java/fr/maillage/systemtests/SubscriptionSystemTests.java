package fr.maillage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.systemtests.support.Api;
import fr.maillage.systemtests.support.RunningPlatform;
import fr.maillage.systemtests.support.Tokens;
import fr.maillage.systemtests.support.TopicReader;
import fr.maillage.systemtests.support.WebhookInbox;
import fr.maillage.systemtests.support.WebhookInbox.Received;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Partner integrators (issue 8) through the gateway with real tokens: the public catalogue, then
 * {@code partner-epsm} and {@code partner-dac} subscribe to referral and alert events with a receiver of
 * their own in this JVM; referral and alert flows run in both territories, and each receiver gets exactly
 * the events whose audience names its institution, signed (checked with the Standard Webhooks library) and
 * numbered without gaps; a paused subscription receives nothing until it resumes, a replay re-sends, the
 * pull feed tells the same story, and a partner cannot see another institution's subscription.
 */
@Order(15)
@ExtendWith(RunningPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubscriptionSystemTests {

    private static final String SUBSCRIPTIONS = "/api/subscriptions";
    private static final String ALERTS = "/api/alerts";
    private static final String REFERRALS = "/api/referrals";
    private static final String RESOURCES = "/api/resources";
    private static final String EPSM = "epsm-bievre";
    private static final String DAC = "dac-lyon";
    private static final List<String> PATTERNS = List.of("fr.maillage.referral.*", "fr.maillage.alert.*");
    /** The gateway allows 20 requests a second per client: polls never come faster than this. */
    private static final Duration POLL = Duration.ofMillis(500);

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    private static final Api API = new Api(RunningPlatform.gateway());

    /** The subscriptions and flows of this class, shared by its tests. */
    private static Scenario scenario;

    @Test
    @Order(1)
    void anIntegratorReadsTheAsyncApiCatalogueOfEveryServicesEventsWithoutAToken() {
        Api.Response response = API.get("/api/events/catalogue", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode catalogue = response.json();
        assertThat(catalogue.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(catalogue.path("channels").propertyNames())
                .contains("referral.events.v1", "alert.events.v1", "workshop.events.v1", "meeting.events.v1");
        JsonNode accepted = catalogue.at("/components/messages/fr.maillage.referral.accepted.v1");
        assertThat(accepted.path("examples").get(0).at("/payload/type").asString())
                .isEqualTo("fr.maillage.referral.accepted.v1");
        assertThat(catalogue.at("/components/schemas/fr.maillage.referral.accepted.v1/properties/data/required"))
                .isNotEmpty();
    }

    @ParameterizedTest
    @Order(1)
    @CsvSource({
        "referral, fr.maillage.referral.accepted.v1",
        "workshop, fr.maillage.workshop.enrolment-confirmed.v1",
        "meeting, fr.maillage.meeting.held.v1",
        "alert, fr.maillage.alert.raised.v1",
        "evaluation, fr.maillage.evaluation.report-published.v1"
    })
    void eachProducersOwnAsyncApiDocumentIsReadThroughTheGatewayWithoutAToken(String service, String oneOfItsTypes) {
        Api.Response response = API.get("/api/events/catalogue/" + service, null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(document.path("channels").propertyNames()).containsExactly(service + ".events.v1");
        assertThat(document.at("/components/messages").propertyNames())
                .contains(oneOfItsTypes)
                .allSatisfy(type -> assertThat(type).startsWith("fr.maillage." + service + "."));
    }

    @Test
    @Order(2)
    void eachPartnersReceiverGetsExactlyTheEventsWhoseAudienceNamesItsInstitutionSignedAndNumberedWithoutGaps() {
        Scenario done = scenario();

        Set<String> epsm = awaitDeliveredExactly(done, done.epsm());
        Set<String> dac = awaitDeliveredExactly(done, done.dac());

        // Both territories' flows produced events, and neither partner got the other's.
        assertThat(typesOf(done, epsm))
                .contains(
                        "fr.maillage.referral.resource-published.v1",
                        "fr.maillage.referral.submitted.v1",
                        "fr.maillage.referral.accepted.v1",
                        "fr.maillage.alert.raised.v1",
                        "fr.maillage.alert.qualified.v1",
                        "fr.maillage.alert.assigned.v1");
        assertThat(typesOf(done, dac))
                .contains("fr.maillage.referral.resource-published.v1", "fr.maillage.alert.raised.v1");
        assertThat(receivedAbout(done.epsm(), done.dacSubjects()))
                .as("dac-lyon's events at epsm")
                .isEmpty();
        assertThat(receivedAbout(done.dac(), done.epsmSubjects()))
                .as("epsm-bievre's events at dac")
                .isEmpty();
        for (Partner partner : List.of(done.epsm(), done.dac())) {
            assertSignedNumberedAndInAudience(partner);
        }
    }

    @Test
    @Order(3)
    void aPausedSubscriptionReceivesNothingItsEventsAreHeldAndSentInOrderAfterResume() {
        Scenario done = scenario();
        Partner epsm = done.epsm();
        awaitDeliveredExactly(done, epsm);
        String epsmAlert = ALERTS + "/" + done.epsmAlert();

        Api.Response paused = API.post(SUBSCRIPTIONS + "/" + epsm.subscriptionId() + "/pause", epsm.token(), Map.of());
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(paused.text("status")).isEqualTo("PAUSED");

        // A step of the epsm alert while paused: the broker has it, the paused subscription's delivery is HELD.
        Api.Response responded = API.post(
                epsmAlert + "/response",
                Tokens.of("coord-bievre"),
                Api.json("actions", List.of("CONTACT_MADE"), "summary", "Rendez-vous CMP proposé."));
        assertThat(responded.status()).as(responded.toString()).isEqualTo(200);
        String whilePaused = awaitEventOnTopic(done, done.epsmAlert(), "fr.maillage.alert.responded.v1");
        JsonNode held = awaitDelivery(epsm, whilePaused, "HELD");
        assertThat(held.path("attempts")).as(held.toString()).isEmpty();

        // A later event reaches the active subscription of partner-dac; the paused one still has nothing.
        Api.Response qualified = API.post(
                ALERTS + "/" + done.dacAlert() + "/qualification",
                Tokens.of("coord-lyon"),
                Api.json("urgency", "E", "responseLevel", "CMP_APPOINTMENT", "rationale", "Avis CMP programmé."));
        assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
        String later = awaitEventOnTopic(done, done.dacAlert(), "fr.maillage.alert.qualified.v1");
        waiting().until(() -> idsOf(done.dac().inbox().events()).contains(later));
        assertThat(idsOf(epsm.inbox().events())).as("received while paused").doesNotContain(whilePaused);

        // Resumed: the held delivery is sent (once, with the number it was given while paused), then new
        // events come again.
        Api.Response resumed =
                API.post(SUBSCRIPTIONS + "/" + epsm.subscriptionId() + "/resume", epsm.token(), Map.of());
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(resumed.text("status")).isEqualTo("ACTIVE");
        waiting().until(() -> idsOf(epsm.inbox().events()).contains(whilePaused));
        JsonNode sent = awaitDelivery(epsm, whilePaused, "DELIVERED");
        assertThat(sent.path("attempts")).as(sent.toString()).hasSize(1);
        assertThat(sent.path("eventNumber").asLong())
                .isEqualTo(held.path("eventNumber").asLong());

        Api.Response fedBack = API.post(
                epsmAlert + "/feedback",
                Tokens.of("coord-bievre"),
                Api.json("message", "Rendez-vous proposé au CMP.", "channel", "PARTNER_API"));
        assertThat(fedBack.status()).as(fedBack.toString()).isEqualTo(200);
        String afterResume = awaitEventOnTopic(done, done.epsmAlert(), "fr.maillage.alert.feedback-sent.v1");
        waiting().until(() -> idsOf(epsm.inbox().events()).contains(afterResume));
        assertSignedNumberedAndInAudience(epsm);
    }

    @Test
    @Order(4)
    void aReplayResendsTheStoredEventsWithTheSameWebhookIdsAndNumbersAndTheDeliveriesListShowsEachAttempt() {
        Scenario done = scenario();
        Partner dac = done.dac();
        Set<String> delivered = awaitDeliveredExactly(done, dac);
        Map<String, Long> numbers = firstNumbers(dac.inbox());
        int before = dac.inbox().events().size();

        Api.Response replay = API.post(
                SUBSCRIPTIONS + "/" + dac.subscriptionId() + "/replay?from=" + encode(done.start()),
                dac.token(),
                Map.of());

        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        assertThat(replay.json().path("replayed").asInt()).isGreaterThanOrEqualTo(delivered.size());
        List<Received> again = waiting()
                .until(
                        () -> {
                            List<Received> all = dac.inbox().events();
                            return all.subList(before, all.size());
                        },
                        resent -> idsOf(resent).containsAll(delivered));
        assertThat(again)
                .filteredOn(request -> delivered.contains(request.webhookId()))
                .allSatisfy(request -> {
                    assertThat(request.event().path("id").asString()).isEqualTo(request.webhookId());
                    assertThat(request.eventNumber()).isEqualTo(numbers.get(request.webhookId()));
                });
        assertSignedNumberedAndInAudience(dac);

        // The service records an attempt once the receiver has answered: the list is read until it shows them.
        waiting().untilAsserted(() -> {
            Api.Response deliveries = API.get(
                    SUBSCRIPTIONS + "/" + dac.subscriptionId() + "/deliveries?status=DELIVERED&size=100", dac.token());
            assertThat(deliveries.status()).as(deliveries.toString()).isEqualTo(200);
            List<JsonNode> ours = deliveries
                    .json()
                    .path("items")
                    .valueStream()
                    .filter(delivery ->
                            delivered.contains(delivery.path("webhookId").asString()))
                    .toList();
            assertThat(ours.stream().map(delivery -> delivery.path("webhookId").asString()))
                    .as(deliveries.toString())
                    .containsExactlyInAnyOrderElementsOf(delivered);
            assertThat(ours).allSatisfy(delivery -> {
                assertThat(delivery.path("eventNumber").asLong())
                        .isEqualTo(numbers.get(delivery.path("webhookId").asString()));
                assertThat(delivery.path("attempts")).as(delivery.toString()).hasSizeGreaterThanOrEqualTo(2);
                assertThat(delivery.path("attempts").valueStream()).allSatisfy(attempt -> {
                    assertThat(attempt.path("statusCode").asInt()).isEqualTo(200);
                    assertThat(attempt.path("outcome").asString()).isEqualTo("DELIVERED");
                    assertThat(attempt.path("latencyMs").isIntegralNumber())
                            .as(attempt.toString())
                            .isTrue();
                    assertThat(attempt.path("latencyMs").asLong()).isBetween(0L, 15_000L);
                });
            });
        });
    }

    @Test
    @Order(5)
    void thePullFeedGivesEachPartnerTheSameEventsAsItsWebhookAndNothingOutsideItsAudience() {
        Scenario done = scenario();

        for (Partner partner : List.of(done.epsm(), done.dac())) {
            Set<String> delivered = awaitDeliveredExactly(done, partner);

            Feed feed = readFeed(partner);

            assertThat(feed.events())
                    .as("every event of %s's feed", partner.client())
                    .allSatisfy(event -> {
                        assertThat(audience(event)).contains(partner.institution());
                        assertThat(event.path("type").asString()).matches("fr\\.maillage\\.(referral|alert)\\..+");
                    });
            List<String> ids = feed.events().stream()
                    .map(event -> event.path("id").asString())
                    .toList();
            assertThat(ids).as("no event twice along the cursor").doesNotHaveDuplicates();
            Set<String> ours = feed.events().stream()
                    .filter(event -> about(event, done.allSubjects()))
                    .map(event -> event.path("id").asString())
                    .collect(Collectors.toSet());
            assertThat(ours).as("%s's feed and webhook", partner.client()).isEqualTo(delivered);

            Api.Response after = API.get(feedPath(feed.next()) + "&wait=PT0S", partner.token());
            assertThat(after.status()).as(after.toString()).isEqualTo(200);
            assertThat(after.json()
                            .path("events")
                            .valueStream()
                            .map(event -> event.path("id").asString()))
                    .as("after the last cursor")
                    .doesNotContainAnyElementsOf(ids);
        }
    }

    @Test
    @Order(6)
    void anotherInstitutionsPartnerGetsNotFoundOnASubscriptionAndStaffAreForbidden() {
        Scenario done = scenario();
        String epsm = SUBSCRIPTIONS + "/" + done.epsm().subscriptionId();
        String dac = Tokens.of("partner-dac");

        for (Api.Response hidden : List.of(
                API.get(epsm, dac),
                API.get(epsm + "/deliveries", dac),
                API.post(epsm + "/pause", dac, Map.of()),
                API.post(epsm + "/replay?from=" + encode(done.start()), dac, Map.of()))) {
            assertThat(hidden.status()).as(hidden.toString()).isEqualTo(404);
            assertThat(hidden.isProblem()).isTrue();
        }
        assertThat(API.get(SUBSCRIPTIONS, dac)
                        .json()
                        .path("items")
                        .valueStream()
                        .map(subscription -> subscription.path("id").asString()))
                .contains(done.dac().subscriptionId())
                .doesNotContain(done.epsm().subscriptionId());

        for (Api.Response forbidden : List.of(
                API.get(epsm, Tokens.of("coord-bievre")),
                API.get(epsm + "/deliveries", Tokens.of("coord-bievre")),
                API.get(SUBSCRIPTIONS, Tokens.of("coord-bievre")))) {
            assertThat(forbidden.status()).as(forbidden.toString()).isEqualTo(403);
            assertThat(forbidden.isProblem()).isTrue();
        }
    }

    /** The receivers stop and their subscriptions go, so later classes' events are not retried at a closed port. */
    @AfterAll
    static void unsubscribe() {
        if (scenario == null) {
            return;
        }
        for (Partner partner : List.of(scenario.epsm(), scenario.dac())) {
            Api.Response deleted = API.delete(SUBSCRIPTIONS + "/" + partner.subscriptionId(), partner.token());
            assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
            partner.inbox().close();
        }
        scenario.topics().close();
    }

    // ---- the scenario ----

    private static synchronized Scenario scenario() {
        if (scenario == null) {
            scenario = runScenario();
        }
        return scenario;
    }

    /**
     * Subscribes both partners, then runs in bievre a referral to an epsm-bievre resource accepted by
     * partner-epsm and an alert of partner-epsm qualified and assigned to an epsm-bievre team, and in
     * lyon-nord a dac-lyon resource and an alert of partner-dac.
     */
    private static Scenario runScenario() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        // Logins first: a scripted PKCE login takes seconds.
        String coordBievre = Tokens.of("coord-bievre");
        String coordLyon = Tokens.of("coord-lyon");
        String clinician = Tokens.of("dr-martin");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);

        Partner epsm = subscribe("partner-epsm", EPSM);
        Partner dac = subscribe("partner-dac", DAC);

        // bievre: an epsm-bievre CMP, a referral to it by dr-martin, accepted by partner-epsm.
        String cmp = created(API.post(
                RESOURCES,
                coordBievre,
                Api.json(
                        "name",
                        "CMP adultes abonnés " + marker,
                        "type",
                        "CMP",
                        "institution",
                        EPSM,
                        "territory",
                        "bievre",
                        "communes",
                        List.of("38260"),
                        "minimumAge",
                        18,
                        "maximumAge",
                        65)));
        Api.Response referred = API.post(
                REFERRALS,
                clinician,
                Api.json(
                        "person",
                        Api.json(
                                "familyName",
                                "Abonne" + marker,
                                "givenName",
                                "Lou",
                                "birthDate",
                                LocalDate.now().minusYears(34).toString(),
                                "commune",
                                "38260"),
                        "resourceId",
                        cmp,
                        "priority",
                        "ROUTINE",
                        "reason",
                        "Troubles anxieux, demande d'évaluation",
                        "consent",
                        Api.json("given", true)));
        String referral = created(referred);
        String personRef = referred.text("personRef");
        Api.Response accepted = API.post(REFERRALS + "/" + referral + "/acceptance", epsm.token(), Map.of());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

        // bievre: partner-epsm's alert, qualified E as suggested (care disruption) and assigned to the CMP of its
        // commune (epsm-bievre).
        String epsmAlert = created(API.post(ALERTS, epsm.token(), alert("bievre", "38130", marker)));
        Api.Response qualified = API.post(
                ALERTS + "/" + epsmAlert + "/qualification",
                coordBievre,
                Api.json("urgency", "E", "responseLevel", "CMP_APPOINTMENT", "rationale", "Avis CMP programmé."));
        assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
        Api.Response assigned = API.post(ALERTS + "/" + epsmAlert + "/assignment", coordBievre, Map.of());
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().path("assignment").path("institution").asString())
                .isEqualTo(EPSM);

        // lyon-nord: a dac-lyon resource and partner-dac's alert.
        String dacResource = created(API.post(
                RESOURCES,
                coordLyon,
                Api.json(
                        "name",
                        "Coordination de parcours abonnés " + marker,
                        "type",
                        "CASE_MANAGEMENT",
                        "institution",
                        DAC,
                        "territory",
                        "lyon-nord",
                        "communes",
                        List.of("69123"),
                        "minimumAge",
                        18)));
        String dacAlert = created(API.post(ALERTS, dac.token(), alert("lyon-nord", "69123", marker)));

        Scenario built = new Scenario(
                start,
                epsm,
                dac,
                Set.of(cmp, referral, personRef, epsmAlert),
                Set.of(dacResource, dacAlert),
                epsmAlert,
                dacAlert,
                new TopicReader("referral.events.v1", "alert.events.v1"));
        awaitDeliveredExactly(built, epsm);
        awaitDeliveredExactly(built, dac);
        return built;
    }

    /** A subscription to referral and alert events with a new receiver: ACTIVE after the handshake. */
    private static Partner subscribe(String client, String institution) {
        WebhookInbox inbox = WebhookInbox.start();
        Api.Response created = API.post(
                SUBSCRIPTIONS,
                Tokens.of(client),
                Api.json(
                        "eventTypes",
                        PATTERNS,
                        "callbackUrl",
                        inbox.url("/maillage/" + client),
                        "description",
                        "System test receiver"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("status")).as(created.toString()).isEqualTo("ACTIVE");
        assertThat(created.text("institution")).isEqualTo(institution);
        String secret = created.text("signingSecret");
        assertThat(secret).startsWith("whsec_");
        inbox.trust(secret);
        String id = created.text("id");
        // The handshake came before the answer: one verification event, about this subscription.
        assertThat(inbox.received()).singleElement().satisfies(handshake -> {
            assertThat(handshake.isVerification()).as(handshake.toString()).isTrue();
            assertThat(handshake.event().path("data").path("subscriptionId").asString())
                    .isEqualTo(id);
        });
        assertThat(inbox.badSignatures()).isEmpty();
        return new Partner(client, institution, inbox, id);
    }

    private static Map<String, Object> alert(String territory, String commune, String marker) {
        return Api.json(
                "channel",
                "PARTNER_API",
                "territory",
                territory,
                "commune",
                commune,
                "emitter",
                Api.json(
                        "kind", "PARTNER_INSTITUTION",
                        "name", "Dr Abonné-" + marker,
                        "organisation", "Service partenaire",
                        "callbackContact", "rappel@partenaire.example",
                        "wantsFeedback", true),
                "subject",
                Api.json("description", "Femme d'environ 50 ans", "approximateAge", 50, "commune", commune),
                "situation",
                "Rupture de suivi, isolement, pas de danger immédiat.",
                "riskFactors",
                List.of("ISOLATION", "CARE_DISRUPTION"),
                "personAware",
                true);
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String id = response.text("id");
        assertThat(id).isNotBlank();
        return id;
    }

    // ---- what the broker, the receivers, the feed and the service say ----

    /**
     * Waits until the partner's receiver got, for this class's subjects, exactly the events of the topics
     * whose type it subscribed to and whose audience names its institution (by CloudEvent id).
     *
     * @return those ids
     */
    private static Set<String> awaitDeliveredExactly(Scenario done, Partner partner) {
        AtomicReference<Set<String>> delivered = new AtomicReference<>();
        waiting().untilAsserted(() -> {
            Set<String> expected = expectedFor(done, partner);
            assertThat(expected)
                    .as("events for %s on the topics", partner.institution())
                    .isNotEmpty();
            assertThat(new HashSet<>(idsOf(receivedAbout(partner, done.allSubjects()))))
                    .as("received by %s", partner.client())
                    .containsExactlyInAnyOrderElementsOf(expected);
            delivered.set(expected);
        });
        return delivered.get();
    }

    /**
     * Awaitility at the gateway's pace; in the test's thread, as the topic reader's Kafka consumer must be
     * used by one thread at a time.
     */
    private static ConditionFactory waiting() {
        return Awaitility.await().atMost(DELIVERY).pollInterval(POLL).pollInSameThread();
    }

    private static Set<String> expectedFor(Scenario done, Partner partner) {
        return done.topics().catchUp().stream()
                .filter(event -> about(event, done.allSubjects()))
                .filter(event -> audience(event).contains(partner.institution()))
                .filter(event -> PATTERNS.stream()
                        .anyMatch(pattern ->
                                event.path("type").asString().startsWith(pattern.substring(0, pattern.length() - 1))))
                .map(event -> event.path("id").asString())
                .collect(Collectors.toSet());
    }

    /** The id of the {@code type} event about {@code subject}, once it is on the topic. */
    private static String awaitEventOnTopic(Scenario done, String subject, String type) {
        return waiting()
                .until(
                        () -> done.topics().catchUp().stream()
                                .filter(event -> event.path("type").asString().equals(type))
                                .filter(event -> about(event, Set.of(subject)))
                                .map(event -> event.path("id").asString())
                                .findFirst()
                                .orElse(null),
                        id -> id != null);
    }

    /** The partner's delivery of an event once it has that status, from {@code GET …/deliveries}. */
    private static JsonNode awaitDelivery(Partner partner, String eventId, String status) {
        return waiting()
                .until(
                        () -> {
                            Api.Response page = API.get(
                                    SUBSCRIPTIONS + "/" + partner.subscriptionId() + "/deliveries?status=" + status
                                            + "&size=100",
                                    partner.token());
                            assertThat(page.status()).as(page.toString()).isEqualTo(200);
                            return page.json()
                                    .path("items")
                                    .valueStream()
                                    .filter(delivery -> delivery.path("webhookId")
                                            .asString()
                                            .equals(eventId))
                                    .findFirst()
                                    .orElse(null);
                        },
                        delivery -> delivery != null);
    }

    /**
     * Every request the receiver got verifies with the subscription's secret; every event delivered names
     * the partner's institution in its audience and has a subscribed type; {@code webhook-id} is the
     * CloudEvent id; event numbers come 1, 2, 3… at first delivery and stay the same on any resend.
     */
    private static void assertSignedNumberedAndInAudience(Partner partner) {
        WebhookInbox inbox = partner.inbox();
        assertThat(inbox.badSignatures())
                .as("bad signatures at %s", partner.client())
                .isEmpty();
        List<Received> events = inbox.events();
        assertThat(events).isNotEmpty().allSatisfy(request -> {
            assertThat(request.header("webhook-timestamp")).matches("\\d+");
            assertThat(request.webhookId()).isEqualTo(request.event().path("id").asString());
            assertThat(request.audience()).contains(partner.institution());
            assertThat(request.type()).matches("fr\\.maillage\\.(referral|alert)\\..+");
            assertThat(request.eventNumber()).as(request.toString()).isNotNull();
        });
        Map<String, Long> numbers = firstNumbers(inbox);
        assertThat(new ArrayList<>(numbers.values()))
                .as("event numbers in order of first arrival at %s", partner.client())
                .isEqualTo(LongStream.rangeClosed(1, numbers.size()).boxed().toList());
        assertThat(events)
                .allSatisfy(request -> assertThat(request.eventNumber())
                        .as("the number of a resent %s", request.webhookId())
                        .isEqualTo(numbers.get(request.webhookId())));
    }

    /** webhook-id to the number it came with first, in order of first arrival. */
    private static Map<String, Long> firstNumbers(WebhookInbox inbox) {
        Map<String, Long> numbers = new LinkedHashMap<>();
        inbox.events().forEach(request -> numbers.putIfAbsent(request.webhookId(), request.eventNumber()));
        return numbers;
    }

    private static List<Received> receivedAbout(Partner partner, Set<String> subjects) {
        return partner.inbox().events().stream()
                .filter(request -> about(request.event(), subjects))
                .toList();
    }

    private static List<String> idsOf(List<Received> requests) {
        return requests.stream().map(Received::webhookId).toList();
    }

    private static Set<String> typesOf(Scenario done, Set<String> ids) {
        return done.topics().catchUp().stream()
                .filter(event -> ids.contains(event.path("id").asString()))
                .map(event -> event.path("type").asString())
                .collect(Collectors.toSet());
    }

    /** Whether the event is about one of these subjects (its subject, or an id its data names). */
    private static boolean about(JsonNode event, Set<String> subjects) {
        if (subjects.contains(event.path("subject").asString())) {
            return true;
        }
        String data = event.path("data").toString();
        return subjects.stream().anyMatch(data::contains);
    }

    private static Set<String> audience(JsonNode event) {
        return Set.of(event.path("audience").asString().trim().split("\\s+"));
    }

    /** The partner's whole pull feed for its subscribed types, page after page along the cursor. */
    private static Feed readFeed(Partner partner) {
        List<JsonNode> events = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 50; pages++) {
            Api.Response page = API.get(feedPath(cursor) + "&wait=PT0S", partner.token());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            List<JsonNode> read = page.json().path("events").valueStream().toList();
            cursor = page.text("next");
            assertThat(cursor).isNotBlank();
            if (read.isEmpty()) {
                return new Feed(events, cursor);
            }
            events.addAll(read);
        }
        throw new AssertionError("the feed of " + partner.client() + " did not end within 50 pages");
    }

    private static String feedPath(String cursor) {
        return "/api/events?limit=500&types=" + encode(String.join(",", PATTERNS))
                + (cursor == null ? "" : "&after=" + encode(cursor));
    }

    private static String encode(Object value) {
        return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    private record Feed(List<JsonNode> events, String next) {}

    /** A partner system, its receiver and its subscription. */
    private record Partner(String client, String institution, WebhookInbox inbox, String subscriptionId) {

        String token() {
            return Tokens.of(client);
        }
    }

    /**
     * @param start a moment before the subscriptions and flows (for replays)
     * @param epsmSubjects the ids of the bievre flows (resource, referral, personRef, alert)
     * @param dacSubjects the ids of the lyon-nord flows (resource, alert)
     * @param topics the referral and alert topics, read directly
     */
    private record Scenario(
            Instant start,
            Partner epsm,
            Partner dac,
            Set<String> epsmSubjects,
            Set<String> dacSubjects,
            String epsmAlert,
            String dacAlert,
            TopicReader topics) {

        Set<String> allSubjects() {
            Set<String> all = new HashSet<>(epsmSubjects);
            all.addAll(dacSubjects);
            return all;
        }
    }
}
