package fr.maillage.workshop.referral;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.workshop.WorkshopIntegrationSupport;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Records the service cannot read are never skipped: they land in {@code referral.events.v1-dlt}. */
class ReferralEventsDeadLetterIntegrationTests extends WorkshopIntegrationSupport {

    @Autowired
    MongoTemplate mongo;

    @Test
    void aRecordThatIsNotACloudEventLandsInTheDeadLetterTopicAndTheNextOneIsStillConsumed() {
        String key = "poison-" + UUID.randomUUID();
        play(key, "this is not a CloudEvent {");

        String programmeId = registerProgramme(); // played after the poison, consumed all the same

        TopicReader deadLetters = read(REFERRAL_TOPIC + "-dlt");
        awaitDeadLetter(deadLetters, key);
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(programmeId)), "programmes"))
                .isTrue();
    }

    @Test
    void anAcceptanceWhoseDataBreaksTheContractLandsInTheDeadLetterTopic() {
        String programmeId = registerProgramme();
        String referralId = "referral-" + UUID.randomUUID();
        String wrongPriority =
                acceptedEvent(referralId, programmeId, "ROUTINE", Instant.now()).replace("\"ROUTINE\"", "\"WHENEVER\"");
        play(referralId, wrongPriority);

        TopicReader deadLetters = read(REFERRAL_TOPIC + "-dlt");
        awaitDeadLetter(deadLetters, referralId);
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(referralId)), "enrolment_requests"))
                .isFalse();
    }

    private static void awaitDeadLetter(TopicReader deadLetters, String key) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> deadLetters.records().stream().anyMatch(record -> key.equals(record.key())));
        List<ConsumerRecord<String, String>> matching = deadLetters.records().stream()
                .filter(record -> key.equals(record.key()))
                .toList();
        assertThat(matching.getFirst().headers().lastHeader("kafka_dlt-exception-message"))
                .isNotNull();
    }
}
