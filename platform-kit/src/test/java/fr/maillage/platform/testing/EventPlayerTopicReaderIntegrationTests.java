package fr.maillage.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.localstack.junit.LocalInfrastructure;
import fr.maillage.platform.events.CloudEventCodec;
import fr.maillage.platform.events.IncomingEvent;
import fr.maillage.platform.events.OutboundEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** EventPlayer and TopicReader against the real local broker, each test on a topic of its own. */
@LocalInfrastructure
class EventPlayerTopicReaderIntegrationTests {

    private static final String SOURCE = "/maillage/referral";
    private static final String ACCEPTED = "fr.maillage.referral.accepted.v1";
    private static final String CLOSED = "fr.maillage.referral.closed.v1";

    private final String topic = "kit.testing." + UUID.randomUUID();
    private final EventPlayer player = EventPlayer.local();

    @AfterEach
    void closePlayer() {
        player.close();
    }

    private static OutboundEvent accepted(String referralId) {
        return EventPlayer.event(
                ACCEPTED,
                referralId,
                "bievre",
                List.of("lieu-dit"),
                Map.of("referralId", referralId, "priority", "URGENT"));
    }

    @Test
    void aPlayedEventReachesTheTopicAsItsSourcesRelayWouldPublishIt() {
        String referralId = UUID.randomUUID().toString();
        try (TopicReader reader = TopicReader.fromEnd(topic)) {
            RecordMetadata sent = player.play(topic, SOURCE, accepted(referralId));

            IncomingEvent event = reader.awaitCloudEvent(ACCEPTED, referralId);
            ConsumerRecord<String, String> record = reader.records().getFirst();
            assertThat(sent.topic()).isEqualTo(topic);
            assertThat(record.key()).isEqualTo(referralId);
            assertThat(TopicReader.header(record, "content-type")).isEqualTo(CloudEventCodec.CONTENT_TYPE);
            assertThat(event.source()).isEqualTo(SOURCE);
            assertThat(event.territory()).isEqualTo("bievre");
            assertThat(event.audience()).containsExactly("lieu-dit");
            assertThat(event.data(Map.class)).containsEntry("priority", "URGENT");
        }
    }

    @Test
    void aReaderFromTheEndSeesWhatIsPlayedRightAfterItAndNothingBefore() {
        String before = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        player.play(topic, SOURCE, accepted(before));

        try (TopicReader fromEnd = TopicReader.fromEnd(topic);
                TopicReader fromBeginning = TopicReader.fromBeginning(topic)) {
            // played before the reader's first poll: a lazily resolved end would skip it
            player.play(topic, SOURCE, accepted(after));

            assertThat(fromBeginning.awaitEvents(2, TopicReader.ofType(ACCEPTED)))
                    .extracting(event -> event.path("subject").asString())
                    .containsExactlyInAnyOrder(before, after);
            assertThat(fromEnd.awaitEvent(TopicReader.ofType(ACCEPTED))
                            .path("subject")
                            .asString())
                    .isEqualTo(after);
            assertThat(fromEnd.records()).extracting(ConsumerRecord::key).containsExactly(after);
        }
    }

    @Test
    void aRedeliveryCountsOnceInTheHistoryOfItsKey() {
        String referralId = UUID.randomUUID().toString();
        OutboundEvent accepted = accepted(referralId);
        OutboundEvent closed =
                EventPlayer.event(CLOSED, referralId, "bievre", List.of("lieu-dit"), Map.of("referralId", referralId));

        try (TopicReader reader = TopicReader.fromEnd(topic)) {
            player.play(topic, SOURCE, accepted);
            player.play(topic, SOURCE, accepted);
            player.play(topic, SOURCE, closed);

            List<JsonNode> history = reader.awaitHistory(referralId, TopicReader.ofType(CLOSED));
            assertThat(history)
                    .extracting(event -> event.path("type").asString())
                    .containsExactly(ACCEPTED, CLOSED);
            assertThat(reader.eventsKeyed(referralId)).hasSize(3);
            assertThat(reader.awaitHistory(referralId, 2)).isEqualTo(history);
            assertThat(reader.awaitCloudEvents(2, event -> event.is(ACCEPTED))).hasSize(2);
        }
    }

    @Test
    void readingToTheEndMissesNothingAlreadyPublished() {
        List<String> keys = List.of("k-1", "k-2", "k-3", "k-4", "k-5", "k-6");
        keys.forEach(key -> player.play(topic, SOURCE, accepted(key)));

        try (TopicReader reader = TopicReader.fromBeginning(topic)) {
            assertThat(reader.readToEnd()).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(keys);
            assertThat(reader.awaitRecords("k-3", 1)).hasSize(1);
        }
    }

    @Test
    void recordsThatAreNotCloudEventsArePassedOverByTheEventViews() {
        String referralId = UUID.randomUUID().toString();
        try (TopicReader reader = TopicReader.fromEnd(topic)) {
            player.play(topic, referralId, "not json at all");
            player.play(topic, referralId, "{\"json\":\"but no CloudEvent\"}");
            player.play(topic, SOURCE, accepted(referralId));

            assertThat(reader.awaitCloudEvent(ACCEPTED, referralId).subject()).isEqualTo(referralId);
            assertThat(reader.awaitRecords(referralId, 3)).hasSize(3);
            assertThat(reader.eventsKeyed(referralId)).hasSize(2);
            assertThat(reader.cloudEvents()).hasSize(1);
        }
    }

    @Test
    void awaitingConsumptionReturnsOnceTheGroupHasCommittedPastTheRecord() throws Exception {
        String group = "kit-testing-" + UUID.randomUUID();
        RecordMetadata sent =
                player.play(topic, SOURCE, accepted(UUID.randomUUID().toString()));
        TopicPartition partition = new TopicPartition(topic, sent.partition());

        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.Endpoints.kafkaBootstrapServers()))) {
            admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(sent.offset() + 1)))
                    .all()
                    .get();
        }

        // throws ConditionTimeoutException unless it finds the group's commit on the record's partition
        EventPlayer.awaitConsumed(group, sent);
    }
}
