package fr.maillage.evaluation.questionnaire;

import fr.maillage.evaluation.period.Period;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What is due when, from a workshop enrolment's life: a confirmed enrolment makes the WHO-5 BASELINE due at
 * once; a completed participant makes the WHO-5 and the workshop satisfaction END due at once, and the WHO-5
 * FOLLOW_UP_3M due {@code followUpAfter} later (a calendar period in Paris: three months after 14:00 on
 * 31 January is 14:00 on 30 April). A due's id comes from the enrolment, the questionnaire and the timepoint,
 * so an event heard twice schedules nothing more.
 *
 * @param followUpAfter how long after the end the follow-up is due (P3M)
 */
public record DueSchedule(java.time.Period followUpAfter) {

    public DueSchedule {
        Objects.requireNonNull(followUpAfter, "followUpAfter");
        if (followUpAfter.isZero() || followUpAfter.isNegative()) {
            throw new IllegalArgumentException("The follow-up comes after the end, not " + followUpAfter);
        }
    }

    /**
     * A questionnaire due for a person's enrolment.
     *
     * @param dueAt when it may be asked (and is announced)
     */
    public record Due(
            String dueId,
            String questionnaireId,
            Timepoint timepoint,
            String personRef,
            String enrolmentId,
            String groupId,
            String territory,
            Instant dueAt) {}

    /** The id of the due of {@code questionnaireId} at {@code timepoint} for an enrolment: always the same. */
    public static String dueId(String enrolmentId, String questionnaireId, Timepoint timepoint) {
        Objects.requireNonNull(enrolmentId, "enrolmentId");
        return UUID.nameUUIDFromBytes(("questionnaire-due:" + enrolmentId + ":" + questionnaireId + ":" + timepoint)
                        .getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** {@code enrolment-confirmed}: the WHO-5 BASELINE, due when the place was confirmed. */
    public List<Due> enrolmentConfirmed(
            String personRef, String enrolmentId, String groupId, String territory, Instant confirmedAt) {
        return List.of(due(
                QuestionnaireCatalogue.WHO_5,
                Timepoint.BASELINE,
                personRef,
                enrolmentId,
                groupId,
                territory,
                confirmedAt));
    }

    /**
     * {@code participant-completed}: the WHO-5 and the workshop satisfaction END when the group completed,
     * and the WHO-5 FOLLOW_UP_3M {@link #followUpAfter} later.
     */
    public List<Due> participantCompleted(
            String personRef, String enrolmentId, String groupId, String territory, Instant completedAt) {
        return List.of(
                due(
                        QuestionnaireCatalogue.WHO_5,
                        Timepoint.END,
                        personRef,
                        enrolmentId,
                        groupId,
                        territory,
                        completedAt),
                due(
                        QuestionnaireCatalogue.WORKSHOP_SATISFACTION,
                        Timepoint.END,
                        personRef,
                        enrolmentId,
                        groupId,
                        territory,
                        completedAt),
                due(
                        QuestionnaireCatalogue.WHO_5,
                        Timepoint.FOLLOW_UP_3M,
                        personRef,
                        enrolmentId,
                        groupId,
                        territory,
                        followUpAt(completedAt)));
    }

    /** {@code completedAt} plus {@link #followUpAfter}, counted in Paris. */
    public Instant followUpAt(Instant completedAt) {
        return completedAt.atZone(Period.PARIS).plus(followUpAfter).toInstant();
    }

    private static Due due(
            String questionnaireId,
            Timepoint timepoint,
            String personRef,
            String enrolmentId,
            String groupId,
            String territory,
            Instant dueAt) {
        return new Due(
                dueId(enrolmentId, questionnaireId, timepoint),
                questionnaireId,
                timepoint,
                personRef,
                enrolmentId,
                groupId,
                territory,
                dueAt);
    }
}
