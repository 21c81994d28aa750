package fr.maillage.evaluation.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.platform.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Records the questionnaires' consumer cannot read are never skipped: they land in the topic's {@code -dlt}
 * (sent there by this consumer group), change nothing, and the next records are still consumed.
 */
class QuestionnaireDeadLetterIntegrationTests extends QuestionnaireIntegrationSupport {

    private void assertDeadLettered(String topic, String key) {
        TopicReader deadLetters = read(topic + "-dlt");
        await().atMost(TopicReader.PATIENCE)
                .until(() -> deadLetters.records().stream()
                        .anyMatch(record -> key.equals(record.key()) && byThisGroup(record)));
    }

    private static boolean byThisGroup(ConsumerRecord<String, String> record) {
        var group = record.headers().lastHeader("kafka_dlt-original-consumer-group");
        return group != null && new String(group.value(), StandardCharsets.UTF_8).equals(QUESTIONNAIRES_GROUP);
    }

    @Test
    void anEnrolmentWhosePersonRefIsNotAPseudonymLandsInTheDeadLetterTopicAndSchedulesNothing() {
        String groupId = newId();
        String enrolmentId = newId();
        Map<String, Object> data = enrolmentConfirmedData(groupId, enrolmentId, "Jean Dupont", clock.instant());

        awaitConsumed(
                QUESTIONNAIRES_GROUP,
                play(
                        WORKSHOP_TOPIC,
                        WORKSHOP_SOURCE,
                        WorkshopEventsListener.ENROLMENT_CONFIRMED,
                        groupId,
                        BIEVRE,
                        WORKSHOP_AUDIENCE,
                        data));

        assertDeadLettered(WORKSHOP_TOPIC, groupId);
        assertThat(mongo.count(Query.query(Criteria.where("enrolmentId").is(enrolmentId)), QuestionnaireDue.class))
                .isZero();
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is("Jean Dupont")), CareTeam.class))
                .isFalse();
    }

    @Test
    void anErasureWithoutItsTimeLandsInTheDeadLetterTopicAndErasesNothing() {
        String personRef = newId();
        Enrolments enrolments = enrolInNewGroup(personRef);
        recorded(PSY, who5Body(personRef, enrolments.of(personRef), Timepoint.BASELINE, 12));

        awaitConsumed(
                QUESTIONNAIRES_GROUP,
                play(
                        REFERRAL_TOPIC,
                        REFERRAL_SOURCE,
                        ReferralEventsListener.PERSON_ERASED,
                        personRef,
                        null,
                        List.of("msp-bievre"),
                        Map.of("personRef", personRef)));

        assertDeadLettered(REFERRAL_TOPIC, personRef);
        assertThat(storedResponses(personRef)).isEqualTo(1);
    }

    @Test
    void aRecordThatIsNotACloudEventLandsInTheDeadLetterTopicAndTheNextOneIsStillConsumed() {
        String groupId = newId();
        playRaw(WORKSHOP_TOPIC, groupId, "this is not a CloudEvent {");
        String personRef = newId();

        awaitConsumed(QUESTIONNAIRES_GROUP, groupScheduled(groupId, List.of(PSY_DURAND, IDE_BERNARD)));
        awaitConsumed(QUESTIONNAIRES_GROUP, enrolmentConfirmed(groupId, newId(), personRef, clock.instant()));

        assertDeadLettered(WORKSHOP_TOPIC, groupId);
        assertThat(dues(personRef, PSY)).hasSize(1);
    }
}
