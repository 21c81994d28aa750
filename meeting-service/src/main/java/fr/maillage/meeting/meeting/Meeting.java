package fr.maillage.meeting.meeting;

import fr.maillage.meeting.meeting.MeetingAgenda.ProposedItem;
import fr.maillage.meeting.meeting.MeetingEvent.CaseReviewed;
import fr.maillage.meeting.meeting.MeetingEvent.MeetingCancelled;
import fr.maillage.meeting.meeting.MeetingEvent.MeetingHeld;
import fr.maillage.meeting.meeting.MeetingEvent.MeetingScheduled;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.events.PublishesEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A pluriprofessional meeting: its kind, territory and time, who is invited (with their profession and
 * institution) and who came, its agenda with each item's notes and decisions. SCHEDULED -> HELD (the
 * attendance recorded once it has started) or CANCELLED. The document is the unit of consistency:
 * {@code @Version} makes concurrent changes retry, and its events wait in {@code pendingEvents}, written
 * with the change itself.
 */
@Document("meetings")
public class Meeting implements PublishesEvents {

    public static final int MIN_DURATION_MINUTES = 10;
    public static final int MAX_DURATION_MINUTES = 720;
    public static final int MAX_PARTICIPANTS = 100;
    /** Items a coordinator may add; automatic proposals are not held back by it. */
    public static final int MAX_ITEMS = 100;

    public static final String MEETING_IN_THE_PAST = "meeting-in-the-past";
    public static final String MEETING_NOT_STARTED = "meeting-not-started";
    public static final String MEETING_STARTED = "meeting-already-started";
    public static final String DURATION_RULE = "duration-out-of-range";
    public static final String NO_PARTICIPANTS = "participants-required";
    public static final String DUPLICATE_PARTICIPANT = "duplicate-participant";
    public static final String NOT_INVITED = "not-invited";
    public static final String NOBODY_PRESENT = "nobody-present";
    public static final String CONSENT_MISSING = "consent-missing";
    public static final String PERSON_REF_REQUIRED = "person-ref-required";
    public static final String TOPIC_REQUIRED = "topic-required";
    public static final String CASE_REVIEW_NOT_ALLOWED = "case-review-not-allowed";
    public static final String AGENDA_FULL = "agenda-full";
    public static final String QUORUM_NOT_REACHED = "quorum-not-reached";

    @Id
    private final String id;

    @Version
    private Long version;

    private final MeetingKind kind;
    private final String territory;
    private final String title;
    private Instant startsAt;
    private Instant endsAt;
    private String venue;
    private final String seriesId;
    private final List<Participant> participants;
    /** The user ids of those present, in the order of the invitations. */
    private List<String> present;

    private Instant attendanceRecordedAt;
    private String attendanceRecordedBy;
    private MeetingStatus status;
    private final Instant scheduledAt;
    private final String scheduledBy;
    private Instant heldAt;
    private Instant cancelledAt;
    private String cancellationReason;
    private final List<AgendaItem> items;
    /** Some decision hands out actions not yet assigned (the watcher retries them). */
    private boolean actionsPending;

    private final List<OutboundEvent> pendingEvents;

    @PersistenceCreator
    Meeting(
            String id,
            Long version,
            MeetingKind kind,
            String territory,
            String title,
            Instant startsAt,
            Instant endsAt,
            String venue,
            String seriesId,
            List<Participant> participants,
            List<String> present,
            Instant attendanceRecordedAt,
            String attendanceRecordedBy,
            MeetingStatus status,
            Instant scheduledAt,
            String scheduledBy,
            Instant heldAt,
            Instant cancelledAt,
            String cancellationReason,
            List<AgendaItem> items,
            boolean actionsPending,
            List<OutboundEvent> pendingEvents) {
        this.id = id;
        this.version = version;
        this.kind = kind;
        this.territory = territory;
        this.title = title;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.venue = venue;
        this.seriesId = seriesId;
        this.participants = participants == null ? List.of() : List.copyOf(participants);
        this.present = present == null ? List.of() : List.copyOf(present);
        this.attendanceRecordedAt = attendanceRecordedAt;
        this.attendanceRecordedBy = attendanceRecordedBy;
        this.status = status;
        this.scheduledAt = scheduledAt;
        this.scheduledBy = scheduledBy;
        this.heldAt = heldAt;
        this.cancelledAt = cancelledAt;
        this.cancellationReason = cancellationReason;
        this.items = items == null ? new ArrayList<>() : new ArrayList<>(items);
        this.actionsPending = actionsPending;
        this.pendingEvents = pendingEvents == null ? new ArrayList<>() : new ArrayList<>(pendingEvents);
    }

    /**
     * What a coordinator plans.
     *
     * @param title short, never a person's name (it appears in calendars)
     * @param seriesId null outside a series
     * @param scheduledBy the user who scheduled it
     */
    public record Plan(
            String id,
            MeetingKind kind,
            String territory,
            String title,
            Instant startsAt,
            int durationMinutes,
            String venue,
            String seriesId,
            List<Participant> participants,
            String scheduledBy) {

        public Plan {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(territory, "territory");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(startsAt, "startsAt");
            participants = participants == null ? List.of() : List.copyOf(participants);
        }
    }

    /** A newly scheduled meeting and what to publish. */
    public record Scheduled(Meeting meeting, MeetingScheduled event) {}

    /** Schedules a meeting that starts in the future, with at least one participant, each invited once. */
    public static Scheduled schedule(Plan plan, Instant now) {
        requireDuration(plan.durationMinutes());
        requireParticipants(plan.participants());
        if (!plan.startsAt().isAfter(now)) {
            throw MeetingRuleViolation.unprocessable(
                    MEETING_IN_THE_PAST, "The meeting's start (" + plan.startsAt() + ") is not in the future.");
        }
        Meeting meeting = new Meeting(
                plan.id(),
                null,
                plan.kind(),
                plan.territory(),
                plan.title().trim(),
                plan.startsAt(),
                plan.startsAt().plus(Duration.ofMinutes(plan.durationMinutes())),
                blankToNull(plan.venue()),
                plan.seriesId(),
                plan.participants(),
                List.of(),
                null,
                null,
                MeetingStatus.SCHEDULED,
                now,
                plan.scheduledBy(),
                null,
                null,
                null,
                List.of(),
                false,
                List.of());
        return new Scheduled(
                meeting,
                new MeetingScheduled(
                        meeting.id,
                        meeting.seriesId,
                        meeting.kind,
                        meeting.territory,
                        meeting.startsAt,
                        meeting.endsAt,
                        meeting.participants.size()));
    }

    private static void requireDuration(int minutes) {
        if (minutes < MIN_DURATION_MINUTES || minutes > MAX_DURATION_MINUTES) {
            throw MeetingRuleViolation.badRequest(
                    DURATION_RULE,
                    "A meeting lasts between " + MIN_DURATION_MINUTES + " and " + MAX_DURATION_MINUTES + " minutes; "
                            + minutes + " asked.");
        }
    }

    private static void requireParticipants(List<Participant> participants) {
        if (participants.isEmpty() || participants.size() > MAX_PARTICIPANTS) {
            throw MeetingRuleViolation.badRequest(
                    NO_PARTICIPANTS,
                    "A meeting invites between 1 and " + MAX_PARTICIPANTS + " participants; " + participants.size()
                            + " given.");
        }
        Set<String> seen = new HashSet<>();
        for (Participant participant : participants) {
            if (!seen.add(participant.userId())) {
                throw MeetingRuleViolation.badRequest(
                                DUPLICATE_PARTICIPANT, "User " + participant.userId() + " is invited twice.")
                        .with("userId", participant.userId());
            }
        }
    }

    // ---- time and status

    /**
     * Moves a meeting that has not started yet (another start, length or room).
     *
     * @param newStart null to keep it
     * @param durationMinutes null to keep the length
     * @param newVenue null to keep it
     */
    public void move(Instant newStart, Integer durationMinutes, String newVenue, Instant now) {
        if (status != MeetingStatus.SCHEDULED) {
            throw new IllegalMeetingTransition("move the meeting", status);
        }
        if (!now.isBefore(startsAt)) {
            throw MeetingRuleViolation.conflict(
                    MEETING_STARTED, "The meeting started at " + startsAt + ": it can no longer be moved.");
        }
        Instant start = newStart == null ? startsAt : newStart;
        Duration length = durationMinutes == null ? Duration.between(startsAt, endsAt) : minutes(durationMinutes);
        if (!start.isAfter(now)) {
            throw MeetingRuleViolation.unprocessable(
                    MEETING_IN_THE_PAST, "The meeting cannot move to the past (" + start + ").");
        }
        startsAt = start;
        endsAt = start.plus(length);
        if (newVenue != null) {
            venue = blankToNull(newVenue);
        }
    }

    private static Duration minutes(int minutes) {
        requireDuration(minutes);
        return Duration.ofMinutes(minutes);
    }

    /**
     * A scheduled meeting will not take place (even after its start, if nobody recorded it as held).
     *
     * @param reason a code, or null
     */
    public MeetingCancelled cancel(String reason, Instant now) {
        if (status != MeetingStatus.SCHEDULED) {
            throw new IllegalMeetingTransition("cancel the meeting", status);
        }
        status = MeetingStatus.CANCELLED;
        cancelledAt = now;
        cancellationReason = reason;
        return new MeetingCancelled(id, kind, territory, startsAt, now);
    }

    /**
     * Records who was present, among the invited, once the meeting has started: the first recording makes
     * it HELD (and is published), later ones correct it.
     *
     * @return meeting-held at the first recording, empty for a correction
     */
    public Optional<MeetingHeld> recordAttendance(Collection<String> userIds, String by, Instant now) {
        return recordAttendance(userIds, by, now, Duration.ZERO);
    }

    /**
     * The same, recordable from {@code recordableBeforeStart} before the start (zero in production: a
     * meeting is held once it has started; the system tests' profile widens it to compress time).
     */
    public Optional<MeetingHeld> recordAttendance(
            Collection<String> userIds, String by, Instant now, Duration recordableBeforeStart) {
        if (status == MeetingStatus.CANCELLED) {
            throw new IllegalMeetingTransition("record the attendance", status);
        }
        if (now.isBefore(startsAt.minus(recordableBeforeStart))) {
            throw MeetingRuleViolation.conflict(
                            MEETING_NOT_STARTED,
                            "The meeting starts at " + startsAt + ": its attendance is recorded once it has started.")
                    .with("startsAt", startsAt.toString());
        }
        Set<String> asked = new LinkedHashSet<>(userIds);
        List<String> strangers =
                asked.stream().filter(userId -> !isInvited(userId)).toList();
        if (!strangers.isEmpty()) {
            throw MeetingRuleViolation.unprocessable(
                            NOT_INVITED,
                            "Only invited participants can be present; not invited: " + String.join(", ", strangers)
                                    + ".")
                    .with("notInvited", strangers);
        }
        if (asked.isEmpty()) {
            throw MeetingRuleViolation.unprocessable(
                    NOBODY_PRESENT, "Nobody present: a meeting nobody came to is cancelled, not held.");
        }
        present = participants.stream()
                .map(Participant::userId)
                .filter(asked::contains)
                .toList();
        attendanceRecordedAt = now;
        attendanceRecordedBy = by;
        if (status == MeetingStatus.HELD) {
            return Optional.empty();
        }
        status = MeetingStatus.HELD;
        heldAt = startsAt;
        return Optional.of(new MeetingHeld(
                id,
                kind,
                territory,
                heldAt,
                present.size(),
                presentProfessions().size()));
    }

    // ---- agenda

    /**
     * What a coordinator puts on the agenda.
     *
     * @param personRef the person of a CASE_REVIEW
     * @param topic what a PRACTICE_EXCHANGE is about
     */
    public record NewItem(ItemKind kind, String personRef, String sourceType, String sourceId, String topic) {}

    /**
     * Adds a KEPT item: a CASE_REVIEW names a person whose consent covers it (never on a steering
     * committee), a PRACTICE_EXCHANGE has a topic.
     *
     * @param consentCovers whether the person's consent covers a case review (asked by the caller)
     */
    public AgendaItem addItem(NewItem item, boolean consentCovers, String itemId, String by, Instant now) {
        requireOpen("add an item");
        if (items.size() >= MAX_ITEMS) {
            throw MeetingRuleViolation.conflict(AGENDA_FULL, "The agenda has " + MAX_ITEMS + " items already.");
        }
        Objects.requireNonNull(item.kind(), "kind");
        if (item.kind() == ItemKind.CASE_REVIEW) {
            if (blankToNull(item.personRef()) == null) {
                throw MeetingRuleViolation.badRequest(
                        PERSON_REF_REQUIRED, "A case review names the person it is about (personRef).");
            }
            requireCaseReviewAllowed();
            requireConsent(item.personRef(), consentCovers);
        }
        if (item.kind() == ItemKind.PRACTICE_EXCHANGE && blankToNull(item.topic()) == null) {
            throw MeetingRuleViolation.badRequest(TOPIC_REQUIRED, "A practice exchange says its topic.");
        }
        AgendaItem added = new AgendaItem(
                itemId,
                item.kind(),
                ItemStatus.KEPT,
                item.kind() == ItemKind.CASE_REVIEW ? item.personRef().trim() : blankToNull(item.personRef()),
                blankToNull(item.sourceType()),
                blankToNull(item.sourceId()),
                blankToNull(item.topic()),
                null,
                null,
                null,
                null,
                null,
                List.of(),
                false,
                now,
                by,
                now);
        items.add(added);
        return added;
    }

    /** Whether the automatic agenda may still put items on this meeting: a practice group ahead. */
    public boolean acceptsProposals(Instant now) {
        return kind == MeetingKind.PRACTICE_GROUP && status == MeetingStatus.SCHEDULED && startsAt.isAfter(now);
    }

    /** The item caused by {@code causeKey}, if the automatic agenda already put it here. */
    public Optional<AgendaItem> itemCausedBy(String causeKey) {
        return items.stream().filter(item -> item.isCausedBy(causeKey)).findFirst();
    }

    /**
     * Puts an automatic item on the agenda, PROPOSED, once per cause.
     *
     * @return the item, the one already there when the cause proposed before
     */
    public AgendaItem propose(ProposedItem proposed, String itemId, Instant now) {
        Objects.requireNonNull(proposed.causeKey(), "causeKey");
        Objects.requireNonNull(proposed.kind(), "kind");
        Optional<AgendaItem> existing = itemCausedBy(proposed.causeKey());
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!acceptsProposals(now)) {
            throw new IllegalMeetingTransition("propose an item", status);
        }
        AgendaItem item = new AgendaItem(
                itemId,
                proposed.kind(),
                ItemStatus.PROPOSED,
                blankToNull(proposed.personRef()),
                blankToNull(proposed.sourceType()),
                blankToNull(proposed.sourceId()),
                null,
                proposed.causeKey(),
                blankToNull(proposed.summaryCode()),
                null,
                null,
                null,
                List.of(),
                false,
                now,
                null,
                now);
        items.add(item);
        return item;
    }

    /** PROPOSED -> KEPT; a case review needs the person's consent (and a person). */
    public AgendaItem keep(String itemId, boolean consentCovers, Instant now) {
        requireOpen("keep an item");
        AgendaItem item = existingItem(itemId);
        if (item.status() != ItemStatus.PROPOSED) {
            throw new IllegalMeetingTransition("keep item " + itemId, item.status());
        }
        if (item.isCaseReview()) {
            requireCaseReviewAllowed();
            requireConsent(item.personRef(), consentCovers);
        }
        return replace(item.withStatus(ItemStatus.KEPT, now));
    }

    /** PROPOSED -> DROPPED. */
    public AgendaItem drop(String itemId, Instant now) {
        requireOpen("drop an item");
        AgendaItem item = existingItem(itemId);
        if (item.status() != ItemStatus.PROPOSED) {
            throw new IllegalMeetingTransition("drop item " + itemId, item.status());
        }
        return replace(item.withStatus(ItemStatus.DROPPED, now));
    }

    /** Writes (replaces) the notes of a kept item. */
    public AgendaItem writeNotes(String itemId, String text, String by, Instant now) {
        requireOpen("write notes");
        AgendaItem item = existingItem(itemId);
        if (item.status() != ItemStatus.KEPT) {
            throw new IllegalMeetingTransition("write notes on item " + itemId, item.status());
        }
        return replace(item.withNotes(text, by, now));
    }

    /** A decision as recorded, and case-reviewed when it is about a person. */
    public record RecordedDecision(AgendaItem item, Decision decision, Optional<CaseReviewed> event) {}

    /**
     * Records a decision on a kept item of a held meeting; a case discussion needs the {@link Quorum}.
     *
     * @param actions the actions it hands out, not yet assigned (no ids)
     */
    public RecordedDecision recordDecision(
            String itemId,
            String decisionId,
            String text,
            List<PlannedAction> actions,
            String by,
            Quorum quorum,
            Instant now) {
        if (status != MeetingStatus.HELD) {
            throw new IllegalMeetingTransition("record a decision", status);
        }
        AgendaItem item = existingItem(itemId);
        if (item.status() != ItemStatus.KEPT) {
            throw new IllegalMeetingTransition("record a decision on item " + itemId, item.status());
        }
        if (quorum.appliesTo(kind, item.kind())) {
            Quorum.Standing standing = quorum(quorum);
            if (!standing.reached()) {
                throw MeetingRuleViolation.conflict(
                                QUORUM_NOT_REACHED,
                                "A decision about a person needs " + standing.minProfessions()
                                        + " distinct professions present; "
                                        + standing.professionsPresent().size()
                                        + " present (" + String.join(", ", standing.professionsPresent())
                                        + "), " + standing.missing() + " missing.")
                        .with("professionsPresent", standing.professionsPresent())
                        .with("minProfessions", standing.minProfessions())
                        .with("missing", standing.missing());
            }
        }
        Decision decision = new Decision(decisionId, text, now, by, actions, actions.isEmpty());
        AgendaItem changed = replace(item.withDecision(decision));
        actionsPending |= !actions.isEmpty();
        Optional<CaseReviewed> reviewed = changed.isCaseReview()
                ? Optional.of(new CaseReviewed(
                        id,
                        itemId,
                        territory,
                        changed.personRef(),
                        changed.decisions().size(),
                        now))
                : Optional.empty();
        return new RecordedDecision(changed, decision, reviewed);
    }

    /** A decision whose actions are not all assigned yet, with its item. */
    public record UnassignedActions(String itemId, Decision decision) {}

    public List<UnassignedActions> decisionsWithUnassignedActions() {
        return items.stream()
                .flatMap(item -> item.decisions().stream()
                        .filter(decision -> !decision.actionsAssigned())
                        .map(decision -> new UnassignedActions(item.id(), decision)))
                .toList();
    }

    /** Notes the ids the action desk gave a decision's actions. */
    public Decision actionsAssigned(String itemId, String decisionId, List<PlannedAction> assigned) {
        AgendaItem item = existingItem(itemId);
        Decision decision = item.decision(decisionId)
                .orElseThrow(() -> new IllegalArgumentException("No decision " + decisionId + " on item " + itemId));
        Decision changed = decision.withActions(assigned);
        replace(item.withDecisions(item.decisions().stream()
                .map(d -> d.id().equals(decisionId) ? changed : d)
                .toList()));
        actionsPending = !decisionsWithUnassignedActions().isEmpty();
        return changed;
    }

    /**
     * The person was erased from the registry: their items lose the personRef, the notes and the
     * decisions' texts; kind, status and the decisions' count stay.
     *
     * @return how many items were anonymised (0 when none names them, or no longer)
     */
    public int anonymise(String personRef) {
        if (personRef == null) {
            return 0;
        }
        int anonymised = 0;
        for (int i = 0; i < items.size(); i++) {
            if (personRef.equals(items.get(i).personRef())) {
                items.set(i, items.get(i).withoutPerson());
                anonymised++;
            }
        }
        return anonymised;
    }

    private void requireOpen(String action) {
        if (status == MeetingStatus.CANCELLED) {
            throw new IllegalMeetingTransition(action, status);
        }
    }

    // The steering committee reads indicators, never a person's situation.
    private void requireCaseReviewAllowed() {
        if (kind == MeetingKind.STEERING_COMMITTEE) {
            throw MeetingRuleViolation.unprocessable(
                    CASE_REVIEW_NOT_ALLOWED, "A steering committee does not discuss a person's situation.");
        }
    }

    private static void requireConsent(String personRef, boolean consentCovers) {
        if (personRef == null) {
            throw MeetingRuleViolation.unprocessable(
                    CONSENT_MISSING,
                    "This case review names no person yet: nobody's consent covers it. Drop it, or add a case review"
                            + " naming the person.");
        }
        if (!consentCovers) {
            throw MeetingRuleViolation.unprocessable(
                    CONSENT_MISSING,
                    "The person's consent does not cover discussing them with their care team (no consent to "
                            + "care-team sharing or case conference is recorded, or it was withdrawn).");
        }
    }

    private AgendaItem existingItem(String itemId) {
        return item(itemId).orElseThrow(() -> new IllegalArgumentException("No item " + itemId + " in meeting " + id));
    }

    private AgendaItem replace(AgendaItem changed) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(changed.id())) {
                items.set(i, changed);
                return changed;
            }
        }
        throw new IllegalArgumentException("No item " + changed.id() + " in meeting " + id);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    // ---- reads

    public boolean isInvited(String userId) {
        return participant(userId).isPresent();
    }

    public boolean isPresent(String userId) {
        return userId != null && present.contains(userId);
    }

    public Optional<Participant> participant(String userId) {
        return participants.stream().filter(p -> p.userId().equals(userId)).findFirst();
    }

    /** The distinct professions of those present, sorted. */
    public List<String> presentProfessions() {
        return participants.stream()
                .filter(p -> present.contains(p.userId()))
                .map(Participant::professionKey)
                .distinct()
                .sorted()
                .toList();
    }

    /** Where the quorum stands with those present. */
    public Quorum.Standing quorum(Quorum quorum) {
        return quorum.of(participants.stream()
                .filter(p -> present.contains(p.userId()))
                .map(Participant::profession)
                .toList());
    }

    /** The institutions of the participants: who is told of the meeting's events. */
    public Set<String> institutions() {
        Set<String> institutions = new LinkedHashSet<>();
        participants.stream()
                .map(Participant::institution)
                .filter(Objects::nonNull)
                .forEach(institutions::add);
        return institutions;
    }

    public Optional<AgendaItem> item(String itemId) {
        return items.stream().filter(item -> item.id().equals(itemId)).findFirst();
    }

    public boolean hasStarted(Instant now) {
        return !now.isBefore(startsAt);
    }

    public String id() {
        return id;
    }

    public Long version() {
        return version;
    }

    public MeetingKind kind() {
        return kind;
    }

    public String territory() {
        return territory;
    }

    public String title() {
        return title;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public String venue() {
        return venue;
    }

    public String seriesId() {
        return seriesId;
    }

    public List<Participant> participants() {
        return participants;
    }

    /** The user ids of those present (empty until the attendance is recorded). */
    public List<String> present() {
        return present;
    }

    public Instant attendanceRecordedAt() {
        return attendanceRecordedAt;
    }

    public String attendanceRecordedBy() {
        return attendanceRecordedBy;
    }

    public MeetingStatus status() {
        return status;
    }

    public Instant scheduledAt() {
        return scheduledAt;
    }

    public String scheduledBy() {
        return scheduledBy;
    }

    /** When it took place (its start), once HELD. */
    public Instant heldAt() {
        return heldAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public String cancellationReason() {
        return cancellationReason;
    }

    public List<AgendaItem> items() {
        return Collections.unmodifiableList(items);
    }

    public boolean actionsPending() {
        return actionsPending;
    }

    @Override
    public List<OutboundEvent> pendingEvents() {
        return pendingEvents;
    }
}
