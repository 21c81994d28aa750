package fr.maillage.meeting.action;

import fr.maillage.meeting.action.ActionDesk.NewAction;
import fr.maillage.meeting.action.ActionEvent.ActionAssigned;
import fr.maillage.meeting.action.ActionEvent.ActionCompleted;
import fr.maillage.meeting.action.ActionEvent.ActionOverdue;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.events.PublishesEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An action item decided in a meeting: an owner, a short title, a due day (Paris). OPEN -> DONE or
 * OPEN -> CANCELLED; an open action whose due day has ended is flagged overdue, once. Its id comes from
 * the decision and the action's place in it, so the same decision handed out twice makes one action.
 * The document is the unit of consistency: {@code @Version} makes a change read before another one fail
 * rather than overwrite it, so each step (and its event) happens once however many instances try it.
 */
@Document("actions")
public class Action implements PublishesEvents {

    /** The longest title: a short label, not minutes (those are the meeting's notes). */
    public static final int MAX_TITLE_LENGTH = 200;

    public static final int MAX_ID_LENGTH = 100;

    /** How many actions one decision may hand out (index 0 to this minus one). */
    public static final int MAX_ACTIONS_PER_DECISION = 100;

    /** A due day further than this from today, either way, is a typing error. */
    public static final int MAX_YEARS_AWAY = 10;

    @Id
    private final String id;

    @Version
    private Long version;

    private final String meetingId;
    private final String itemId;
    private final String decisionId;
    private final int index;
    private final String territory;
    private final List<String> audience;
    private final String ownerId;
    private final String title;
    /** ISO text (2026-12-01): the same day whatever the zone of the JVM reading it, and sorted as dates. */
    private final String dueOn;
    /** The end of the due day in Paris: what the overdue sweep queries by. */
    private final Instant deadline;

    private ActionStatus status;
    private final Instant assignedAt;
    private boolean overdue;
    private Instant overdueAt;
    private Instant completedAt;
    private Boolean onTime;
    private Instant cancelledAt;
    /** Who completed or cancelled it. */
    private String closedBy;

    private final List<OutboundEvent> pendingEvents;

    @PersistenceCreator
    Action(
            String id,
            Long version,
            String meetingId,
            String itemId,
            String decisionId,
            int index,
            String territory,
            List<String> audience,
            String ownerId,
            String title,
            String dueOn,
            Instant deadline,
            ActionStatus status,
            Instant assignedAt,
            boolean overdue,
            Instant overdueAt,
            Instant completedAt,
            Boolean onTime,
            Instant cancelledAt,
            String closedBy,
            List<OutboundEvent> pendingEvents) {
        this.id = id;
        this.version = version;
        this.meetingId = meetingId;
        this.itemId = itemId;
        this.decisionId = decisionId;
        this.index = index;
        this.territory = territory;
        this.audience = audience == null ? List.of() : List.copyOf(audience);
        this.ownerId = ownerId;
        this.title = title;
        this.dueOn = dueOn;
        this.deadline = deadline;
        this.status = status;
        this.assignedAt = assignedAt;
        this.overdue = overdue;
        this.overdueAt = overdueAt;
        this.completedAt = completedAt;
        this.onTime = onTime;
        this.cancelledAt = cancelledAt;
        this.closedBy = closedBy;
        this.pendingEvents = pendingEvents == null ? new ArrayList<>() : new ArrayList<>(pendingEvents);
    }

    /** The id of the {@code index}-th action of a decision: the same on every retry of that decision. */
    public static String idOf(String decisionId, int index) {
        Objects.requireNonNull(decisionId, "decisionId");
        return UUID.nameUUIDFromBytes(("meeting-action:" + decisionId + "#" + index).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** A new action and its action-assigned event. */
    public record Assigned(Action action, ActionAssigned event) {}

    /**
     * Hands out a new action (OPEN). Its due day may already be over (an action recorded late): it is
     * overdue at the next sweep.
     *
     * @throws InvalidAction naming the first field that breaks a rule
     */
    public static Assigned assign(NewAction spec, Instant now) {
        if (spec == null) {
            throw new InvalidAction("action", "An action is required.");
        }
        requireId("meetingId", spec.meetingId());
        requireId("itemId", spec.itemId());
        requireId("decisionId", spec.decisionId());
        requireId("territory", spec.territory());
        requireId("ownerId", spec.ownerId());
        if (spec.index() < 0 || spec.index() >= MAX_ACTIONS_PER_DECISION) {
            throw new InvalidAction(
                    "index",
                    "An action's index in its decision is between 0 and " + (MAX_ACTIONS_PER_DECISION - 1) + "; "
                            + spec.index() + " given.");
        }
        requireTitle(spec.title());
        requireDueOn(spec.dueOn(), now);
        if (spec.audience() == null) {
            throw new InvalidAction("audience", "The audience (institutions told) is required, even empty.");
        }
        for (String institution : spec.audience()) {
            requireId("audience", institution);
        }
        Action action = new Action(
                idOf(spec.decisionId(), spec.index()),
                null,
                spec.meetingId(),
                spec.itemId(),
                spec.decisionId(),
                spec.index(),
                spec.territory(),
                spec.audience().stream().sorted().toList(),
                spec.ownerId(),
                spec.title().strip(),
                spec.dueOn().toString(),
                OverduePolicy.deadline(spec.dueOn()),
                ActionStatus.OPEN,
                now,
                false,
                null,
                null,
                null,
                null,
                null,
                List.of());
        return new Assigned(
                action,
                new ActionAssigned(
                        action.id,
                        action.meetingId,
                        action.territory,
                        action.audience(),
                        action.ownerId,
                        spec.dueOn(),
                        now));
    }

    private static void requireId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidAction(field, field + " is required.");
        }
        if (value.length() > MAX_ID_LENGTH || value.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidAction(
                    field, field + " is an identifier: at most " + MAX_ID_LENGTH + " characters, no spaces.");
        }
    }

    private static void requireTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidAction("title", "An action needs a short title.");
        }
        if (title.strip().length() > MAX_TITLE_LENGTH) {
            throw new InvalidAction(
                    "title", "An action's title is short: at most " + MAX_TITLE_LENGTH + " characters.");
        }
        if (title.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidAction("title", "An action's title is one line of text, without control characters.");
        }
    }

    private static void requireDueOn(LocalDate dueOn, Instant now) {
        if (dueOn == null) {
            throw new InvalidAction("dueOn", "An action needs a due date.");
        }
        LocalDate today = OverduePolicy.today(now);
        if (dueOn.isBefore(today.minusYears(MAX_YEARS_AWAY)) || dueOn.isAfter(today.plusYears(MAX_YEARS_AWAY))) {
            throw new InvalidAction(
                    "dueOn", "A due date is within " + MAX_YEARS_AWAY + " years of today; " + dueOn + " given.");
        }
    }

    /**
     * Flags the action overdue when it is still open and its due day has ended: once only.
     *
     * @return action-overdue, or empty when it is not (or no longer, or already) to be flagged
     */
    public Optional<ActionOverdue> markOverdue(Instant now) {
        if (status != ActionStatus.OPEN || overdue || !OverduePolicy.isPast(dueOn(), now)) {
            return Optional.empty();
        }
        overdue = true;
        overdueAt = now;
        return Optional.of(new ActionOverdue(id, meetingId, territory, audience(), ownerId, dueOn(), now));
    }

    /** OPEN -> DONE; on time when done before the end of its due day (Paris), flagged overdue or not. */
    public ActionCompleted complete(String by, Instant now) {
        if (status != ActionStatus.OPEN) {
            throw new IllegalActionTransition("complete the action", status);
        }
        status = ActionStatus.DONE;
        completedAt = now;
        onTime = OverduePolicy.isOnTime(dueOn(), now);
        closedBy = by;
        return new ActionCompleted(id, meetingId, territory, audience(), ownerId, dueOn(), now, onTime);
    }

    /** OPEN -> CANCELLED (a coordinator calls it off); nothing is published. */
    public void cancel(String by, Instant now) {
        if (status != ActionStatus.OPEN) {
            throw new IllegalActionTransition("cancel the action", status);
        }
        status = ActionStatus.CANCELLED;
        cancelledAt = now;
        closedBy = by;
    }

    public boolean isOwnedBy(String userId) {
        return userId != null && userId.equals(ownerId);
    }

    public String id() {
        return id;
    }

    public Long version() {
        return version;
    }

    public String meetingId() {
        return meetingId;
    }

    public String itemId() {
        return itemId;
    }

    public String decisionId() {
        return decisionId;
    }

    public int index() {
        return index;
    }

    public String territory() {
        return territory;
    }

    public Set<String> audience() {
        return new LinkedHashSet<>(audience);
    }

    public String ownerId() {
        return ownerId;
    }

    /** Kept here only: never published, never logged. */
    public String title() {
        return title;
    }

    public LocalDate dueOn() {
        try {
            return LocalDate.parse(dueOn);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("Action " + id + " has a malformed due date", e);
        }
    }

    public Instant deadline() {
        return deadline;
    }

    public ActionStatus status() {
        return status;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    public boolean overdue() {
        return overdue;
    }

    /** When the overdue sweep noticed its due day had ended; null if it never did. */
    public Instant overdueAt() {
        return overdueAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    /** Null unless DONE. */
    public Boolean onTime() {
        return onTime;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public String closedBy() {
        return closedBy;
    }

    @Override
    public List<OutboundEvent> pendingEvents() {
        return pendingEvents;
    }
}
