package fr.maillage.subscription.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.platform.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EventLogIntegrationTests extends EventLogIntegrationSupport {

    @Autowired
    EventLog log;

    @Autowired
    EventLogStore store;

    @Autowired
    EventRetentionScheduler retention;

    @Test
    void aPlayedEventIsLoggedAsReceivedAndPlannedOnce() {
        String type = uniqueType("referral", "accepted");
        String subject = newId();
        RecordMetadata played = play(
                REFERRAL_TOPIC,
                REFERRAL_SOURCE,
                type,
                subject,
                "bievre",
                List.of(EPSM, "lieu-dit"),
                java.util.Map.of("ref", subject));
        awaitLogged(played);

        LoggedEvent logged = mongo.findOne(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("type")
                                .is(type)),
                LoggedEvent.class);
        assertThat(logged).isNotNull();
        assertThat(logged.topic()).isEqualTo(REFERRAL_TOPIC);
        assertThat(logged.partition()).isEqualTo(played.partition());
        assertThat(logged.offset()).isEqualTo(played.offset());
        assertThat(logged.audience()).containsExactlyInAnyOrder(EPSM, "lieu-dit");
        assertThat(logged.territory()).isEqualTo("bievre");
        assertThat(logged.cloudEvent())
                .contains("\"id\":\"" + logged.id() + "\"")
                .contains(type);
        assertThat(logged.plannedAt()).isNotNull();
        assertThat(planner.planned(logged.id())).containsExactly(logged.toStoredEvent());
    }

    @Test
    void aRedeliveredEventIdStoresNothingNewAndPlansNothingNew() {
        String id = newId();
        String subject = newId();
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String type = uniqueType("alert", "raised");
        RecordMetadata first = playAt(ALERT_TOPIC, ALERT_SOURCE, id, time, type, subject, List.of(EPSM));
        RecordMetadata again = playAt(ALERT_TOPIC, ALERT_SOURCE, id, time, type, subject, List.of(EPSM));
        awaitLogged(again);

        assertThat(again.offset()).isGreaterThan(first.offset());
        LoggedEvent logged = mongo.findById(id, LoggedEvent.class);
        assertThat(logged.offset()).isEqualTo(first.offset());
        assertThat(mongo.count(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("type")
                                        .is(type)),
                        LoggedEvent.class))
                .isEqualTo(1);
        assertThat(planner.planned(id)).hasSize(1);
    }

    @Test
    void anEventWhosePlanningFailedIsPlannedWhenItsRecordIsRetried() {
        String id = newId();
        planner.failOnceFor(id);
        RecordMetadata played = playAt(
                REFERRAL_TOPIC,
                REFERRAL_SOURCE,
                id,
                Instant.now(),
                uniqueType("referral", "sent"),
                newId(),
                List.of(DAC));
        awaitLogged(played);

        assertThat(planner.planned(id)).hasSize(1);
        assertThat(mongo.findById(id, LoggedEvent.class).plannedAt()).isNotNull();
    }

    @Test
    void aRecordThatIsNotACloudEventGoesToTheDeadLetterTopic() {
        TopicReader deadLetters = readFromNow(REFERRAL_TOPIC + "-dlt");
        String key = newId();
        RecordMetadata poison = playRaw(REFERRAL_TOPIC, key, "{\"not\": \"a cloud event\"}");
        awaitLogged(poison);

        List<ConsumerRecord<String, String>> dead = deadLetters.awaitRecords(key, 1);
        assertThat(dead.getFirst().value()).isEqualTo("{\"not\": \"a cloud event\"}");
    }

    @Test
    void sinceGivesEventsInTimeTopicPartitionOffsetOrderAfterTheGivenOne() {
        Instant base = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MILLIS);
        Instant t1 = base.plusSeconds(1);
        Instant t2 = base.plusSeconds(2);
        String type = uniqueType("referral", "ordered");
        // Played out of time order, on two topics, two of them at the same instant.
        String late = newId();
        String alertAtT1 = newId();
        String referralAtT1 = newId();
        String early = newId();
        RecordMetadata last = null;
        last = playAt(REFERRAL_TOPIC, REFERRAL_SOURCE, late, t2, type, newId(), List.of(EPSM));
        last = playAt(ALERT_TOPIC, ALERT_SOURCE, alertAtT1, t1, type, newId(), List.of(EPSM));
        RecordMetadata referral =
                playAt(REFERRAL_TOPIC, REFERRAL_SOURCE, referralAtT1, t1, type, newId(), List.of(EPSM));
        last = playAt(REFERRAL_TOPIC, REFERRAL_SOURCE, early, base, type, newId(), List.of(EPSM));
        awaitLogged(last);
        awaitLogged(referral);
        awaitStored(late);
        awaitStored(alertAtT1);

        // alert.events.v1 sorts before referral.events.v1 at the same time.
        List<String> expected = List.of(early, alertAtT1, referralAtT1, late);
        List<String> read = new ArrayList<>();
        StoredEvent after = null;
        List<StoredEvent> page;
        do {
            page = log.since(base, after, 2);
            assertThat(page.size()).isLessThanOrEqualTo(2);
            page.stream()
                    .filter(event -> event.type().equals(type))
                    .map(StoredEvent::id)
                    .forEach(read::add);
            after = page.isEmpty() ? after : page.getLast();
        } while (!page.isEmpty() && read.size() < expected.size());
        assertThat(read).containsExactlyElementsOf(expected);
        assertThat(log.since(t1, null, 500).stream()
                        .filter(event -> event.type().equals(type))
                        .map(StoredEvent::id))
                .containsExactly(alertAtT1, referralAtT1, late);
    }

    @Test
    void theRetentionSweepPurgesEventsOlderThanTheRetentionAndKeepsTheOthers() {
        String subject = newId();
        String old = newId();
        String recent = newId();
        String type = uniqueType("alert", "kept");
        playAt(
                ALERT_TOPIC,
                ALERT_SOURCE,
                old,
                clock.instant().minus(Duration.ofDays(31)),
                type,
                subject,
                List.of(EPSM));
        RecordMetadata last = playAt(
                ALERT_TOPIC,
                ALERT_SOURCE,
                recent,
                clock.instant().minus(Duration.ofDays(29)),
                type,
                subject,
                List.of(EPSM));
        awaitLogged(last);
        LoggedEvent oldEvent = awaitStored(old);

        assertThat(retention.purgeExpired()).isGreaterThanOrEqualTo(1);

        assertThat(mongo.findById(old, LoggedEvent.class)).isNull();
        assertThat(mongo.findById(recent, LoggedEvent.class)).isNotNull();
        EventPartition partition =
                mongo.findById(EventPartition.key(ALERT_TOPIC, oldEvent.partition()), EventPartition.class);
        assertThat(partition.purgedThrough()).isGreaterThanOrEqualTo(oldEvent.offset());
        assertThat(partition.purgedAfter(oldEvent.offset() - 1)).isTrue();
        // Purging again finds nothing more of ours.
        retention.purgeExpired();
        assertThat(mongo.findById(recent, LoggedEvent.class)).isNotNull();
    }

    @Test
    void everyTopicOfTheServicesIsLogged() {
        Set<String> topics = Set.of(WORKSHOP_TOPIC, MEETING_TOPIC, EVALUATION_TOPIC);
        List<String> ids = new ArrayList<>();
        for (String topic : topics) {
            String id = newId();
            ids.add(id);
            awaitLogged(playAt(
                    topic,
                    "/maillage/" + topic.substring(0, topic.indexOf('.')),
                    id,
                    Instant.now(),
                    uniqueType(topic.substring(0, topic.indexOf('.')), "seen"),
                    newId(),
                    List.of(DAC)));
        }
        ids.forEach(id -> assertThat(mongo.findById(id, LoggedEvent.class)).isNotNull());
        await().untilAsserted(
                        () -> ids.forEach(id -> assertThat(planner.planned(id)).hasSize(1)));
    }
}
