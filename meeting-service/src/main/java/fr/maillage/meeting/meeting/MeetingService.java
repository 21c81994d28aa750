package fr.maillage.meeting.meeting;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.maillage.meeting.action.ActionDesk;
import fr.maillage.meeting.action.ActionDesk.ActionView;
import fr.maillage.meeting.consent.ConsentRegistry;
import fr.maillage.meeting.meeting.MeetingAgenda.ProposedItem;
import fr.maillage.meeting.meeting.MeetingAgenda.ProposedItemPlaced;
import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import fr.maillage.platform.web.ETags;
import fr.maillage.platform.web.ProblemException;
import fr.maillage.platform.web.Problems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Schedules meetings and changes them, shows them to those entitled, and keeps their minutes: every
 * change is applied to the meeting document read, saved against its version (with its events in its
 * outbox), and retried from a fresh read when someone else changed it meanwhile. Nothing is written
 * unless every rule holds; a decision's actions are handed to the {@link ActionDesk} only once the
 * decision is saved, under ids derived from it, so a retry never doubles them.
 */
@Service
public class MeetingService {

    private static final Logger log = LoggerFactory.getLogger(MeetingService.class);

    /** Concurrent changes of one meeting are rare and short: a few retries always get through. */
    static final int MAX_ATTEMPTS = 20;

    private final MeetingRepository meetings;
    private final LatestReportRepository reports;
    private final MeetingMessages messages;
    private final MongoTemplate mongo;
    private final ApplicationEventPublisher applicationEvents;
    private final ConsentRegistry consents;
    private final ActionDesk actionDesk;
    private final Quorum quorum;
    private final Duration recordableBeforeStart;
    private final Clock clock;

    MeetingService(
            MeetingRepository meetings,
            LatestReportRepository reports,
            MeetingMessages messages,
            MongoTemplate mongo,
            ApplicationEventPublisher applicationEvents,
            ConsentRegistry consents,
            ActionDesk actionDesk,
            Quorum quorum,
            AttendanceProperties attendance,
            Clock clock) {
        this.meetings = meetings;
        this.reports = reports;
        this.messages = messages;
        this.mongo = mongo;
        this.applicationEvents = applicationEvents;
        this.consents = consents;
        this.actionDesk = actionDesk;
        this.quorum = quorum;
        this.recordableBeforeStart = attendance.recordableBeforeStart();
        this.clock = clock;
        var indexes = mongo.indexOps(Meeting.class);
        // The automatic agenda looks for the next practice group of a territory; lists filter the same way.
        indexes.createIndex(new Index()
                .on("territory", Sort.Direction.ASC)
                .on("kind", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC)
                .on("startsAt", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("participants.userId", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("items.personRef", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("actionsPending", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("seriesId", Sort.Direction.ASC));
    }

    public Instant now() {
        return clock.instant();
    }

    // ---- scheduling

    /**
     * A coordinator's plan of one meeting.
     *
     * @param startsAt the start as an instant (Paris local times are converted by the caller)
     */
    public record Scheduling(
            MeetingKind kind,
            String territory,
            String title,
            Instant startsAt,
            int durationMinutes,
            String venue,
            List<Participant> participants) {}

    Meeting schedule(Scheduling scheduling, CurrentUser user) {
        return scheduleAll(null, List.of(scheduling), user).getFirst();
    }

    /**
     * Schedules several meetings at once (the occurrences of a series): every one is checked before any is
     * written, then all are written in one batch.
     *
     * @param seriesId null outside a series
     */
    public List<Meeting> scheduleAll(String seriesId, List<Scheduling> plans, CurrentUser user) {
        Instant now = clock.instant();
        List<Meeting.Scheduled> scheduled = new ArrayList<>();
        for (Scheduling plan : plans) {
            requireOrganiserOf(plan.territory(), user);
            scheduled.add(obeying(() -> Meeting.schedule(
                    new Meeting.Plan(
                            UUID.randomUUID().toString(),
                            plan.kind(),
                            plan.territory(),
                            plan.title(),
                            plan.startsAt(),
                            plan.durationMinutes(),
                            plan.venue(),
                            seriesId,
                            plan.participants(),
                            user.id()),
                    now)));
        }
        List<Meeting> batch = scheduled.stream()
                .map(s -> {
                    messages.append(s.meeting(), s.event());
                    return s.meeting();
                })
                .toList();
        List<Meeting> saved = List.copyOf(mongo.insertAll(batch));
        return saved.stream().map(this::announced).toList();
    }

    /**
     * Tells the proposals waiting for a practice group of the territory that one is scheduled; they land on
     * it now, so the practice group is read again. A failing listener does not undo the scheduling: the
     * proposals' own sweep places them later.
     */
    private Meeting announced(Meeting meeting) {
        if (meeting.kind() != MeetingKind.PRACTICE_GROUP) {
            return meeting;
        }
        try {
            applicationEvents.publishEvent(
                    new PracticeGroupScheduled(meeting.id(), meeting.territory(), meeting.startsAt()));
        } catch (RuntimeException failed) {
            log.warn("Practice group {} scheduled; placing the waiting proposals failed", meeting.id(), failed);
        }
        return meetings.findById(meeting.id()).orElse(meeting);
    }

    private static void requireOrganiserOf(String territory, CurrentUser user) {
        if (!user.hasRole(Role.ADMIN) && !(user.hasRole(Role.COORDINATOR) && user.coversTerritory(territory))) {
            throw Problems.forbidden("Only a coordinator of territory " + territory + " (or an admin) schedules its "
                            + "meetings.")
                    .with("territory", territory);
        }
    }

    /** Moves a meeting not started yet; {@code ifMatch}, when given, must name its current version. */
    Meeting move(
            String meetingId,
            Instant startsAt,
            Integer durationMinutes,
            String venue,
            String ifMatch,
            CurrentUser user) {
        return change(meetingId, organisedBy(user), meeting -> {
                    if (ifMatch != null) {
                        ETags.requireMatch(ifMatch, meeting.version());
                    }
                    meeting.move(startsAt, durationMinutes, venue, clock.instant());
                    return Step.none();
                })
                .meeting();
    }

    /**
     * Cancels a scheduled meeting. The items the automatic agenda had proposed on a practice group move
     * on to the territory's next one, so that no situation is lost with it.
     */
    Meeting cancel(String meetingId, String reason, CurrentUser user) {
        Meeting cancelled = change(
                        meetingId, organisedBy(user), meeting -> Step.of(meeting.cancel(reason, clock.instant())))
                .meeting();
        if (cancelled.kind() == MeetingKind.PRACTICE_GROUP) {
            cancelled.items().stream()
                    .filter(item ->
                            item.status() == ItemStatus.PROPOSED && item.causeKey() != null && !item.isAnonymised())
                    .forEach(item -> proposeOnNextPracticeGroup(
                                    cancelled.territory(),
                                    new ProposedItem(
                                            item.causeKey(),
                                            item.kind(),
                                            item.personRef(),
                                            item.sourceType(),
                                            item.sourceId(),
                                            item.summaryCode()))
                            .ifPresent(placed -> log.info(
                                    "Proposed item {} of cancelled meeting {} moved to meeting {}",
                                    item.id(),
                                    cancelled.id(),
                                    placed.meetingId())));
        }
        return cancelled;
    }

    Meeting recordAttendance(String meetingId, List<String> present, CurrentUser user) {
        return change(
                        meetingId,
                        organisedBy(user),
                        meeting -> Step.of(
                                meeting
                                        .recordAttendance(present, user.id(), clock.instant(), recordableBeforeStart)
                                        .stream()
                                        .toList()))
                .meeting();
    }

    // ---- agenda

    Change<AgendaItem> addItem(String meetingId, Meeting.NewItem item, CurrentUser user) {
        String itemId = UUID.randomUUID().toString();
        boolean caseReview = item.kind() == ItemKind.CASE_REVIEW
                && item.personRef() != null
                && !item.personRef().isBlank();
        return change(meetingId, organisedBy(user), meeting -> {
            boolean consent =
                    caseReview && consents.coversCaseReview(item.personRef().trim());
            return Step.none(meeting.addItem(item, consent, itemId, user.id(), clock.instant()));
        });
    }

    Change<AgendaItem> keep(String meetingId, String itemId, CurrentUser user) {
        return change(meetingId, organisedBy(user), meeting -> {
            AgendaItem item = requireItem(meeting, itemId);
            boolean consent =
                    item.isCaseReview() && item.personRef() != null && consents.coversCaseReview(item.personRef());
            return Step.none(meeting.keep(itemId, consent, clock.instant()));
        });
    }

    Change<AgendaItem> drop(String meetingId, String itemId, CurrentUser user) {
        return change(meetingId, organisedBy(user), meeting -> {
            requireItem(meeting, itemId);
            return Step.none(meeting.drop(itemId, clock.instant()));
        });
    }

    /**
     * The automatic agenda: the item goes on the territory's next practice group (scheduled, not started),
     * once per cause on a meeting.
     */
    public Optional<ProposedItemPlaced> proposeOnNextPracticeGroup(String territory, ProposedItem item) {
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            Optional<Meeting> next = nextPracticeGroup(territory, now);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            Meeting meeting = next.get();
            Optional<AgendaItem> existing = meeting.itemCausedBy(item.causeKey());
            if (existing.isPresent()) {
                return Optional.of(
                        new ProposedItemPlaced(meeting.id(), existing.get().id()));
            }
            AgendaItem placed = meeting.propose(item, UUID.randomUUID().toString(), now);
            try {
                meetings.save(meeting);
                return Optional.of(new ProposedItemPlaced(meeting.id(), placed.id()));
            } catch (OptimisticLockingFailureException concurrentChange) {
                // Someone changed it (or proposed the same cause): read again, maybe another meeting is next now.
                if (attempt >= MAX_ATTEMPTS) {
                    throw concurrentChange;
                }
            }
        }
    }

    /** The earliest SCHEDULED practice group of the territory starting after {@code now}. */
    Optional<Meeting> nextPracticeGroup(String territory, Instant now) {
        Query next = Query.query(where("territory")
                        .is(territory)
                        .and("kind")
                        .is(MeetingKind.PRACTICE_GROUP)
                        .and("status")
                        .is(MeetingStatus.SCHEDULED)
                        .and("startsAt")
                        .gt(now))
                .with(Sort.by(Sort.Order.asc("startsAt"), Sort.Order.asc("_id")))
                .limit(1);
        return Optional.ofNullable(mongo.findOne(next, Meeting.class));
    }

    // ---- minutes

    /** An item's notes as their reader sees them. */
    record Notes(String meetingId, String itemId, String text, Instant updatedAt, String updatedBy) {}

    Notes writeNotes(String meetingId, String itemId, String text, CurrentUser user) {
        AgendaItem item = change(meetingId, seenBy(user), meeting -> {
                    requireItem(meeting, itemId);
                    requireMinutesWriter(meeting, user);
                    return Step.none(meeting.writeNotes(itemId, text, user.id(), clock.instant()));
                })
                .result();
        return new Notes(meetingId, itemId, item.notes(), item.notesUpdatedAt(), item.notesUpdatedBy());
    }

    /** 404 for whoever may not read them: case notes are for those present and the coordinators only. */
    Notes readNotes(String meetingId, String itemId, CurrentUser user) {
        Meeting meeting = find(meetingId, user);
        AgendaItem item = meeting.item(itemId)
                .filter(found -> MeetingAccess.canReadNotes(meeting, found, user))
                .orElseThrow(() -> Problems.notFound("notes of item", itemId));
        return new Notes(meetingId, itemId, item.notes(), item.notesUpdatedAt(), item.notesUpdatedBy());
    }

    /** An action a decision hands out, as asked. */
    record ActionRequest(String ownerId, String title, LocalDate dueOn) {}

    /** Records a decision, then hands out its actions; the decision as it stands afterwards. */
    Decision recordDecision(
            String meetingId, String itemId, String text, List<ActionRequest> requested, CurrentUser user) {
        String decisionId = UUID.randomUUID().toString();
        List<PlannedAction> planned = new ArrayList<>();
        for (int index = 0; index < requested.size(); index++) {
            ActionRequest action = requested.get(index);
            planned.add(new PlannedAction(
                    index,
                    action.ownerId().trim(),
                    action.title().trim(),
                    action.dueOn().toString(),
                    null));
        }
        Change<Meeting.RecordedDecision> recorded = change(meetingId, seenBy(user), meeting -> {
            requireItem(meeting, itemId);
            requireMinutesWriter(meeting, user);
            Meeting.RecordedDecision decision = meeting.recordDecision(
                    itemId, decisionId, text.trim(), planned, user.id(), quorum, clock.instant());
            return new Step<>(
                    decision,
                    decision.event().stream().map(MeetingEvent.class::cast).toList());
        });
        return assignActions(recorded.meeting().id(), itemId, decisionId);
    }

    /**
     * Hands the decision's actions not yet assigned to the action desk (the same ids every time), then
     * notes their ids on the meeting. An action the desk refuses now stays pending for the watcher.
     */
    Decision assignActions(String meetingId, String itemId, String decisionId) {
        Meeting meeting = meetings.findById(meetingId).orElseThrow();
        Decision decision =
                meeting.item(itemId).flatMap(item -> item.decision(decisionId)).orElseThrow();
        if (decision.actionsAssigned()) {
            return decision;
        }
        List<PlannedAction> assigned = new ArrayList<>();
        for (PlannedAction action : decision.actions()) {
            if (action.actionId() != null) {
                assigned.add(action);
                continue;
            }
            try {
                String actionId = actionDesk
                        .assign(new ActionDesk.NewAction(
                                meetingId,
                                itemId,
                                decisionId,
                                action.index(),
                                meeting.territory(),
                                meeting.institutions(),
                                action.ownerId(),
                                action.title(),
                                action.due()))
                        .actionId();
                assigned.add(action.assigned(actionId));
            } catch (RuntimeException failed) {
                log.warn(
                        "Action {} of decision {} (meeting {}) not assigned yet; retried later",
                        action.index(),
                        decisionId,
                        meetingId,
                        failed);
                assigned.add(action);
            }
        }
        return change(meetingId, any -> true, fresh -> Step.none(fresh.actionsAssigned(itemId, decisionId, assigned)))
                .result();
    }

    /** Meetings with a decision whose actions are not all assigned (the watcher retries them). */
    List<Meeting> withUnassignedActions(int limit) {
        return mongo.find(Query.query(where("actionsPending").is(true)).limit(limit), Meeting.class);
    }

    // ---- erasure

    /** Anonymises the person's items in every meeting; naturally idempotent. */
    int anonymise(String personRef) {
        int anonymised = 0;
        for (Meeting meeting : meetings.findByItemsPersonRef(personRef)) {
            anonymised += change(meeting.id(), any -> true, fresh -> Step.none(fresh.anonymise(personRef)))
                    .result();
        }
        return anonymised;
    }

    // ---- reading

    /** The meeting if this user may see it; 404 otherwise. */
    public Meeting find(String meetingId, CurrentUser user) {
        return meetings.findById(meetingId)
                .filter(seenBy(user))
                .orElseThrow(() -> Problems.notFound("meeting", meetingId));
    }

    /** The meeting as this user may see it; {@code withActions} adds the actions with their status. */
    public MeetingView view(Meeting meeting, CurrentUser user, boolean withActions) {
        LatestReport report = meeting.kind() == MeetingKind.STEERING_COMMITTEE
                ? reports.findById(meeting.territory()).orElse(null)
                : null;
        List<ActionView> actions = withActions ? actionDesk.ofMeeting(meeting.id()) : null;
        return MeetingView.of(meeting, user, quorum, report, actions);
    }

    /** A list's filters; null for any. */
    record Filter(
            String territory, MeetingKind kind, MeetingStatus status, Instant from, Instant to, String seriesId) {}

    /** The meetings this user may see, soonest first. */
    Page<MeetingView> list(Filter filter, int page, int size, CurrentUser user) {
        Criteria criteria = new Criteria();
        if (filter.territory() != null) {
            criteria = criteria.and("territory").is(filter.territory());
        }
        if (filter.kind() != null) {
            criteria = criteria.and("kind").is(filter.kind());
        }
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.seriesId() != null) {
            criteria = criteria.and("seriesId").is(filter.seriesId());
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria starts = criteria.and("startsAt");
            if (filter.from() != null) {
                starts = starts.gte(filter.from());
            }
            if (filter.to() != null) {
                starts.lt(filter.to());
            }
        }
        Optional<Criteria> scope = scope(user);
        if (scope.isPresent()) {
            criteria = new Criteria().andOperator(criteria, scope.get());
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Meeting.class);
        PageRequest pageable = PageRequest.of(page, size, Sort.by(Sort.Order.asc("startsAt"), Sort.Order.asc("_id")));
        Map<String, Optional<LatestReport>> latest = new HashMap<>();
        List<MeetingView> content = mongo.find(Query.of(query).with(pageable), Meeting.class).stream()
                // The query is the rule; the check holds whatever the query forgot.
                .filter(seenBy(user))
                .map(meeting -> MeetingView.of(
                        meeting,
                        user,
                        quorum,
                        meeting.kind() == MeetingKind.STEERING_COMMITTEE
                                ? latest.computeIfAbsent(meeting.territory(), reports::findById)
                                        .orElse(null)
                                : null,
                        null))
                .toList();
        return new PageImpl<>(content, pageable, total);
    }

    /** The query form of {@link MeetingAccess#canSee}; empty for admins (everything). */
    private static Optional<Criteria> scope(CurrentUser user) {
        if (user.hasRole(Role.ADMIN)) {
            return Optional.empty();
        }
        if (user.isPartner()) {
            return Optional.of(where("_id").is(null));
        }
        List<Criteria> scopes = new ArrayList<>();
        if (user.hasRole(Role.COORDINATOR) && !user.territories().isEmpty()) {
            scopes.add(where("territory").in(user.territories()));
        }
        if (user.hasRole(Role.STEERING) && !user.territories().isEmpty()) {
            scopes.add(where("kind")
                    .is(MeetingKind.STEERING_COMMITTEE)
                    .and("territory")
                    .in(user.territories()));
        }
        boolean steeringOnly =
                user.hasRole(Role.STEERING) && !user.hasAnyRole(Role.COORDINATOR, Role.CLINICIAN, Role.FACILITATOR);
        scopes.add(
                steeringOnly
                        ? where("participants.userId").is(user.id()).and("kind").is(MeetingKind.STEERING_COMMITTEE)
                        : where("participants.userId").is(user.id()));
        return Optional.of(new Criteria().orOperator(scopes.toArray(Criteria[]::new)));
    }

    /** The meetings a user is invited to, soonest first, cancelled ones included (calendars show them so). */
    public List<Meeting> invitedTo(String userId) {
        return mongo.find(
                Query.query(where("participants.userId").is(userId)).with(Sort.by("startsAt")), Meeting.class);
    }

    // ---- rules of access

    private static Predicate<Meeting> seenBy(CurrentUser user) {
        return meeting -> MeetingAccess.canSee(meeting, user);
    }

    private static Predicate<Meeting> organisedBy(CurrentUser user) {
        return meeting -> MeetingAccess.canOrganise(meeting, user);
    }

    private static void requireMinutesWriter(Meeting meeting, CurrentUser user) {
        if (!MeetingAccess.canWriteMinutes(meeting, user)) {
            throw Problems.forbidden(
                    "Only the coordinators of the territory and the participants present write the minutes.");
        }
    }

    private static AgendaItem requireItem(Meeting meeting, String itemId) {
        return meeting.item(itemId)
                .orElseThrow(() -> Problems.notFound("item", itemId + " of meeting " + meeting.id()));
    }

    // ---- one change of one meeting, retried on a concurrent change

    /** What a change returns, and the events it causes. */
    record Step<T>(T result, List<MeetingEvent> events) {

        static Step<Void> none() {
            return new Step<>(null, List.of());
        }

        static <T> Step<T> none(T result) {
            return new Step<>(result, List.of());
        }

        static Step<Void> of(MeetingEvent event) {
            return new Step<>(null, List.of(event));
        }

        static Step<Void> of(List<? extends MeetingEvent> events) {
            return new Step<>(null, List.copyOf(events));
        }
    }

    /** The meeting as saved, and what the change returned. */
    record Change<T>(Meeting meeting, T result) {}

    /**
     * Reads the meeting (404 unless {@code entitled}), applies the change, puts its events in the outbox and
     * saves against the version read; from a fresh read again if someone changed it meanwhile. A broken
     * rule throws before anything is written.
     */
    private <T> Change<T> change(String meetingId, Predicate<Meeting> entitled, Function<Meeting, Step<T>> change) {
        for (int attempt = 1; ; attempt++) {
            Meeting meeting = meetings.findById(meetingId)
                    .filter(entitled)
                    .orElseThrow(() -> Problems.notFound("meeting", meetingId));
            Step<T> step = obeying(() -> change.apply(meeting));
            messages.append(meeting, step.events());
            try {
                return new Change<>(meetings.save(meeting), step.result());
            } catch (OptimisticLockingFailureException concurrentChange) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw concurrentChange;
                }
                log.debug("Meeting {} changed meanwhile; change retried", meetingId);
            }
        }
    }

    /** Runs a meeting rule: a broken rule is a problem whose type names the rule, an illegal transition a 409. */
    public static <T> T obeying(Supplier<T> rule) {
        try {
            return rule.get();
        } catch (MeetingRuleViolation violation) {
            ProblemException problem = switch (violation.kind()) {
                case BAD_REQUEST -> Problems.badRequest(violation.rule(), violation.getMessage());
                case UNPROCESSABLE -> Problems.unprocessable(violation.rule(), violation.getMessage());
                case CONFLICT -> Problems.conflict(violation.rule(), violation.getMessage());
            };
            violation.properties().forEach(problem::with);
            throw problem.with("rule", violation.rule());
        } catch (IllegalMeetingTransition transition) {
            throw Problems.illegalTransition(transition.action(), transition.currentState());
        }
    }
}
