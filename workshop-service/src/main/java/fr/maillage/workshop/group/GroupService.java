package fr.maillage.workshop.group;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import fr.maillage.platform.web.ProblemException;
import fr.maillage.platform.web.Problems;
import fr.maillage.workshop.group.GroupEvent.EnrolmentConfirmed;
import fr.maillage.workshop.group.ScheduleConflicts.Booking;
import fr.maillage.workshop.group.ScheduleConflicts.Clash;
import fr.maillage.workshop.programme.Programme;
import fr.maillage.workshop.programme.ProgrammeService;
import fr.maillage.workshop.programme.ProgrammeSettings;
import fr.maillage.workshop.schedule.SessionCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
 * Schedules groups and changes them, shows them to those entitled, and enrols people in them under
 * concurrency: every change is applied to the group document read, saved against its version, and
 * retried from a fresh read when someone else changed it meanwhile. Nothing is written unless every
 * rule holds.
 */
@Service
public class GroupService {

    private static final Logger log = LoggerFactory.getLogger(GroupService.class);

    /** Concurrent changes of one group are rare and short: a few retries always get through. */
    static final int MAX_ENROLMENT_ATTEMPTS = 20;

    static final String SCHEDULE_CONFLICT = "schedule-conflict";

    private static final List<GroupStatus> LIVE = List.of(GroupStatus.PLANNED, GroupStatus.OPEN, GroupStatus.RUNNING);

    private final GroupRepository groups;
    private final GroupMessages messages;
    private final ProgrammeService programmes;
    private final ApplicationEventPublisher applicationEvents;
    private final MongoTemplate mongo;
    private final SessionCalendar calendar;
    private final Clock clock;

    GroupService(
            GroupRepository groups,
            GroupMessages messages,
            ProgrammeService programmes,
            ApplicationEventPublisher applicationEvents,
            MongoTemplate mongo,
            SessionCalendar calendar,
            Clock clock) {
        this.groups = groups;
        this.messages = messages;
        this.programmes = programmes;
        this.applicationEvents = applicationEvents;
        this.mongo = mongo;
        this.calendar = calendar;
        this.clock = clock;
        var indexes = mongo.indexOps(Group.class);
        indexes.createIndex(new Index()
                .on("programmeId", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC)
                .on("startsAt", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("enrolments.referralId", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("enrolments.personRef", Sort.Direction.ASC));
        // The lifecycle sweep and the conflict check look groups up by their first start and last end.
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("startsAt", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("endsAt", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("sessions.facilitators.id", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("territory", Sort.Direction.ASC).on("startsAt", Sort.Direction.ASC));
    }

    /** Told (in-process) when a group opened, so enrolment requests waiting for one can be placed. */
    public record GroupOpenedNotice(String groupId, String programmeId) {}

    /** Where an enrolment landed. */
    public record Placement(String groupId, String enrolmentId, EnrolmentStatus status) {}

    /**
     * A coordinator's plan of a group.
     *
     * @param capacity null: the programme's maximum
     * @param firstSessionAt local date-time in Paris
     */
    record Scheduling(
            String programmeId,
            Integer capacity,
            List<Facilitator> facilitators,
            String venue,
            LocalDateTime firstSessionAt,
            List<String> materials,
            boolean openForEnrolment) {}

    /** The group after a change, and what the change published. */
    record Changed(Group group, List<GroupEvent> events) {}

    public Instant now() {
        return clock.instant();
    }

    // ---- scheduling

    Group schedule(Scheduling scheduling, CurrentUser user) {
        Facilitators pair = obeying(() -> Facilitators.of(scheduling.facilitators()));
        Programme programme = programmes
                .find(scheduling.programmeId())
                .orElseThrow(() -> Problems.unprocessable(
                        "unknown-programme",
                        "No workshop programme " + scheduling.programmeId() + " is known here. If it was just "
                                + "registered in the directory it may not have arrived yet: try again in a moment."));
        if (!user.hasRole(Role.ADMIN) && !user.coversTerritory(programme.territory())) {
            throw Problems.notFound("programme", scheduling.programmeId());
        }
        if (!programme.acceptsGroups()) {
            throw Problems.unprocessable(
                    "programme-not-open",
                    "Programme " + programme.id() + " is " + programme.status() + " (" + programme.type()
                            + ") in the directory and takes no new group.");
        }
        ProgrammeSettings settings = programmes.settingsOf(programme);
        int capacity = scheduling.capacity() != null ? scheduling.capacity() : settings.maxParticipants();
        if (capacity > settings.maxParticipants()) {
            throw Problems.unprocessable(
                            "capacity-above-programme-maximum",
                            "Programme " + programme.id() + " takes at most " + settings.maxParticipants()
                                    + " participants per group; " + capacity + " asked.")
                    .with("maxParticipants", settings.maxParticipants());
        }
        Instant now = clock.instant();
        if (!scheduling
                .firstSessionAt()
                .atZone(SessionCalendar.PARIS)
                .toInstant()
                .isAfter(now)) {
            throw Problems.unprocessable(
                            Group.SESSION_IN_THE_PAST,
                            "The first session (" + scheduling.firstSessionAt() + ", Paris time) is not in the future.")
                    .with("rule", Group.SESSION_IN_THE_PAST);
        }
        List<Session> sessions = obeying(() -> Group.calendar(
                calendar.generate(
                        scheduling.firstSessionAt(),
                        settings.cadence(),
                        settings.sessionCount(),
                        settings.sessionLength(),
                        settings.alternatingIndividualSlots()),
                pair,
                scheduling.venue(),
                scheduling.materials(),
                () -> UUID.randomUUID().toString()));
        requireNoClash(sessions);
        // A group smaller than the programme's minimum runs when full: its own capacity is its minimum then.
        int minParticipants = Math.min(settings.minParticipants(), capacity);
        Group.Scheduled scheduled = obeying(() -> Group.schedule(
                new Group.Plan(
                        UUID.randomUUID().toString(),
                        programme.id(),
                        programme.institution(),
                        programme.territory(),
                        capacity,
                        minParticipants,
                        pair,
                        scheduling.venue(),
                        sessions),
                scheduling.openForEnrolment(),
                now));
        messages.append(scheduled.group(), scheduled.events());
        Group saved = groups.save(scheduled.group());
        if (saved.status() == GroupStatus.OPEN) {
            applicationEvents.publishEvent(new GroupOpenedNotice(saved.id(), saved.programmeId()));
        }
        return saved;
    }

    /** 409 {@code schedule-conflict} naming each clash with the sessions of other live groups. */
    private void requireNoClash(List<Session> planned) {
        Instant from = planned.stream()
                .map(Session::startsAt)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Instant to = planned.stream()
                .map(Session::endsAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        Query overlapping = Query.query(
                where("status").in(LIVE).and("startsAt").lt(to).and("endsAt").gt(from));
        List<Booking> booked = mongo.find(overlapping, Group.class).stream()
                .flatMap(group -> group.sessions().stream().map(session -> new Booking(group.id(), session)))
                .toList();
        List<Clash> clashes = ScheduleConflicts.between(planned, booked);
        if (!clashes.isEmpty()) {
            throw Problems.conflict(
                            SCHEDULE_CONFLICT,
                            "A facilitator or a room would be in two sessions at once: "
                                    + clashes.stream()
                                            .map(GroupService::describe)
                                            .collect(Collectors.joining("; "))
                                    + ".")
                    .with(
                            "clashes",
                            clashes.stream().map(GroupService::asMember).toList());
        }
    }

    private static String describe(Clash clash) {
        String who =
                clash.facilitatorId() != null ? "facilitator " + clash.facilitatorId() : "room '" + clash.venue() + "'";
        return who + " is in session " + clash.sessionNumber() + " of group " + clash.groupId() + " at "
                + clash.startsAt();
    }

    private static Map<String, Object> asMember(Clash clash) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("groupId", clash.groupId());
        member.put("sessionNumber", clash.sessionNumber());
        member.put("startsAt", clash.startsAt().toString());
        if (clash.facilitatorId() != null) {
            member.put("facilitatorId", clash.facilitatorId());
        }
        if (clash.venue() != null) {
            member.put("venue", clash.venue());
        }
        return member;
    }

    /** PLANNED -> OPEN; requests waiting for a group of the programme are placed right after. */
    Group open(String groupId, CurrentUser user) {
        Group opened = change(groupId, coordinatedBy(user), group -> List.<GroupEvent>of(group.open(clock.instant())))
                .group();
        applicationEvents.publishEvent(new GroupOpenedNotice(opened.id(), opened.programmeId()));
        return opened;
    }

    Group cancel(String groupId, String reason, CurrentUser user) {
        return change(groupId, coordinatedBy(user), group -> group.cancel(reason, clock.instant()))
                .group();
    }

    /**
     * A coordinator's change of one session.
     *
     * @param startsAt the new start, null to keep it
     * @param facilitators the new pair, null to keep it
     */
    record SessionEdit(Instant startsAt, String venue, List<Facilitator> facilitators, List<String> materials) {}

    Group changeSession(String groupId, int number, SessionEdit edit, CurrentUser user) {
        Facilitators pair = edit.facilitators() == null ? null : obeying(() -> Facilitators.of(edit.facilitators()));
        Group.SessionChange change = new Group.SessionChange(edit.startsAt(), edit.venue(), pair, edit.materials());
        return change(groupId, coordinatedBy(user), group -> {
                    if (group.session(number).isEmpty()) {
                        throw Problems.notFound("session", number + " of group " + groupId);
                    }
                    Session changed = group.change(number, change, clock.instant());
                    requireNoClash(List.of(changed));
                    return List.of();
                })
                .group();
    }

    // ---- reading

    /** The group, with no access check (attendance and the lifecycle use it). */
    public Optional<Group> get(String groupId) {
        return groups.findById(groupId);
    }

    /** The group if this user may see it: coordinators of its territory, its facilitators, admins. */
    Group find(String groupId, CurrentUser user) {
        return groups.findById(groupId).filter(visibleTo(user)).orElseThrow(() -> Problems.notFound("group", groupId));
    }

    /** The groups this user may see, soonest first: facilitators theirs, coordinators their territories'. */
    Page<Group> list(String programmeId, GroupStatus status, int page, int size, CurrentUser user) {
        Criteria criteria = new Criteria();
        if (programmeId != null) {
            criteria = criteria.and("programmeId").is(programmeId);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (!user.hasRole(Role.ADMIN)) {
            List<Criteria> scopes = new ArrayList<>();
            if (user.hasRole(Role.COORDINATOR) && !user.territories().isEmpty()) {
                scopes.add(where("territory").in(user.territories()));
            }
            scopes.add(where("facilitators.id").is(user.id()));
            scopes.add(where("sessions.facilitators.id").is(user.id()));
            criteria = criteria.orOperator(scopes.toArray(Criteria[]::new));
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Group.class);
        PageRequest pageable = PageRequest.of(page, size, Sort.by(Sort.Order.asc("startsAt"), Sort.Order.asc("id")));
        List<Group> content = mongo.find(Query.of(query).with(pageable), Group.class);
        return new PageImpl<>(content, pageable, total);
    }

    /** Where a referral's person stands: for the referrer's institution, coordinators and facilitators. */
    record ReferralEnrolment(Group group, Enrolment enrolment) {}

    ReferralEnrolment enrolmentOfReferral(String referralId, CurrentUser user) {
        return groups.findByEnrolmentsReferralId(referralId).stream()
                .map(group -> new ReferralEnrolment(
                        group, group.enrolmentOf(referralId).orElseThrow()))
                // The live enrolment first, else the latest.
                .sorted(Comparator.comparing(
                                (ReferralEnrolment found) -> !found.enrolment().isActive())
                        .thenComparing(found -> found.enrolment().enrolledAt(), Comparator.reverseOrder()))
                .filter(found -> visibleTo(user).test(found.group())
                        || (user.institution() != null
                                && user.institution().equals(found.enrolment().referrerInstitution())))
                .findFirst()
                .orElseThrow(() -> Problems.notFound("enrolment of referral", referralId));
    }

    private static Predicate<Group> visibleTo(CurrentUser user) {
        return group -> user.hasRole(Role.ADMIN)
                || (user.hasRole(Role.COORDINATOR) && user.coversTerritory(group.territory()))
                || group.isFacilitatedBy(user.id());
    }

    private static Predicate<Group> coordinatedBy(CurrentUser user) {
        return group ->
                user.hasRole(Role.ADMIN) || (user.hasRole(Role.COORDINATOR) && user.coversTerritory(group.territory()));
    }

    // ---- enrolment

    /** The group and enrolment already holding this referral in one of the programme's groups, if any. */
    public Optional<Placement> placementOf(String programmeId, String referralId) {
        return groups.findByProgrammeIdAndEnrolmentsReferralId(programmeId, referralId).stream()
                .findFirst()
                .flatMap(group -> group.enrolmentOf(referralId)
                        .map(enrolment -> new Placement(group.id(), enrolment.id(), enrolment.status())));
    }

    /**
     * Places a candidate in the programme: the open group starting soonest with a free place confirms
     * them; when every open group is full, the soonest one waitlists them. A referral already placed in
     * one of the programme's groups stays where it is. Concurrent enrolments in the same group retry on
     * the group's version, so the capacity holds.
     *
     * @return where the candidate is, or empty when the programme has no open group
     */
    public Optional<Placement> enrol(String programmeId, Candidate candidate) {
        for (int attempt = 1; ; attempt++) {
            Optional<Placement> existing = placementOf(programmeId, candidate.referralId());
            if (existing.isPresent()) {
                return existing;
            }
            List<Group> open =
                    groups.findByProgrammeIdAndStatusOrderByStartsAtAscOpenedAtAscIdAsc(programmeId, GroupStatus.OPEN);
            if (open.isEmpty()) {
                return Optional.empty();
            }
            Group group = open.stream().filter(Group::hasPlace).findFirst().orElse(open.getFirst());
            String enrolmentId = UUID.randomUUID().toString();
            Optional<GroupEvent> event = group.enrol(candidate, enrolmentId, clock.instant());
            if (event.isPresent()) {
                messages.append(group, event.get());
                try {
                    groups.save(group);
                } catch (OptimisticLockingFailureException concurrentChange) {
                    if (attempt >= MAX_ENROLMENT_ATTEMPTS) {
                        throw concurrentChange;
                    }
                    log.debug(
                            "Group {} changed meanwhile, enrolment of referral {} retried",
                            group.id(),
                            candidate.referralId());
                    continue;
                }
            }
            // Already there: by this referral, or the person was enrolled by a coordinator.
            Enrolment enrolment = group.enrolmentOf(candidate.referralId())
                    .or(() -> group.activeEnrolmentOf(candidate.personRef()))
                    .orElseThrow();
            return Optional.of(new Placement(group.id(), enrolment.id(), enrolment.status()));
        }
    }

    /** @param position the place in the waiting order, when waitlisted */
    record DirectEnrolment(Enrolment enrolment, Integer position) {}

    /** A coordinator enrols a person in this group directly (with or without a referral). */
    DirectEnrolment enrolDirectly(String groupId, Candidate candidate, CurrentUser user) {
        String enrolmentId = UUID.randomUUID().toString();
        Group saved = change(groupId, coordinatedBy(user), group -> {
                    if (group.isEnrolled(candidate)) {
                        throw Problems.conflict(
                                "already-enrolled",
                                "This person (or this referral) already holds or awaits a place in group " + groupId
                                        + ".");
                    }
                    return group.enrol(candidate, enrolmentId, clock.instant()).stream()
                            .toList();
                })
                .group();
        return new DirectEnrolment(
                saved.enrolment(enrolmentId).orElseThrow(),
                saved.positionOf(enrolmentId).orElse(null));
    }

    /**
     * The person leaves the group (coordinators of its territory, its facilitators); the first
     * waitlisted person gets the place at once.
     */
    Changed withdraw(String groupId, String enrolmentId, String reason, CurrentUser user) {
        return change(groupId, coordinatedBy(user).or(group -> group.isFacilitatedBy(user.id())), group -> {
            if (group.enrolment(enrolmentId).isEmpty()) {
                throw Problems.notFound("enrolment", enrolmentId + " of group " + groupId);
            }
            return group.withdraw(enrolmentId, reason, clock.instant());
        });
    }

    /** The enrolments a withdrawal promoted from the waiting list. */
    static List<String> promotedBy(List<GroupEvent> events) {
        return events.stream()
                .filter(event -> event instanceof EnrolmentConfirmed confirmed && confirmed.promotedFromWaitlist())
                .map(event -> ((EnrolmentConfirmed) event).enrolmentId())
                .toList();
    }

    // ---- lifecycle (GroupLifecycleWatcher)

    /** PLANNED or OPEN groups whose first session has started. */
    List<Group> dueToStart(Instant now, int limit) {
        Query due = Query.query(where("status")
                        .in(GroupStatus.PLANNED, GroupStatus.OPEN)
                        .and("startsAt")
                        .lte(now))
                .with(Sort.by("startsAt"))
                .limit(limit);
        return mongo.find(due, Group.class);
    }

    /** RUNNING groups whose last session has ended. */
    List<Group> dueToEnd(Instant now, int limit) {
        Query due = Query.query(
                        where("status").is(GroupStatus.RUNNING).and("endsAt").lte(now))
                .with(Sort.by("endsAt"))
                .limit(limit);
        return mongo.find(due, Group.class);
    }

    /** Saves a lifecycle step against the version read: throws OptimisticLockingFailureException if it moved. */
    void saveLifecycle(Group group, List<GroupEvent> events) {
        messages.append(group, events);
        groups.save(group);
    }

    // ---- facilitators' sessions (GroupAgendaService)

    /** The groups, not cancelled, in which this person leads at least one session. */
    List<Group> ledBy(String facilitatorId) {
        return mongo.find(
                Query.query(where("status")
                                .ne(GroupStatus.CANCELLED)
                                .and("sessions.facilitators.id")
                                .is(facilitatorId))
                        .with(Sort.by("startsAt")),
                Group.class);
    }

    // ---- erasure

    /**
     * Anonymises the person's enrolments in every group (the person was erased from the registry).
     * Naturally idempotent: once anonymised, no enrolment names them any more.
     *
     * @return how many enrolments were anonymised
     */
    public int anonymise(String personRef) {
        int anonymised = 0;
        for (Group group : groups.findByEnrolmentsPersonRef(personRef)) {
            anonymised += anonymiseIn(group.id(), personRef);
        }
        return anonymised;
    }

    private int anonymiseIn(String groupId, String personRef) {
        for (int attempt = 1; ; attempt++) {
            Optional<Group> found = groups.findById(groupId);
            if (found.isEmpty()) {
                return 0;
            }
            Group group = found.get();
            int anonymised = group.anonymise(personRef);
            if (anonymised == 0) {
                return 0;
            }
            try {
                groups.save(group);
                return anonymised;
            } catch (OptimisticLockingFailureException concurrentChange) {
                if (attempt >= MAX_ENROLMENT_ATTEMPTS) {
                    throw concurrentChange;
                }
            }
        }
    }

    // ---- one change of one group, retried on a concurrent change

    /**
     * Reads the group (404 unless {@code entitled}), applies the change, puts its events in the outbox
     * and saves against the version read; from a fresh read again if someone changed the group meanwhile.
     * A broken rule throws before anything is written.
     */
    private Changed change(String groupId, Predicate<Group> entitled, Function<Group, List<GroupEvent>> change) {
        for (int attempt = 1; ; attempt++) {
            Group group =
                    groups.findById(groupId).filter(entitled).orElseThrow(() -> Problems.notFound("group", groupId));
            List<GroupEvent> events = obeying(() -> change.apply(group));
            messages.append(group, events);
            try {
                return new Changed(groups.save(group), events);
            } catch (OptimisticLockingFailureException concurrentChange) {
                if (attempt >= MAX_ENROLMENT_ATTEMPTS) {
                    throw concurrentChange;
                }
                log.debug("Group {} changed meanwhile; change retried", groupId);
            }
        }
    }

    // A broken group rule is a problem whose type names the rule; an illegal transition a 409.
    private static <T> T obeying(Supplier<T> rule) {
        try {
            return rule.get();
        } catch (GroupRuleViolation violation) {
            ProblemException problem = violation.isUnprocessable()
                    ? Problems.unprocessable(violation.rule(), violation.getMessage())
                    : Problems.badRequest(violation.rule(), violation.getMessage());
            throw problem.with("rule", violation.rule());
        } catch (IllegalGroupTransition transition) {
            throw Problems.illegalTransition(transition.action(), transition.currentState());
        }
    }
}
