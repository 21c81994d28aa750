package fr.maillage.meeting.proposal;

import static org.awaitility.Awaitility.await;

import fr.maillage.meeting.MeetingIntegrationSupport;
import fr.maillage.meeting.proposal.FakeMeetingPortsTestConfiguration.FakeCaseItemErasure;
import fr.maillage.meeting.proposal.FakeMeetingPortsTestConfiguration.FakeMeetingAgenda;
import fr.maillage.meeting.proposal.FakeMeetingPortsTestConfiguration.FakeReportRegistry;
import fr.maillage.platform.testing.EventPlayer;
import fr.maillage.platform.testing.TopicReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/**
 * The proposals' integration tests: the service's base (real Kafka broker and Mongo server) with fakes
 * of the meetings' own ports ({@link FakeMeetingPortsTestConfiguration}).
 *
 * <p>Because of the fakes this is a Spring context of its own, and other cached contexts of the same
 * JVM (the service contract's, the meetings' tests') keep their listeners running in group
 * {@code meeting-service}: sharing that group, they would take some of the partitions and handle events
 * meant for these fakes. So this context listens in a consumer group and writes to a database of its own
 * ({@value #GROUP}); {@link #awaitConsumed} waits for that group. The sweep is slowed down so that the
 * tests see what a practice group's notice does on its own; they call the sweep's work themselves.
 */
@Import(FakeMeetingPortsTestConfiguration.class)
@TestPropertySource(
        properties = {
            "maillage.meeting.consumer-group=" + ProposalIntegrationSupport.GROUP,
            "spring.mongodb.database=" + ProposalIntegrationSupport.GROUP,
            "maillage.meeting.proposals.sweep-interval=PT1H"
        })
public abstract class ProposalIntegrationSupport extends MeetingIntegrationSupport {

    public static final String GROUP = "meeting-proposals-it";

    protected static final String ALERT_SOURCE = "/maillage/alert";
    protected static final String WORKSHOP_SOURCE = "/maillage/workshop";
    protected static final String REFERRAL_SOURCE = "/maillage/referral";
    protected static final String EVALUATION_SOURCE = "/maillage/evaluation";
    protected static final Set<String> AUDIENCE = Set.of("epsm-bievre", "msp-bievre");

    @Autowired
    protected FakeMeetingAgenda agenda;

    @Autowired
    protected FakeCaseItemErasure caseItems;

    @Autowired
    protected FakeReportRegistry reports;

    @Autowired
    protected MongoTemplate mongo;

    /** Waits until this context's consumer group ({@value #GROUP}) has committed past {@code record}. */
    protected static void awaitConsumed(RecordMetadata record) {
        EventPlayer.awaitConsumed(GROUP, record);
    }

    protected static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A territory no other test uses: its practice groups are the test's own. */
    protected static String freshTerritory() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String at(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    // ---- other services' events

    protected static Map<String, Object> escalatedData(String alertId, String territory, String personRef, int level) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", alertId);
        data.put("territory", territory);
        data.put("personRef", personRef); // may be null: the person is not known yet
        data.put("level", level);
        data.put("urgency", "C");
        data.put("dueBy", at(Instant.now().minus(1, ChronoUnit.HOURS)));
        data.put("escalatedAt", at(Instant.now()));
        return data;
    }

    protected RecordMetadata escalated(String alertId, String territory, String personRef, int level) {
        return play(
                ALERT_TOPIC,
                ALERT_SOURCE,
                AlertEventsListener.ESCALATED,
                alertId,
                territory,
                AUDIENCE,
                escalatedData(alertId, territory, personRef, level));
    }

    protected RecordMetadata disengaged(String groupId, String personRef, int episode, String territory) {
        return play(
                WORKSHOP_TOPIC,
                WORKSHOP_SOURCE,
                WorkshopEventsListener.PARTICIPANT_DISENGAGED,
                groupId,
                territory,
                AUDIENCE,
                Map.of(
                        "groupId",
                        groupId,
                        "programmeId",
                        "programme-" + newId(),
                        "territory",
                        territory,
                        "enrolmentId",
                        newId(),
                        "referralId",
                        newId(),
                        "personRef",
                        personRef,
                        "episode",
                        episode,
                        "consecutiveAbsences",
                        2,
                        "disengagedAt",
                        at(Instant.now())));
    }

    protected RecordMetadata declined(String referralId, String personRef, String territory, Instant declinedAt) {
        return play(
                REFERRAL_TOPIC,
                REFERRAL_SOURCE,
                ReferralEventsListener.DECLINED,
                referralId,
                territory,
                AUDIENCE,
                Map.of(
                        "referralId",
                        referralId,
                        "personRef",
                        personRef,
                        "resourceId",
                        newId(),
                        "resourceType",
                        "CMP",
                        "territory",
                        territory,
                        "priority",
                        "ROUTINE",
                        "referrerInstitution",
                        "msp-bievre",
                        "reasonCode",
                        "NO_CAPACITY",
                        "declinedAt",
                        at(declinedAt)));
    }

    protected RecordMetadata consentRecorded(String personRef, String consentId, String purpose) {
        return play(
                REFERRAL_TOPIC,
                REFERRAL_SOURCE,
                ReferralEventsListener.CONSENT_RECORDED,
                personRef,
                null,
                AUDIENCE,
                Map.of(
                        "consentId",
                        consentId,
                        "personRef",
                        personRef,
                        "purpose",
                        purpose,
                        "institutions",
                        List.of("msp-bievre"),
                        "resources",
                        List.of(),
                        "givenAt",
                        at(Instant.now())));
    }

    protected RecordMetadata consentWithdrawn(String personRef, String consentId, String purpose) {
        return play(
                REFERRAL_TOPIC,
                REFERRAL_SOURCE,
                ReferralEventsListener.CONSENT_WITHDRAWN,
                personRef,
                null,
                AUDIENCE,
                Map.of(
                        "consentId", consentId,
                        "personRef", personRef,
                        "purpose", purpose,
                        "withdrawnAt", at(Instant.now())));
    }

    protected RecordMetadata personErased(String personRef) {
        return play(
                REFERRAL_TOPIC,
                REFERRAL_SOURCE,
                ReferralEventsListener.PERSON_ERASED,
                personRef,
                null,
                AUDIENCE,
                Map.of("personRef", personRef, "erasedAt", at(Instant.now())));
    }

    protected RecordMetadata reportPublished(String reportId, String territory, String quarter, Instant publishedAt) {
        return play(
                EVALUATION_TOPIC,
                EVALUATION_SOURCE,
                EvaluationEventsListener.REPORT_PUBLISHED,
                reportId,
                territory,
                AUDIENCE,
                Map.of(
                        "reportId", reportId,
                        "territory", territory,
                        "quarter", quarter,
                        "publishedAt", at(publishedAt)));
    }

    // ---- what the service keeps

    protected Optional<Proposal> proposal(String causeKey) {
        return Optional.ofNullable(
                mongo.findOne(Query.query(Criteria.where("causeKey").is(causeKey)), Proposal.class));
    }

    protected List<Proposal> proposalsNaming(String personRef) {
        return mongo.find(Query.query(Criteria.where("item.personRef").is(personRef)), Proposal.class);
    }

    /** Waits for a record keyed {@code key} on the dead-letter topic, with Spring Kafka's exception headers. */
    protected static ConsumerRecord<String, String> awaitDeadLetter(TopicReader deadLetters, String key) {
        await().atMost(TopicReader.PATIENCE)
                .until(() -> deadLetters.records().stream().anyMatch(record -> key.equals(record.key())));
        return deadLetters.records().stream()
                .filter(record -> key.equals(record.key()))
                .findFirst()
                .orElseThrow();
    }
}
