package fr.maillage.evaluation.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.testing.TopicReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * {@code person-erased}: the person's answers, dues and care team are deleted, and events about them heard
 * afterwards bring nothing back.
 */
class PersonErasureIntegrationTests extends QuestionnaireIntegrationSupport {

    private long dues(String personRef) {
        return mongo.count(Query.query(Criteria.where("personRef").is(personRef)), QuestionnaireDue.class);
    }

    private boolean hasCareTeam(String personRef) {
        return mongo.exists(Query.query(Criteria.where("_id").is(personRef)), CareTeam.class);
    }

    @Test
    void anErasedPersonsAnswersDuesAndCareTeamAreDeleted() {
        String erased = newId();
        String kept = newId();
        Enrolments enrolments = enrolInNewGroup(erased, kept);
        awaitConsumed(QUESTIONNAIRES_GROUP, referralSubmitted(erased, List.of("msp-bievre", "epsm-bievre")));
        String responseId = recorded(PSY, who5Body(erased, enrolments.of(erased), Timepoint.BASELINE, 8))
                .get("responseId")
                .asString();
        recorded(MARTIN, who5Body(erased, null, Timepoint.BASELINE, 9));
        recorded(PSY, who5Body(kept, enrolments.of(kept), Timepoint.BASELINE, 17));
        assertThat(storedResponses(erased)).isEqualTo(2);
        assertThat(dues(erased)).isEqualTo(1);

        awaitConsumed(QUESTIONNAIRES_GROUP, personErased(erased));

        assertThat(storedResponses(erased)).isZero();
        assertThat(dues(erased)).isZero();
        assertThat(hasCareTeam(erased)).isFalse();
        assertProblem(get("/api/responses/" + responseId, PSY), 404, "not-found");
        assertProblem(get("/api/responses?personRef=" + erased, MARTIN), 404, "not-found");
        assertProblem(get("/api/questionnaires/due?personRef=" + erased, PSY), 404, "not-found");
        assertProblem(record(PSY, who5Body(erased, enrolments.of(erased), Timepoint.END, 10)), 404, "not-found");
        // The others in the group keep theirs.
        assertThat(storedResponses(kept)).isEqualTo(1);
        assertThat(dues(kept)).isEqualTo(1);
        // Erased twice: the same.
        awaitConsumed(QUESTIONNAIRES_GROUP, personErased(erased));
        assertThat(storedResponses(kept)).isEqualTo(1);
    }

    @Test
    void eventsAboutAnErasedPersonHeardAfterTheErasureBringNothingBack() {
        TopicReader events = readFromNow(EVALUATION_TOPIC);
        String personRef = newId();
        awaitConsumed(QUESTIONNAIRES_GROUP, personErased(personRef));
        String groupId = newId();
        String enrolmentId = newId();

        groupScheduled(groupId, List.of(PSY_DURAND, IDE_BERNARD));
        enrolmentConfirmed(groupId, enrolmentId, personRef, clock.instant());
        awaitConsumed(QUESTIONNAIRES_GROUP, participantCompleted(groupId, enrolmentId, personRef, clock.instant()));
        awaitConsumed(QUESTIONNAIRES_GROUP, referralSubmitted(personRef, List.of("msp-bievre")));

        assertThat(dues(personRef)).isZero();
        assertThat(hasCareTeam(personRef)).isFalse();
        assertThat(publishedOfUnstored(events, DueSchedule.dueId(enrolmentId, "who-5", Timepoint.BASELINE)))
                .isEmpty();
        assertProblem(get("/api/questionnaires/due?personRef=" + personRef, PSY), 404, "not-found");
        assertProblem(record(MARTIN, who5Body(personRef, null, Timepoint.BASELINE, 10)), 404, "not-found");
    }

    @Test
    void aCompletionWhosePersonWasErasedUpstreamSchedulesNothing() {
        String groupId = newId();
        String enrolmentId = newId();
        groupScheduled(groupId, List.of(PSY_DURAND, IDE_BERNARD));

        awaitConsumed(QUESTIONNAIRES_GROUP, participantCompleted(groupId, enrolmentId, null, clock.instant()));

        assertThat(mongo.count(Query.query(Criteria.where("enrolmentId").is(enrolmentId)), QuestionnaireDue.class))
                .isZero();
    }
}
