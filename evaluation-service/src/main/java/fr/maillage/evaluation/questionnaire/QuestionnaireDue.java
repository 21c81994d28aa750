package fr.maillage.evaluation.questionnaire;

import fr.maillage.evaluation.questionnaire.DueSchedule.Due;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.events.PublishesEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A questionnaire due for a person's workshop enrolment: DUE until a response answers it (ANSWERED), and
 * announced once ({@code questionnaire-due.v1}) when its time comes. The document is the unit of
 * consistency: its id is the due's deterministic id, so scheduling it twice stores it once, and {@code
 * @Version} makes a second announcement (another instance, a stale read) fail rather than happen.
 */
@Document("questionnaire_dues")
public class QuestionnaireDue implements PublishesEvents {

    @Id
    private final String id;

    @Version
    private Long version;

    private final String questionnaireId;
    private final Timepoint timepoint;
    private final String personRef;
    private final String enrolmentId;
    private final String groupId;
    private final String territory;
    /** The institutions told, as the workshop event that caused it. */
    private final List<String> audience;

    private final Instant dueAt;
    private final Instant scheduledAt;
    private DueStatus status;
    private Instant announcedAt;
    private Instant answeredAt;
    private String responseId;

    private final List<OutboundEvent> pendingEvents;

    @PersistenceCreator
    QuestionnaireDue(
            String id,
            Long version,
            String questionnaireId,
            Timepoint timepoint,
            String personRef,
            String enrolmentId,
            String groupId,
            String territory,
            List<String> audience,
            Instant dueAt,
            Instant scheduledAt,
            DueStatus status,
            Instant announcedAt,
            Instant answeredAt,
            String responseId,
            List<OutboundEvent> pendingEvents) {
        this.id = id;
        this.version = version;
        this.questionnaireId = questionnaireId;
        this.timepoint = timepoint;
        this.personRef = personRef;
        this.enrolmentId = enrolmentId;
        this.groupId = groupId;
        this.territory = territory;
        this.audience = audience == null ? List.of() : List.copyOf(audience);
        this.dueAt = dueAt;
        this.scheduledAt = scheduledAt;
        this.status = status;
        this.announcedAt = announcedAt;
        this.answeredAt = answeredAt;
        this.responseId = responseId;
        this.pendingEvents = pendingEvents == null ? new ArrayList<>() : new ArrayList<>(pendingEvents);
    }

    /** A new due (DUE, not announced yet). */
    public static QuestionnaireDue schedule(Due due, Collection<String> audience, Instant now) {
        Objects.requireNonNull(due, "due");
        return new QuestionnaireDue(
                due.dueId(),
                null,
                due.questionnaireId(),
                due.timepoint(),
                due.personRef(),
                due.enrolmentId(),
                due.groupId(),
                due.territory(),
                audience == null ? List.of() : audience.stream().sorted().toList(),
                due.dueAt(),
                now,
                DueStatus.DUE,
                null,
                null,
                null,
                List.of());
    }

    /** What {@code questionnaire-due.v1} tells. */
    public record DueAnnounced(
            String dueId,
            String questionnaireId,
            Timepoint timepoint,
            String personRef,
            String enrolmentId,
            String groupId,
            String territory,
            List<String> audience,
            Instant dueAt) {}

    /**
     * Announces the due if it is still DUE, was never announced and its time has come.
     *
     * @return the announcement, or empty when there is none to make
     */
    public Optional<DueAnnounced> announce(Instant now) {
        if (status != DueStatus.DUE || announcedAt != null || dueAt.isAfter(now)) {
            return Optional.empty();
        }
        announcedAt = now;
        return Optional.of(new DueAnnounced(
                id, questionnaireId, timepoint, personRef, enrolmentId, groupId, territory, audience, dueAt));
    }

    /** A response answered it (before it was stored, say): no announcement will be made. */
    public void answeredBy(String responseId, Instant at) {
        if (status == DueStatus.DUE) {
            status = DueStatus.ANSWERED;
            this.responseId = responseId;
            answeredAt = at;
        }
    }

    @Override
    public List<OutboundEvent> pendingEvents() {
        return pendingEvents;
    }

    public String id() {
        return id;
    }

    public Long version() {
        return version;
    }

    public String questionnaireId() {
        return questionnaireId;
    }

    public Timepoint timepoint() {
        return timepoint;
    }

    public String personRef() {
        return personRef;
    }

    public String enrolmentId() {
        return enrolmentId;
    }

    public String groupId() {
        return groupId;
    }

    public String territory() {
        return territory;
    }

    public List<String> audience() {
        return audience;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant scheduledAt() {
        return scheduledAt;
    }

    public DueStatus status() {
        return status;
    }

    public Instant announcedAt() {
        return announcedAt;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public String responseId() {
        return responseId;
    }
}
