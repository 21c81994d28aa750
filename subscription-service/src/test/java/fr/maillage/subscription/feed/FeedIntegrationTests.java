package fr.maillage.subscription.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.subscription.events.EventLogIntegrationSupport;
import fr.maillage.subscription.events.EventLogStore;
import fr.maillage.subscription.events.EventRetentionScheduler;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class FeedIntegrationTests extends EventLogIntegrationSupport {

    @Autowired
    FeedWaitScheduler waits;

    @Autowired
    EventLogStore store;

    @Autowired
    EventRetentionScheduler retention;

    /** What a reader got by reading until an answer came empty. */
    record Read(List<JsonNode> events, String cursor, int pages) {

        List<String> ids() {
            return events.stream().map(event -> event.get("id").asString()).toList();
        }
    }

    private HttpResponse<String> feed(String who, String query) {
        return get("/api/events?" + query, who);
    }

    /** Reads every page (no waiting) from {@code after} (null: the start), {@code limit} at a time. */
    private Read readAll(String who, String types, String after, int limit) {
        List<JsonNode> events = new ArrayList<>();
        String cursor = after;
        int pages = 0;
        while (true) {
            HttpResponse<String> response = feed(
                    who, "wait=PT0S&limit=" + limit + "&types=" + types + (cursor == null ? "" : "&after=" + cursor));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = json(response);
            pages++;
            if (page.get("events").isEmpty()) {
                assertThat(page.get("next").asString())
                        .isEqualTo(cursor == null ? FeedCursor.start().encode() : cursor);
                return new Read(events, page.get("next").asString(), pages);
            }
            assertThat(page.get("events").size()).isLessThanOrEqualTo(limit);
            page.get("events").forEach(events::add);
            cursor = page.get("next").asString();
        }
    }

    private RecordMetadata playReferral(String id, Instant time, String type, String subject, List<String> audience) {
        return playAt(REFERRAL_TOPIC, REFERRAL_SOURCE, id, time, type, subject, audience);
    }

    @Test
    void aPartnerReadsExactlyTheEventsWhoseAudienceIncludesItsInstitution() {
        String type = uniqueType("referral", "shared");
        String forEpsm = newId();
        String forDac = newId();
        String forBoth = newId();
        String forNobody = newId();
        Instant now = Instant.now();
        playReferral(forEpsm, now, type, newId(), List.of(EPSM, "lieu-dit"));
        playReferral(forDac, now, type, newId(), List.of(DAC));
        playReferral(forBoth, now, type, newId(), List.of(DAC, EPSM));
        awaitLogged(playReferral(forNobody, now, type, newId(), List.of()));
        List.of(forEpsm, forDac, forBoth, forNobody).forEach(this::awaitStored);

        assertThat(readAll(PARTNER_EPSM, type, null, 100).ids()).containsExactlyInAnyOrder(forEpsm, forBoth);
        assertThat(readAll(PARTNER_DAC, type, null, 100).ids()).containsExactlyInAnyOrder(forDac, forBoth);
        assertThat(readAll(ADMIN, type, null, 100).ids())
                .containsExactlyInAnyOrder(forEpsm, forDac, forBoth, forNobody);
        // Without a type filter either: never an event of dac-lyon alone.
        Read everything = readAll(PARTNER_EPSM, "*", null, 500);
        assertThat(everything.ids()).contains(forEpsm, forBoth).doesNotContain(forDac, forNobody);
        everything
                .events()
                .forEach(event -> assertThat(event.get("audience").asString()).contains(EPSM));
    }

    @Test
    void eventsComeAsTheCloudEventsTheirProducersPublished() {
        String type = uniqueType("alert", "raised");
        String id = newId();
        String subject = newId();
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        awaitLogged(playAt(ALERT_TOPIC, ALERT_SOURCE, id, time, type, subject, List.of(DAC)));
        awaitStored(id);

        JsonNode event = readAll(PARTNER_DAC, type, null, 10).events().getFirst();

        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("id").asString()).isEqualTo(id);
        assertThat(event.get("type").asString()).isEqualTo(type);
        assertThat(event.get("source").asString()).isEqualTo(ALERT_SOURCE);
        assertThat(event.get("subject").asString()).isEqualTo(subject);
        assertThat(Instant.parse(event.get("time").asString())).isEqualTo(time);
        assertThat(event.get("data").get("ref").asString()).isEqualTo(subject);
    }

    @Test
    void typesSelectExactTypesFamiliesOrEverything() {
        String referralType = uniqueType("referral", "picked");
        String alertType = uniqueType("alert", "picked");
        String otherAlertType = uniqueType("alert", "ignored");
        String referral = newId();
        String alert = newId();
        String otherAlert = newId();
        Instant now = Instant.now();
        playReferral(referral, now, referralType, newId(), List.of(EPSM));
        playAt(ALERT_TOPIC, ALERT_SOURCE, alert, now, alertType, newId(), List.of(EPSM));
        awaitLogged(playAt(ALERT_TOPIC, ALERT_SOURCE, otherAlert, now, otherAlertType, newId(), List.of(EPSM)));
        List.of(referral, alert, otherAlert).forEach(this::awaitStored);

        assertThat(readAll(PARTNER_EPSM, referralType + "," + alertType, null, 100)
                        .ids())
                .containsExactlyInAnyOrder(referral, alert);

        Read family = readAll(PARTNER_EPSM, "fr.maillage.referral.*", null, 500);
        assertThat(family.ids()).contains(referral).doesNotContain(alert, otherAlert);
        family.events()
                .forEach(event -> assertThat(event.get("type").asString()).startsWith("fr.maillage.referral."));

        Read families = readAll(PARTNER_EPSM, "fr.maillage.referral.*," + otherAlertType, null, 500);
        assertThat(families.ids()).contains(referral, otherAlert).doesNotContain(alert);

        assertThat(readAll(PARTNER_EPSM, "*", null, 500).ids()).contains(referral, alert, otherAlert);
    }

    @Test
    void pagesWithLimitAndNextLoseAndRepeatNothingAcrossPartitions() {
        String type = uniqueType("referral", "paged");
        Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // Seven events on three partitions, their times interleaved across partitions.
        Map<String, Integer> partitionOf = new LinkedHashMap<>();
        List<String> timeOrder = new ArrayList<>();
        String[] subjects = {subjectOn(0), subjectOn(1), subjectOn(2)};
        int[] partitions = {0, 1, 2, 0, 1, 0, 2};
        RecordMetadata last = null;
        for (int i = 0; i < partitions.length; i++) {
            String id = newId();
            last = playReferral(id, base.plusMillis(i), type, subjects[partitions[i]], List.of(DAC));
            assertThat(last.partition()).isEqualTo(partitions[i]);
            partitionOf.put(id, partitions[i]);
            timeOrder.add(id);
        }
        awaitLogged(last);
        timeOrder.forEach(this::awaitStored);

        Read paged = readAll(PARTNER_DAC, type, null, 2);

        assertThat(paged.ids()).containsExactlyElementsOf(timeOrder);
        assertThat(new HashSet<>(paged.ids())).hasSize(7);
        assertThat(paged.pages()).isEqualTo(5); // 2 + 2 + 2 + 1, then an empty page

        // From the last cursor, the next event of the type (on any partition) comes, and only it.
        String more = newId();
        awaitLogged(playReferral(more, base.plusSeconds(1), type, subjects[1], List.of(DAC)));
        awaitStored(more);
        assertThat(readAll(PARTNER_DAC, type, paged.cursor(), 2).ids()).containsExactly(more);
    }

    @Test
    void aCursorIsReadFromTheStoreAloneSoItWorksOnAnyInstanceAndAfterARestart() {
        String type = uniqueType("alert", "restarted");
        Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> ids = new ArrayList<>();
        RecordMetadata last = null;
        for (int i = 0; i < 4; i++) {
            String id = newId();
            ids.add(id);
            last = playAt(
                    ALERT_TOPIC, ALERT_SOURCE, id, base.plusMillis(i), type, subjectOn(i % PARTITIONS), List.of(EPSM));
        }
        awaitLogged(last);
        ids.forEach(this::awaitStored);
        JsonNode first = json(feed(PARTNER_EPSM, "wait=PT0S&limit=2&types=" + type));
        String cursor = first.get("next").asString();

        // A service freshly made from the store alone (as after a restart, or on another instance).
        FeedService fresh = new FeedService(store);
        FeedPage rest = fresh.page(new FeedQuery(FeedCursor.decode(cursor), TypePatterns.parse(type), 10, EPSM));

        assertThat(rest.events()).extracting(event -> event.id()).containsExactlyElementsOf(ids.subList(2, 4));
        JsonNode second = json(feed(PARTNER_EPSM, "wait=PT0S&limit=10&types=" + type + "&after=" + cursor));
        assertThat(second.get("next").asString()).isEqualTo(rest.next().encode());
    }

    @Test
    void aLongPollAnswersAsSoonAsAMatchingEventIsLogged() throws Exception {
        String type = uniqueType("alert", "awaited");
        String id = newId();
        int waitingBefore = waits.waiting();
        CompletableFuture<HttpResponse<String>> polling =
                CompletableFuture.supplyAsync(() -> feed(PARTNER_EPSM, "wait=PT30S&types=" + type));
        await().atMost(Duration.ofSeconds(10)).until(() -> waits.waiting() > waitingBefore);

        long start = System.nanoTime();
        playAt(ALERT_TOPIC, ALERT_SOURCE, id, Instant.now(), type, newId(), List.of(EPSM));
        HttpResponse<String> answer = polling.get(30, java.util.concurrent.TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json(answer).get("events").get(0).get("id").asString()).isEqualTo(id);
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aLongPollOnAnotherInstanceNoticesEventsLoggedThereByPollingTheStore() throws Exception {
        // Another instance's long polls: not told of the events this one logs, it polls the store.
        FeedWaitScheduler otherInstance = new FeedWaitScheduler(
                new FeedService(store), store, new FeedProperties(Duration.ofSeconds(30), Duration.ofMillis(200)));
        try {
            String type = uniqueType("referral", "elsewhere");
            String id = newId();
            CompletableFuture<FeedPage> answered = new CompletableFuture<>();
            var result = otherInstance.await(
                    new FeedQuery(FeedCursor.start(), TypePatterns.parse(type), 10, DAC),
                    Duration.ofSeconds(30),
                    page -> page);
            result.setResultHandler(page -> answered.complete((FeedPage) page));
            assertThat(otherInstance.waiting()).isEqualTo(1);

            playReferral(id, Instant.now(), type, newId(), List.of(DAC));

            FeedPage page = answered.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(page.events()).extracting(event -> event.id()).containsExactly(id);
        } finally {
            otherInstance.destroy();
        }
    }

    @Test
    void aLongPollWithNothingToReadAnswersNoEventsAndTheSameCursorWhenItsWaitEnds() {
        String type = uniqueType("referral", "quiet");
        String id = newId();
        awaitLogged(playReferral(id, Instant.now(), type, newId(), List.of(EPSM)));
        awaitStored(id);
        String cursor = readAll(PARTNER_EPSM, type, null, 10).cursor();
        // Events the reader does not see keep coming meanwhile: still nothing for it.
        awaitLogged(playReferral(newId(), Instant.now(), type, newId(), List.of(DAC)));

        long start = System.nanoTime();
        HttpResponse<String> answer = feed(PARTNER_EPSM, "wait=PT1.5S&types=" + type + "&after=" + cursor);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json(answer).get("events")).isEmpty();
        assertThat(json(answer).get("next").asString()).isEqualTo(cursor);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
    }

    @Test
    void aCursorBehindPurgedEventsHasExpired() {
        String type = uniqueType("alert", "expiring");
        String subject = newId();
        String recent = newId();
        awaitLogged(playAt(ALERT_TOPIC, ALERT_SOURCE, recent, Instant.now(), type, subject, List.of(EPSM)));
        awaitStored(recent);
        String cursor =
                json(feed(PARTNER_EPSM, "wait=PT0S&types=" + type)).get("next").asString();
        // On the same partition (same subject), after the cursor: an event already beyond the retention.
        awaitLogged(playAt(
                ALERT_TOPIC,
                ALERT_SOURCE,
                newId(),
                clock.instant().minus(Duration.ofDays(40)),
                type,
                subject,
                List.of(EPSM)));
        assertThat(feed(PARTNER_EPSM, "wait=PT0S&types=" + type + "&after=" + cursor)
                        .statusCode())
                .isEqualTo(200);

        retention.purgeExpired();

        HttpResponse<String> expired = feed(PARTNER_EPSM, "wait=PT0S&types=" + type + "&after=" + cursor);
        assertThat(expired.statusCode()).as(expired.body()).isEqualTo(410);
        assertThat(json(expired).get("type").asString()).isEqualTo("urn:maillage:problem:cursor-expired");
        // Starting again without a cursor works.
        assertThat(readAll(PARTNER_EPSM, type, null, 10).ids()).containsExactly(recent);
    }

    @Test
    void badParametersAreProblems() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("limit=0", "invalid-parameter");
        bad.put("limit=501", "invalid-parameter");
        bad.put("limit=many", "invalid-parameter");
        bad.put("wait=PT31S", "invalid-parameter");
        bad.put("wait=-PT1S", "invalid-parameter");
        bad.put("wait=soon", "invalid-parameter");
        bad.put("types=fr.maillage.*.raised.v1", "invalid-parameter");
        bad.put("after=garbage!", "invalid-cursor");
        bad.put("after=" + base64url("[1]"), "invalid-cursor");
        bad.put("after=" + base64url("{\"alert.events.v1:0\":-4}"), "invalid-cursor");
        bad.put("after=" + base64url("{\"nowhere.events.v1:9\":4}"), "invalid-cursor");
        bad.forEach((query, slug) -> {
            HttpResponse<String> response = feed(PARTNER_EPSM, "wait=PT0S&" + query);
            assertThat(response.statusCode()).as(query + " " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(contentType -> assertThat(contentType).startsWith("application/problem+json"));
            assertThat(json(response).get("type").asString()).as(query).isEqualTo("urn:maillage:problem:" + slug);
        });
        assertThat(json(feed(PARTNER_EPSM, "wait=PT0S&limit=0"))
                        .get("parameter")
                        .asString())
                .isEqualTo("limit");
        assertThat(feed(PARTNER_EPSM, "wait=PT0S&limit=500").statusCode()).isEqualTo(200);
        assertThat(feed(PARTNER_EPSM, "wait=PT0S&limit=1").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyPartnersAndAdminsReadTheFeed() {
        assertThat(feed(null, "wait=PT0S").statusCode()).isEqualTo(401);
        assertThat(feed(COORD_BIEVRE, "wait=PT0S").statusCode()).isEqualTo(403);
        assertThat(feed("dr-martin", "wait=PT0S").statusCode()).isEqualTo(403);
        assertThat(feed(PARTNER_EPSM, "wait=PT0S").statusCode()).isEqualTo(200);
        assertThat(feed(PARTNER_DAC, "wait=PT0S").statusCode()).isEqualTo(200);
        assertThat(feed(ADMIN, "wait=PT0S").statusCode()).isEqualTo(200);
    }

    private static String base64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
    }
}
