package fr.maillage.workshop.attendance;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import fr.maillage.platform.web.ProblemException;
import fr.maillage.platform.web.Problems;
import fr.maillage.workshop.attendance.SessionRoster.Roster;
import fr.maillage.workshop.attendance.SessionRoster.RosterSession;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Records the attendance of a session for its facilitators and shows it to those entitled. The group
 * (its sessions, facilitators and participants) comes from the {@link SessionRoster} port, kept by
 * the groups; the marks and engagement are this package's own document.
 */
@Service
class AttendanceService {

    private static final Logger log = LoggerFactory.getLogger(AttendanceService.class);

    /** The two facilitators recording at once is the usual race: a few retries always get through. */
    static final int MAX_ATTEMPTS = 20;

    // The groups implement the roster (and read this package's ledger, which does not need them).
    private final SessionRoster rosters;
    private final GroupAttendanceRepository attendances;
    private final AttendanceMessages messages;
    private final DisengagementPolicy policy;
    private final AttendanceProperties properties;
    private final Clock clock;

    AttendanceService(
            SessionRoster rosters,
            GroupAttendanceRepository attendances,
            AttendanceMessages messages,
            DisengagementPolicy policy,
            AttendanceProperties properties,
            Clock clock) {
        this.rosters = rosters;
        this.attendances = attendances;
        this.messages = messages;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    /** A session of a group and what is recorded of it (empty before the first recording). */
    record SessionSheet(Roster roster, RosterSession session, Optional<SessionAttendance> attendance) {}

    /**
     * Records marks for a session as one of its facilitators: the pair of the group or a facilitator
     * leading that session. Anyone else, an unknown group or session: 404. Retries on a concurrent
     * recording of the same group, so both land.
     */
    SessionSheet record(String groupId, int number, List<PersonMark> marks, CurrentUser user) {
        for (int attempt = 1; ; attempt++) {
            Roster roster = roster(groupId);
            if (!facilitates(roster, user)) {
                throw Problems.notFound("group", groupId);
            }
            RosterSession session = session(roster, number);
            if (!roster.facilitatorIds().contains(user.id())
                    && !session.facilitatorIds().contains(user.id())) {
                throw sessionNotFound(groupId, number);
            }
            GroupAttendance attendance = attendances.findById(groupId).orElseGet(() -> GroupAttendance.of(groupId));
            GroupAttendance.Recording recording = obeying(() -> attendance.record(
                    roster, number, marks, policy, properties.attendance().recordableBeforeStart(), clock.instant()));
            if (!recording.changed()) {
                return new SessionSheet(roster, session, Optional.of(recording.session()));
            }
            recording.events().forEach(event -> messages.append(attendance, event));
            try {
                attendances.save(attendance);
                return new SessionSheet(roster, session, Optional.of(recording.session()));
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrentChange) {
                // Someone recorded for this group meanwhile (or created its document first): again on theirs.
                if (attempt >= MAX_ATTEMPTS) {
                    throw concurrentChange;
                }
                log.debug("Attendance of group {} changed meanwhile, recording of session {} retried", groupId, number);
            }
        }
    }

    /** The marks of a session, for the group's facilitators, coordinators of its territory and admins. */
    SessionSheet read(String groupId, int number, CurrentUser user) {
        Roster roster = roster(groupId);
        boolean entitled = user.hasRole(Role.ADMIN)
                || (user.hasRole(Role.COORDINATOR) && user.coversTerritory(roster.territory()))
                || (user.hasRole(Role.FACILITATOR) && facilitates(roster, user));
        if (!entitled) {
            throw Problems.notFound("group", groupId);
        }
        RosterSession session = session(roster, number);
        return new SessionSheet(
                roster, session, attendances.findById(groupId).flatMap(attendance -> attendance.session(number)));
    }

    private Roster roster(String groupId) {
        return rosters.of(groupId).orElseThrow(() -> Problems.notFound("group", groupId));
    }

    // The group's pair, or a facilitator of one of its sessions (a substitute).
    private static boolean facilitates(Roster roster, CurrentUser user) {
        return roster.facilitatorIds().contains(user.id())
                || roster.sessions().stream()
                        .anyMatch(session -> session.facilitatorIds().contains(user.id()));
    }

    private static RosterSession session(Roster roster, int number) {
        return roster.sessions().stream()
                .filter(session -> session.number() == number)
                .findFirst()
                .orElseThrow(() -> sessionNotFound(roster.groupId(), number));
    }

    private static ProblemException sessionNotFound(String groupId, int number) {
        return Problems.notFound("session", number + " of group " + groupId);
    }

    // A broken attendance rule is a problem whose type names the rule; nothing was written.
    private static <T> T obeying(Supplier<T> rule) {
        try {
            return rule.get();
        } catch (AttendanceRuleViolation violation) {
            ProblemException problem = switch (violation.rule()) {
                case AttendanceRuleViolation.NO_MARKS, AttendanceRuleViolation.DUPLICATE_MARKS ->
                    Problems.badRequest(violation.rule(), violation.getMessage());
                case AttendanceRuleViolation.UNKNOWN_SESSION ->
                    new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", violation.getMessage());
                case AttendanceRuleViolation.NOT_ENROLLED ->
                    Problems.unprocessable(violation.rule(), violation.getMessage());
                default -> Problems.conflict(violation.rule(), violation.getMessage());
            };
            violation.details().forEach(problem::with);
            throw problem;
        }
    }
}
