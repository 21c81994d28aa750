package fr.maillage.evaluation.questionnaire;

import fr.maillage.evaluation.questionnaire.QuestionnaireDue.DueAnnounced;
import fr.maillage.platform.events.EventOutbox;
import org.springframework.stereotype.Component;

/**
 * Maps a due's announcement to the integration event of {@code evaluation.events.v1} (schema in {@code
 * resources/events/}) and puts it in the due's outbox, saved with it. Ids, the questionnaire, the
 * timepoint, the territory and an instant leave; never an answer. Subject = dueId.
 */
@Component
class QuestionnaireMessages {

    static final String QUESTIONNAIRE_DUE = "fr.maillage.evaluation.questionnaire-due.v1";

    private final EventOutbox outbox;

    QuestionnaireMessages(EventOutbox outbox) {
        this.outbox = outbox;
    }

    void append(QuestionnaireDue due, DueAnnounced announced) {
        due.pendingEvents()
                .add(outbox.event(
                        QUESTIONNAIRE_DUE,
                        announced.dueId(),
                        announced.territory(),
                        announced.audience(),
                        new QuestionnaireDueV1(
                                announced.dueId(),
                                announced.questionnaireId(),
                                announced.timepoint().name(),
                                announced.personRef(),
                                announced.enrolmentId(),
                                announced.groupId(),
                                announced.territory(),
                                announced.dueAt().toString())));
    }

    /** {@code fr.maillage.evaluation.questionnaire-due.v1} data; dueAt ISO-8601 UTC. */
    record QuestionnaireDueV1(
            String dueId,
            String questionnaireId,
            String timepoint,
            String personRef,
            String enrolmentId,
            String groupId,
            String territory,
            String dueAt) {}
}
