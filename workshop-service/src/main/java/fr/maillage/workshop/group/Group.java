package fr.maillage.workshop.group;

import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.events.PublishesEvents;
import fr.maillage.workshop.group.GroupEvent.EnrolmentConfirmed;
import fr.maillage.workshop.group.GroupEvent.EnrolmentWaitlisted;
import fr.maillage.workshop.group.GroupEvent.GroupCancelled;
import fr.maillage.workshop.group.GroupEvent.GroupCompleted;
import fr.maillage.workshop.group.GroupEvent.GroupOpened;
import fr.maillage.workshop.group.GroupEvent.GroupScheduled;
import fr.maillage.workshop.group.GroupEvent.Participant;
import fr.maillage.workshop.group.GroupEvent.ParticipantCompleted;
import fr.maillage.workshop.group.GroupEvent.ParticipantWithdrew;
import fr.maillage.workshop.group.GroupEvent.Participation;
import fr.maillage.workshop.schedule.SessionKind;
import fr.maillage.workshop.schedule.Slot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A workshop group (a cohort of one programme): its pair of facilitators, its room, its calendar of
 * sessions, a number of places, and the people enrolled in it, confirmed while places remain, then
 * waitlisted. PLANNED -> OPEN -> RUNNING -> COMPLETED, or CANCELLED. The document is the unit of
 * consistency: {@code @Version} makes concurrent changes retry, so the capacity always holds and each
 * lifecycle step happens once however many instances watch it.
 */
@Document("groups")
public class Group implements PublishesEvents {

    public static final int MIN_CAPACITY = 1;
    public static final int MAX_CAPACITY = 50;
    public static final String CAPACITY_RULE = "capacity-out-of-range";
    public static final String SESSION_IN_THE_PAST = "session-in-the-past";
    public static final String SESSION_OUT_OF_ORDER = "session-out-of-order";
    public static final String REASON_RULE = "reason-code";
    /** Why the lifecycle cancels a group whose first session comes with too few participants. */
    public static final String MINIMUM_NOT_REACHED = "minimum-not-reached";

    /** A reason is a code (e.g. {@code moved-away}), never free text: it is published. */
    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final int MAX_CODE_LENGTH = 64;

    @Id
    private final String id;

    @Version
    private Long version;

    private final String programmeId;
    private final String programmeInstitution;
    private final String territory;
    private final int capacity;
    private final int minParticipants;
    private final List<Facilitator> facilitators;
    private final String venue;
    private GroupStatus status;
    private final Instant scheduledAt;
    private Instant openedAt;
    private Instant startedAt;
    private Instant closedAt;
    private String cancellationReason;
    /** The first session's start and the last session's end: what the lifecycle and conflicts query by. */
    private Instant startsAt;

    private Instant endsAt;
    private final List<Session> sessions;
    private final List<Enrolment> enrolments;
    private final List<OutboundEvent> pendingEvents;

    @PersistenceCreator
    Group(
            String id,
            Long version,
            String programmeId,
            String programmeInstitution,
            String territory,
            int capacity,
            int minParticipants,
            List<Facilitator> facilitators,
            String venue,
            GroupStatus status,
            Instant scheduledAt,
            Instant openedAt,
            Instant startedAt,
            Instant closedAt,
            String cancellationReason,
            Instant startsAt,
            Instant endsAt,
            List<Session> sessions,
            List<Enrolment> enrolments,
            List<OutboundEvent> pendingEvents) {
        this.id = id;
        this.version = version;
        this.programmeId = programmeId;
        this.programmeInstitution = programmeInstitution;
        this.territory = territory;
        this.capacity = capacity;
        this.minParticipants = minParticipants;
        this.facilitators = facilitators == null ? List.of() : List.copyOf(facilitators);
        this.venue = venue;
        this.status = status;
        this.scheduledAt = scheduledAt;
        this.openedAt = openedAt;
        this.startedAt = startedAt;
        this.closedAt = closedAt;
        this.cancellationReason = cancellationReason;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.sessions = sessions == null ? new ArrayList<>() : new ArrayList<>(sessions);
        this.enrolments = enrolments == null ? new ArrayList<>() : new ArrayList<>(enrolments);
        this.pendingEvents = pendingEvents == null ? new ArrayList<>() : new ArrayList<>(pendingEvents);
    }

    /**
     * What a coordinator plans: the group lives in the programme's territory.
     *
     * @param minParticipants below this many confirmed at the first session, the group is cancelled
     * @param sessions the generated calendar ({@link #calendar})
     */
    public record Plan(
            String id,
            String programmeId,
            String programmeInstitution,
            String territory,
            int capacity,
            int minParticipants,
            Facilitators facilitators,
            String venue,
            List<Session> sessions) {

        public Plan {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(programmeId, "programmeId");
            Objects.requireNonNull(programmeInstitution, "programmeInstitution");
            Objects.requireNonNull(territory, "territory");
            Objects.requireNonNull(facilitators, "facilitators");
            sessions = List.copyOf(sessions);
        }
    }

    /** A newly scheduled group and what to publish: group-scheduled, then group-opened when it opens at once. */
    public record Scheduled(Group group, List<GroupEvent> events) {}

    /** The sessions of a generated calendar, each led by the pair, in the room, with the materials. */
    public static List<Session> calendar(
            List<Slot> slots, Facilitators pair, String venue, List<String> materials, Supplier<String> ids) {
        return slots.stream()
                .map(slot -> new Session(
                        ids.get(),
                        slot.number(),
                        slot.kind(),
                        slot.startsAt(),
                        slot.endsAt(),
                        venue,
                        pair.asList(),
                        materials))
                .toList();
    }

    /**
     * Schedules a group: OPEN for enrolment at once, else PLANNED until {@link #open}. The first session
     * must be in the future.
     */
    public static Scheduled schedule(Plan plan, boolean openForEnrolment, Instant now) {
        if (plan.capacity() < MIN_CAPACITY || plan.capacity() > MAX_CAPACITY) {
            throw new GroupRuleViolation(
                    CAPACITY_RULE,
                    "A workshop group has between " + MIN_CAPACITY + " and " + MAX_CAPACITY + " places; "
                            + plan.capacity() + " asked.");
        }
        if (plan.minParticipants() < 1 || plan.minParticipants() > plan.capacity()) {
            throw new GroupRuleViolation(
                    "min-participants-out-of-range",
                    "A group's minimum is between 1 and its capacity (" + plan.capacity() + "); "
                            + plan.minParticipants() + " asked.");
        }
        if (plan.sessions().isEmpty()) {
            throw new IllegalArgumentException("A group has at least one session");
        }
        List<Session> sessions = plan.sessions().stream()
                .sorted(Comparator.comparingInt(Session::number))
                .toList();
        if (!sessions.getFirst().startsAt().isAfter(now)) {
            throw GroupRuleViolation.unprocessable(
                    SESSION_IN_THE_PAST,
                    "The first session (" + sessions.getFirst().startsAt() + ") is not in the future.");
        }
        GroupStatus status = openForEnrolment ? GroupStatus.OPEN : GroupStatus.PLANNED;
        Group group = new Group(
                plan.id(),
                null,
                plan.programmeId(),
                plan.programmeInstitution(),
                plan.territory(),
                plan.capacity(),
                plan.minParticipants(),
                plan.facilitators().asList(),
                plan.venue(),
                status,
                now,
                openForEnrolment ? now : null,
                null,
                null,
                null,
                null,
                null,
                sessions,
                List.of(),
                List.of());
        group.spanSessions();
        List<GroupEvent> events = new ArrayList<>();
        events.add(new GroupScheduled(
                group.id,
                group.programmeId,
                group.programmeInstitution,
                group.territory,
                group.capacity,
                group.minParticipants,
                group.facilitatorIds(),
                group.groupSessions(),
                group.individualSlots(),
                group.startsAt,
                group.endsAt,
                status));
        if (openForEnrolment) {
            events.add(group.opened(now));
        }
        return new Scheduled(group, List.copyOf(events));
    }

    /** PLANNED -> OPEN: the group takes enrolments from now on. */
    public GroupOpened open(Instant now) {
        if (status != GroupStatus.PLANNED) {
            throw new IllegalGroupTransition("open the group for enrolment", status);
        }
        status = GroupStatus.OPEN;
        openedAt = now;
        return opened(now);
    }

    private GroupOpened opened(Instant now) {
        return new GroupOpened(id, programmeId, programmeInstitution, territory, capacity, facilitatorIds(), now);
    }

    /**
     * Enrols a candidate: confirmed while a place remains, else waitlisted at their position by the
     * {@link WaitlistPolicy}. A referral already in this group, or a person already holding or awaiting
     * a place here, is refused (nothing happens): the same acceptance delivered twice never takes two
     * places.
     *
     * @return the event, or empty when the referral or the person was already enrolled here
     */
    public Optional<GroupEvent> enrol(Candidate candidate, String enrolmentId, Instant now) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(enrolmentId, "enrolmentId");
        if (status != GroupStatus.OPEN) {
            throw new IllegalGroupTransition("enrol in the group", status);
        }
        if (isEnrolled(candidate)) {
            return Optional.empty();
        }
        if (hasPlace()) {
            enrolments.add(Enrolment.of(enrolmentId, candidate, EnrolmentStatus.CONFIRMED, now));
            return Optional.of(confirmed(enrolment(enrolmentId).orElseThrow(), now, false));
        }
        Enrolment waitlisted = Enrolment.of(enrolmentId, candidate, EnrolmentStatus.WAITLISTED, now);
        enrolments.add(waitlisted);
        return Optional.of(new EnrolmentWaitlisted(
                participation(waitlisted), positionOf(enrolmentId).orElseThrow(), now));
    }

    /** Whether the candidate's referral is in this group, or the person holds or awaits a place here. */
    public boolean isEnrolled(Candidate candidate) {
        return enrolmentOf(candidate.referralId()).isPresent()
                || activeEnrolmentOf(candidate.personRef()).isPresent();
    }

    private EnrolmentConfirmed confirmed(Enrolment enrolment, Instant now, boolean promoted) {
        return new EnrolmentConfirmed(participation(enrolment), now, promoted);
    }

    /** What every event about this enrolment says of it and of the group. */
    private Participation participation(Enrolment enrolment) {
        return new Participation(
                id,
                enrolment.id(),
                programmeId,
                programmeInstitution,
                territory,
                enrolment.referralId(),
                enrolment.personRef(),
                enrolment.referrerInstitution());
    }

    /**
     * The person leaves the group (or its waiting list). A place they held goes at once to the first
     * waitlisted person ({@link WaitlistPolicy}) who was not erased from the registry.
     *
     * @param reason a code, e.g. {@code moved-away}
     * @return participant-withdrew, then enrolment-confirmed of the promoted person if any
     */
    public List<GroupEvent> withdraw(String enrolmentId, String reason, Instant now) {
        requireCode(reason);
        if (status != GroupStatus.OPEN && status != GroupStatus.RUNNING) {
            throw new IllegalGroupTransition("withdraw from the group", status);
        }
        Enrolment enrolment = enrolment(enrolmentId)
                .orElseThrow(() -> new IllegalArgumentException("No enrolment " + enrolmentId + " in group " + id));
        if (!enrolment.isActive()) {
            throw new IllegalGroupTransition("withdraw enrolment " + enrolmentId, enrolment.status());
        }
        replace(enrolment.withdrawn(reason, now));
        List<GroupEvent> events = new ArrayList<>();
        events.add(new ParticipantWithdrew(participation(enrolment), reason, now));
        // An erased person (anonymised) cannot be told of a place: the next one gets it.
        Optional<Enrolment> next;
        while (hasPlace()
                && (next = waitlist().stream().filter(e -> !e.anonymised()).findFirst()).isPresent()) {
            Enrolment promoted = next.get().promoted(now);
            replace(promoted);
            events.add(confirmed(promoted, now, true));
        }
        return List.copyOf(events);
    }

    /**
     * The first session starts: with at least {@code minParticipants} confirmed the group runs, else it
     * is cancelled ({@link #MINIMUM_NOT_REACHED}).
     *
     * @return group-cancelled, or nothing when the group runs
     */
    public List<GroupEvent> start(Instant now) {
        if (status != GroupStatus.PLANNED && status != GroupStatus.OPEN) {
            throw new IllegalGroupTransition("start the group", status);
        }
        if (!isDueToStart(now)) {
            throw new IllegalStateException("Group " + id + " starts at " + startsAt + ", not yet at " + now);
        }
        if (confirmedCount() < minParticipants) {
            return List.of(cancelled(MINIMUM_NOT_REACHED, now));
        }
        status = GroupStatus.RUNNING;
        startedAt = now;
        return List.of();
    }

    /** A coordinator calls the group off (before or while it runs); {@code reason} is a code. */
    public List<GroupEvent> cancel(String reason, Instant now) {
        requireCode(reason);
        if (!status.isLive()) {
            throw new IllegalGroupTransition("cancel the group", status);
        }
        return List.of(cancelled(reason, now));
    }

    private GroupCancelled cancelled(String reason, Instant now) {
        int confirmed = confirmedCount();
        List<Participant> participants = enrolments.stream()
                .filter(Enrolment::isActive)
                .map(enrolment -> new Participant(
                        enrolment.id(),
                        enrolment.referralId(),
                        enrolment.personRef(),
                        enrolment.referrerInstitution(),
                        enrolment.status()))
                .toList();
        status = GroupStatus.CANCELLED;
        closedAt = now;
        cancellationReason = reason;
        return new GroupCancelled(
                id,
                programmeId,
                programmeInstitution,
                territory,
                reason,
                confirmed,
                minParticipants,
                participants,
                now);
    }

    /**
     * The last session ended: each confirmed participant is COMPLETED or NOT_COMPLETED by the policy
     * over the group sessions they attended.
     *
     * @param attended enrolment id -> group sessions attended (absent: none)
     * @return participant-completed for each who completed, then group-completed
     */
    public List<GroupEvent> complete(Map<String, Integer> attended, CompletionPolicy policy, Instant now) {
        if (status != GroupStatus.RUNNING) {
            throw new IllegalGroupTransition("complete the group", status);
        }
        if (!isDueToEnd(now)) {
            throw new IllegalStateException("Group " + id + " ends at " + endsAt + ", not yet at " + now);
        }
        int groupSessions = groupSessions();
        List<GroupEvent> events = new ArrayList<>();
        int completed = 0;
        int notCompleted = 0;
        for (Enrolment enrolment : List.copyOf(enrolments)) {
            if (!enrolment.isConfirmed()) {
                continue;
            }
            int sessionsAttended = Math.min(attended.getOrDefault(enrolment.id(), 0), groupSessions);
            EnrolmentStatus outcome = policy.outcome(sessionsAttended, groupSessions);
            replace(enrolment.concluded(outcome, sessionsAttended, now));
            if (outcome == EnrolmentStatus.COMPLETED) {
                completed++;
                events.add(new ParticipantCompleted(participation(enrolment), sessionsAttended, groupSessions, now));
            } else {
                notCompleted++;
            }
        }
        int withdrawn = (int) enrolments.stream()
                .filter(enrolment -> enrolment.status() == EnrolmentStatus.WITHDRAWN)
                .count();
        status = GroupStatus.COMPLETED;
        closedAt = now;
        events.add(new GroupCompleted(
                id,
                programmeId,
                programmeInstitution,
                territory,
                groupSessions,
                completed,
                notCompleted,
                withdrawn,
                now));
        return List.copyOf(events);
    }

    /**
     * What a coordinator changes in one session; null fields stay as they are.
     *
     * @param startsAt the new start (the session keeps its length)
     * @param facilitators the pair leading it (a substitute for one of them keeps it at two)
     */
    public record SessionChange(Instant startsAt, String venue, Facilitators facilitators, List<String> materials) {}

    /**
     * Moves a session, changes its room, its pair or its materials. A session already started cannot
     * change; a move stays in the future and between the previous and the next session.
     *
     * @return the changed session
     */
    public Session change(int number, SessionChange change, Instant now) {
        if (!status.isLive()) {
            throw new IllegalGroupTransition("change a session of the group", status);
        }
        Session session = session(number)
                .orElseThrow(() -> new IllegalArgumentException("No session " + number + " in group " + id));
        if (!session.startsAt().isAfter(now)) {
            throw GroupRuleViolation.unprocessable(
                    SESSION_IN_THE_PAST,
                    "Session " + number + " started at " + session.startsAt() + ": it can no longer be changed.");
        }
        Session changed = session;
        if (change.startsAt() != null) {
            changed = changed.movedTo(change.startsAt());
            if (!changed.startsAt().isAfter(now)) {
                throw GroupRuleViolation.unprocessable(
                        SESSION_IN_THE_PAST,
                        "Session " + number + " cannot move to the past (" + change.startsAt() + ").");
            }
            Optional<Session> previous = session(number - 1);
            Optional<Session> next = session(number + 1);
            if (previous.isPresent()
                            && changed.startsAt().isBefore(previous.get().endsAt())
                    || next.isPresent() && changed.endsAt().isAfter(next.get().startsAt())) {
                throw GroupRuleViolation.unprocessable(
                        SESSION_OUT_OF_ORDER,
                        "Session " + number + " stays between the end of the previous session and the start of "
                                + "the next one.");
            }
        }
        if (change.venue() != null) {
            changed = changed.in(change.venue());
        }
        if (change.facilitators() != null) {
            changed = changed.ledBy(change.facilitators());
        }
        if (change.materials() != null) {
            changed = changed.with(change.materials());
        }
        sessions.set(sessions.indexOf(session), changed);
        spanSessions();
        return changed;
    }

    /**
     * Removes the person from their enrolments here (they were erased from the registry): counts,
     * statuses, positions and dates stay as they are.
     *
     * @return how many enrolments were anonymised (0 when the person has none here, or no longer)
     */
    public int anonymise(String personRef) {
        int anonymised = 0;
        for (int i = 0; i < enrolments.size(); i++) {
            if (enrolments.get(i).isOf(personRef)) {
                enrolments.set(i, enrolments.get(i).withoutPerson());
                anonymised++;
            }
        }
        return anonymised;
    }

    private static void requireCode(String reason) {
        if (reason == null
                || reason.length() > MAX_CODE_LENGTH
                || !CODE.matcher(reason).matches()) {
            throw new GroupRuleViolation(
                    REASON_RULE,
                    "A reason is a code of lowercase letters, digits and dashes (e.g. moved-away), at most "
                            + MAX_CODE_LENGTH + " characters: it is published, so never free text.");
        }
    }

    private void replace(Enrolment changed) {
        for (int i = 0; i < enrolments.size(); i++) {
            if (enrolments.get(i).id().equals(changed.id())) {
                enrolments.set(i, changed);
                return;
            }
        }
        throw new IllegalArgumentException("No enrolment " + changed.id() + " in group " + id);
    }

    private void spanSessions() {
        startsAt = sessions.stream()
                .map(Session::startsAt)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        endsAt = sessions.stream()
                .map(Session::endsAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
    }

    // ---- reads

    public boolean isDueToStart(Instant now) {
        return !now.isBefore(startsAt);
    }

    public boolean isDueToEnd(Instant now) {
        return !now.isBefore(endsAt);
    }

    public boolean hasPlace() {
        return confirmedCount() < capacity;
    }

    public int confirmedCount() {
        return (int) enrolments.stream().filter(Enrolment::isConfirmed).count();
    }

    /** The enrolment of a referral (whatever its status), empty for a null referral id. */
    public Optional<Enrolment> enrolmentOf(String referralId) {
        return enrolments.stream()
                .filter(enrolment -> enrolment.isFor(referralId))
                .findFirst();
    }

    public Optional<Enrolment> enrolment(String enrolmentId) {
        return enrolments.stream()
                .filter(enrolment -> enrolment.id().equals(enrolmentId))
                .findFirst();
    }

    /** The CONFIRMED, WAITLISTED enrolment of that person here, if any. */
    public Optional<Enrolment> activeEnrolmentOf(String personRef) {
        return enrolments.stream()
                .filter(enrolment -> enrolment.isActive() && enrolment.isOf(personRef))
                .findFirst();
    }

    /** The CONFIRMED (or, after the end, COMPLETED / NOT_COMPLETED) enrolment of that person, if any. */
    public Optional<Enrolment> participant(String personRef) {
        return enrolments.stream()
                .filter(enrolment -> enrolment.isParticipant() && enrolment.isOf(personRef))
                .findFirst();
    }

    /** The waiting list in the order places will be offered. */
    public List<Enrolment> waitlist() {
        return enrolments.stream()
                .filter(Enrolment::isWaitlisted)
                .sorted(WaitlistPolicy.ORDER)
                .toList();
    }

    /** 1-based position of a waitlisted enrolment, empty if it is not waiting here. */
    public Optional<Integer> positionOf(String enrolmentId) {
        List<Enrolment> waiting = waitlist();
        for (int i = 0; i < waiting.size(); i++) {
            if (waiting.get(i).id().equals(enrolmentId)) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    /** One of the group's pair, or a facilitator (a substitute) of one of its sessions. */
    public boolean isFacilitatedBy(String userId) {
        return userId != null
                && (facilitatorIds().contains(userId)
                        || sessions.stream().anyMatch(session -> session.isLedBy(userId)));
    }

    public Optional<Session> session(int number) {
        return sessions.stream().filter(session -> session.number() == number).findFirst();
    }

    public int groupSessions() {
        return (int) sessions.stream()
                .filter(session -> session.kind() == SessionKind.GROUP)
                .count();
    }

    public int individualSlots() {
        return sessions.size() - groupSessions();
    }

    public String id() {
        return id;
    }

    public Long version() {
        return version;
    }

    public String programmeId() {
        return programmeId;
    }

    public String programmeInstitution() {
        return programmeInstitution;
    }

    public String territory() {
        return territory;
    }

    public int capacity() {
        return capacity;
    }

    public int minParticipants() {
        return minParticipants;
    }

    public List<Facilitator> facilitators() {
        return facilitators;
    }

    public List<String> facilitatorIds() {
        return facilitators.stream().map(Facilitator::id).toList();
    }

    public String venue() {
        return venue;
    }

    public GroupStatus status() {
        return status;
    }

    public Instant scheduledAt() {
        return scheduledAt;
    }

    /** Null while PLANNED. */
    public Instant openedAt() {
        return openedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** When it was completed or cancelled. */
    public Instant closedAt() {
        return closedAt;
    }

    public String cancellationReason() {
        return cancellationReason;
    }

    /** The first session's start. */
    public Instant startsAt() {
        return startsAt;
    }

    /** The last session's end. */
    public Instant endsAt() {
        return endsAt;
    }

    /** In time order (by number). */
    public List<Session> sessions() {
        return sessions.stream()
                .sorted(Comparator.comparingInt(Session::number))
                .toList();
    }

    public List<Enrolment> enrolments() {
        return Collections.unmodifiableList(enrolments);
    }

    @Override
    public List<OutboundEvent> pendingEvents() {
        return pendingEvents;
    }
}
