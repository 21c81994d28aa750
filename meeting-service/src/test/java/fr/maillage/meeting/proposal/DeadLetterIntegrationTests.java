package fr.maillage.meeting.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.meeting.consent.ConsentRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Records the service cannot read are never skipped: they land in the topic's {@code -dlt}, and change nothing. */
class DeadLetterIntegrationTests extends ProposalIntegrationSupport {

    @Autowired
    ConsentRegistry consents;

    private void assertDeadLettered(String topic, String key) {
        ConsumerRecord<String, String> deadLetter = awaitDeadLetter(read(topic + "-dlt"), key);
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-exception-message"))
                .isNotNull();
    }

    @Test
    void aRecordThatIsNotACloudEventLandsInTheDeadLetterTopicOfEachTopicAndTheNextOneIsStillConsumed() {
        for (String topic : List.of(ALERT_TOPIC, WORKSHOP_TOPIC, REFERRAL_TOPIC, EVALUATION_TOPIC)) {
            String key = "poison-" + newId();
            playRaw(topic, key, "this is not a CloudEvent {");
            assertDeadLettered(topic, key);
        }
        String territory = freshTerritory();
        agenda.openPracticeGroup(territory);
        String alertId = newId();

        awaitConsumed(escalated(alertId, territory, newId(), 1));

        assertThat(agenda.landed("alert-escalated:" + alertId)).hasSize(1);
    }

    @Test
    void anEscalationWhoseAlertIdIsNotAUuidLandsInTheDeadLetterTopicAndProposesNothing() {
        String territory = freshTerritory();
        agenda.openPracticeGroup(territory);
        String key = "alert-" + newId();
        Map<String, Object> data = escalatedData("not-a-uuid", territory, newId(), 1);

        awaitConsumed(play(ALERT_TOPIC, ALERT_SOURCE, AlertEventsListener.ESCALATED, key, territory, AUDIENCE, data));

        assertDeadLettered(ALERT_TOPIC, key);
        assertThat(agenda.landed("alert-escalated:not-a-uuid")).isEmpty();
        assertThat(proposal("alert-escalated:not-a-uuid")).isEmpty();
    }

    @Test
    void aDisengagementWithoutEpisodeLandsInTheDeadLetterTopic() {
        String groupId = newId();

        awaitConsumed(play(
                WORKSHOP_TOPIC,
                WORKSHOP_SOURCE,
                WorkshopEventsListener.PARTICIPANT_DISENGAGED,
                groupId,
                "bievre",
                AUDIENCE,
                Map.of("groupId", groupId, "personRef", newId(), "territory", "bievre")));

        assertDeadLettered(WORKSHOP_TOPIC, groupId);
        assertThat(agenda.landed("disengaged:" + groupId)).isEmpty();
    }

    @Test
    void aDeclineWithoutItsTimeLandsInTheDeadLetterTopicAndIsNotRemembered() {
        String referralId = newId();
        String personRef = newId();

        awaitConsumed(play(
                REFERRAL_TOPIC,
                REFERRAL_SOURCE,
                ReferralEventsListener.DECLINED,
                referralId,
                "bievre",
                AUDIENCE,
                Map.of("referralId", referralId, "personRef", personRef, "territory", "bievre")));

        assertDeadLettered(REFERRAL_TOPIC, referralId);
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(personRef)), DeclineHistory.class))
                .isFalse();
    }

    @Test
    void aConsentWithAMalformedPurposeLandsInTheDeadLetterTopic() {
        String personRef = newId();

        awaitConsumed(play(
                REFERRAL_TOPIC,
                REFERRAL_SOURCE,
                ReferralEventsListener.CONSENT_RECORDED,
                personRef,
                null,
                AUDIENCE,
                Map.of("consentId", newId(), "personRef", personRef, "purpose", "care team sharing")));

        assertDeadLettered(REFERRAL_TOPIC, personRef);
    }

    @Test
    void aPublishedReportWithAMalformedQuarterLandsInTheDeadLetterTopicAndIsNotRegistered() {
        String reportId = "report-" + newId();

        awaitConsumed(reportPublished(reportId, "bievre", "Q4-2026", Instant.now()));

        assertDeadLettered(EVALUATION_TOPIC, reportId);
        assertThat(reports.reports()).noneMatch(report -> report.reportId().equals(reportId));
    }

    @Test
    void aValidEventPlayedAfterAPoisonPillOnTheSameKeyIsConsumed() {
        String personRef = newId();
        String consentId = newId();
        playRaw(REFERRAL_TOPIC, personRef, "{\"not\": \"a cloud event\"}");

        awaitConsumed(consentRecorded(personRef, consentId, "CARE_TEAM_SHARING"));

        assertDeadLettered(REFERRAL_TOPIC, personRef);
        assertThat(consents.coversCaseReview(personRef)).isTrue();
    }
}
