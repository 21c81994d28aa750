package fr.maillage.evaluation.questionnaire;

import fr.maillage.evaluation.period.Period;
import fr.maillage.evaluation.questionnaire.QuestionnaireDefinition.Respondent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The answers to one questionnaire, scored on the server when recorded, and never changed afterwards.
 * Health data: read only by the person's care team (or, for a professional's own questionnaire, by that
 * professional), and deleted when the person is erased.
 *
 * <p>Its id says what may be answered only once: a person's answers for a workshop enrolment at a
 * timepoint, and a professional's answers to a questionnaire in a quarter (Paris). Answers of a person
 * outside any enrolment may be recorded any number of times.
 */
@Document("questionnaire_responses")
public class QuestionnaireResponse {

    @Id
    private final String id;

    private final String questionnaireId;
    private final int questionnaireVersion;
    private final Timepoint timepoint;
    private final Respondent respondent;
    /** The person who answered; null for a professional's own questionnaire. */
    private final String personRef;

    private final String enrolmentId;
    private final String dueId;
    private final String territory;
    /** The professional who answered for themselves; null for a person's questionnaire. */
    private final String respondentId;
    /** Who entered the answers (user id), and their institution. */
    private final String recordedBy;

    private final String recordedByInstitution;
    private final Instant recordedAt;
    /** For a professional's questionnaire: the quarter (Paris) it counts for, e.g. 2026-Q4. */
    private final String quarter;

    private final Map<String, Integer> answers;
    private final int raw;
    private final double percent;
    private final String band;
    private final boolean flag;

    @PersistenceCreator
    QuestionnaireResponse(
            String id,
            String questionnaireId,
            int questionnaireVersion,
            Timepoint timepoint,
            Respondent respondent,
            String personRef,
            String enrolmentId,
            String dueId,
            String territory,
            String respondentId,
            String recordedBy,
            String recordedByInstitution,
            Instant recordedAt,
            String quarter,
            Map<String, Integer> answers,
            int raw,
            double percent,
            String band,
            boolean flag) {
        this.id = id;
        this.questionnaireId = questionnaireId;
        this.questionnaireVersion = questionnaireVersion;
        this.timepoint = timepoint;
        this.respondent = respondent;
        this.personRef = personRef;
        this.enrolmentId = enrolmentId;
        this.dueId = dueId;
        this.territory = territory;
        this.respondentId = respondentId;
        this.recordedBy = recordedBy;
        this.recordedByInstitution = recordedByInstitution;
        this.recordedAt = recordedAt;
        this.quarter = quarter;
        this.answers = answers == null ? Map.of() : new LinkedHashMap<>(answers);
        this.raw = raw;
        this.percent = percent;
        this.band = band;
        this.flag = flag;
    }

    /** What a response is about; the answers are checked and scored against the definition. */
    public record Answering(
            QuestionnaireDefinition definition,
            Timepoint timepoint,
            String personRef,
            String enrolmentId,
            String dueId,
            String territory,
            Map<String, ?> answers) {}

    /**
     * A person's answers (entered by {@code recordedBy}) or a professional's own (then {@code recordedBy} is
     * the respondent), scored.
     *
     * @throws IllegalArgumentException when the answers have {@link QuestionnaireDefinition#faults}
     */
    public static QuestionnaireResponse record(
            Answering answering, String recordedBy, String recordedByInstitution, Instant now) {
        QuestionnaireDefinition definition = answering.definition();
        Map<String, Integer> answers = definition.normalise(answering.answers());
        Score score = definition.score(answers);
        boolean professional = definition.respondent() == Respondent.PROFESSIONAL;
        String quarter = professional ? Period.quarterOf(now).code() : null;
        String id = professional
                ? onceId("professional", definition.id(), recordedBy, quarter)
                : answering.enrolmentId() != null
                        ? onceId(
                                "person",
                                definition.id(),
                                answering.personRef(),
                                answering.enrolmentId(),
                                answering.timepoint().name())
                        : UUID.randomUUID().toString();
        return new QuestionnaireResponse(
                id,
                definition.id(),
                definition.version(),
                answering.timepoint(),
                definition.respondent(),
                professional ? null : answering.personRef(),
                answering.enrolmentId(),
                answering.dueId(),
                answering.territory(),
                professional ? recordedBy : null,
                recordedBy,
                recordedByInstitution,
                now,
                quarter,
                answers,
                score.raw(),
                score.percent(),
                score.band(),
                score.flag());
    }

    /** The id of the only response of a person for an enrolment at a timepoint. */
    public static String personResponseId(
            String questionnaireId, String personRef, String enrolmentId, Timepoint timepoint) {
        return onceId("person", questionnaireId, personRef, enrolmentId, timepoint.name());
    }

    private static String onceId(String... parts) {
        for (String part : parts) {
            Objects.requireNonNull(part, "part of a response id");
        }
        return UUID.nameUUIDFromBytes(
                        ("questionnaire-response:" + String.join(":", parts)).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public Score score() {
        return new Score(raw, percent, band, flag);
    }

    public String id() {
        return id;
    }

    public String questionnaireId() {
        return questionnaireId;
    }

    public int questionnaireVersion() {
        return questionnaireVersion;
    }

    public Timepoint timepoint() {
        return timepoint;
    }

    public Respondent respondent() {
        return respondent;
    }

    public String personRef() {
        return personRef;
    }

    public String enrolmentId() {
        return enrolmentId;
    }

    public String dueId() {
        return dueId;
    }

    public String territory() {
        return territory;
    }

    public String respondentId() {
        return respondentId;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public String recordedByInstitution() {
        return recordedByInstitution;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String quarter() {
        return quarter;
    }

    /** Item id -> option value, in the items' order. */
    public Map<String, Integer> answers() {
        return Collections.unmodifiableMap(answers);
    }

    public double percent() {
        return percent;
    }
}
