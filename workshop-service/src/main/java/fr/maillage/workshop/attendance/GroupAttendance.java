package fr.maillage.workshop.attendance;

import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.events.PublishesEvents;
import fr.maillage.workshop.attendance.AttendanceEvent.ParticipantDisengaged;
import fr.maillage.workshop.attendance.AttendanceEvent.SessionHeld;
import fr.maillage.workshop.attendance.DisengagementPolicy.Evaluation;
import fr.maillage.workshop.attendance.DisengagementPolicy.SessionMark;
import fr.maillage.workshop.attendance.SessionRoster.Participant;
import fr.maillage.workshop.attendance.SessionRoster.Roster;
import fr.maillage.workshop.attendance.SessionRoster.RosterSession;
import fr.maillage.workshop.schedule.SessionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The attendance of one group (document id = the group's id): the marks of each session and each
 * participant's engagement. One document per group, so a recording and the events it causes are one
 * single-document write, and {@code @Version} makes concurrent recordings (the two facilitators at
 * once) retry instead of losing one. Participants are enrolment ids: the person comes from the
 * group's roster when needed, so nothing here names anyone.
 */
@Document("attendance")
public class GroupAttendance implements PublishesEvents {

    private static final Set<String> RECORDABLE_STATUSES = Set.of("OPEN", "RUNNING");

    private static final Comparator<SessionAttendance> START_ORDER =
            Comparator.comparing(SessionAttendance::startsAt).thenComparingInt(SessionAttendance::number);

    @Id
    private final String groupId;

    @Version
    private Long version;

    private final List<SessionAttendance> sessions;
    private final Map<String, Engagement> engagements;
    private final List<OutboundEvent> pendingEvents;

    @PersistenceCreator
    GroupAttendance(
            String groupId,
            Long version,
            List<SessionAttendance> sessions,
            Map<String, Engagement> engagements,
            List<OutboundEvent> pendingEvents) {
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.version = version;
        this.sessions = sessions == null ? new ArrayList<>() : new ArrayList<>(sessions);
        this.engagements = engagements == null ? new HashMap<>() : new HashMap<>(engagements);
        this.pendingEvents = pendingEvents == null ? new ArrayList<>() : new ArrayList<>(pendingEvents);
    }

    /** The attendance of a group where nothing was recorded yet. */
    public static GroupAttendance of(String groupId) {
        return new GroupAttendance(groupId, null, List.of(), Map.of(), List.of());
    }

    /** What a recording changed, and the events it caused (none when it changed nothing). */
    public record Recording(boolean changed, SessionAttendance session, List<AttendanceEvent> events) {}

    /**
     * Records (or corrects) the marks of one session: the marks given replace those persons' earlier
     * marks of that session, the others stay. The whole recording is refused, nothing changed, when
     * a rule is broken ({@link AttendanceRuleViolation}): no mark or a person twice, a session the
     * group does not have, a group not OPEN/RUNNING, a session that does not start within {@code
     * recordableBeforeStart}, a person who is not a participant. A recording identical to what is
     * recorded changes nothing (a retried request). Otherwise the session's revision goes up, a
     * {@link SessionHeld} follows, and a {@link ParticipantDisengaged} for each participant whose
     * marks open a disengagement episode.
     *
     * @param roster the group as it is now (sessions, participants): the person of each enrolment
     */
    public Recording record(
            Roster roster,
            int sessionNumber,
            List<PersonMark> marks,
            DisengagementPolicy policy,
            Duration recordableBeforeStart,
            Instant now) {
        if (!groupId.equals(roster.groupId())) {
            throw new IllegalArgumentException("Roster of group " + roster.groupId() + " given to " + groupId);
        }
        Map<String, Mark> byPerson = byPerson(marks);
        RosterSession session = roster.sessions().stream()
                .filter(candidate -> candidate.number() == sessionNumber)
                .findFirst()
                .orElseThrow(() -> new AttendanceRuleViolation(
                        AttendanceRuleViolation.UNKNOWN_SESSION,
                        "Group " + groupId + " has no session " + sessionNumber + ".",
                        Map.of()));
        if (!RECORDABLE_STATUSES.contains(roster.status())) {
            throw new AttendanceRuleViolation(
                    AttendanceRuleViolation.GROUP_NOT_ACTIVE,
                    "Attendance is recorded while a group is OPEN or RUNNING; group " + groupId + " is "
                            + roster.status() + ".",
                    Map.of("currentState", String.valueOf(roster.status())));
        }
        Instant recordableFrom = session.startsAt().minus(recordableBeforeStart);
        if (now.isBefore(recordableFrom)) {
            throw new AttendanceRuleViolation(
                    AttendanceRuleViolation.SESSION_NOT_STARTED,
                    "Session " + sessionNumber + " starts at " + session.startsAt()
                            + "; its attendance can be recorded from " + recordableFrom + ".",
                    Map.of("startsAt", session.startsAt().toString(), "recordableFrom", recordableFrom.toString()));
        }
        Map<String, Participant> participants = participantsByPerson(roster);
        List<String> notEnrolled = byPerson.keySet().stream()
                .filter(personRef -> !participants.containsKey(personRef))
                .toList();
        if (!notEnrolled.isEmpty()) {
            throw new AttendanceRuleViolation(
                    AttendanceRuleViolation.NOT_ENROLLED,
                    "Not a participant of group " + groupId + ": " + String.join(", ", notEnrolled) + ".",
                    Map.of("personRefs", notEnrolled));
        }

        Optional<SessionAttendance> before = session(sessionNumber);
        Map<String, Mark> marksAfter =
                new TreeMap<>(before.map(SessionAttendance::marks).orElse(Map.of()));
        List<Participant> changed = new ArrayList<>();
        byPerson.forEach((personRef, mark) -> {
            Participant participant = participants.get(personRef);
            if (marksAfter.put(participant.enrolmentId(), mark) != mark) {
                changed.add(participant);
            }
        });
        if (before.isPresent() && changed.isEmpty()) {
            return new Recording(false, before.get(), List.of());
        }
        SessionAttendance after = new SessionAttendance(
                sessionNumber,
                session.kind(),
                session.startsAt(),
                before.map(SessionAttendance::revision).orElse(0) + 1,
                marksAfter,
                now);
        sessions.removeIf(recorded -> recorded.number() == sessionNumber);
        sessions.add(after);
        sessions.sort(START_ORDER);

        List<AttendanceEvent> events = new ArrayList<>();
        Set<String> enrolled = new HashSet<>(marksAfter.keySet());
        roster.participants().forEach(participant -> enrolled.add(participant.enrolmentId()));
        events.add(new SessionHeld(
                groupId,
                roster.programmeId(),
                roster.programmeInstitution(),
                roster.territory(),
                sessionNumber,
                session.kind(),
                session.startsAt(),
                enrolled.size(),
                after.count(Mark.PRESENT),
                after.count(Mark.EXCUSED),
                after.count(Mark.ABSENT),
                after.revision(),
                now));
        for (Participant participant : changed) {
            Evaluation evaluation =
                    policy.evaluate(engagements.get(participant.enrolmentId()), marksOf(participant.enrolmentId()));
            engagements.put(participant.enrolmentId(), evaluation.engagement());
            evaluation
                    .opened()
                    .ifPresent(episode -> events.add(new ParticipantDisengaged(
                            groupId,
                            roster.programmeId(),
                            roster.programmeInstitution(),
                            roster.territory(),
                            participant.enrolmentId(),
                            participant.referralId(),
                            participant.personRef(),
                            participant.referrerInstitution(),
                            episode.number(),
                            episode.consecutiveAbsences(),
                            now)));
        }
        return new Recording(true, after, List.copyOf(events));
    }

    private static Map<String, Mark> byPerson(List<PersonMark> marks) {
        if (marks == null || marks.isEmpty()) {
            throw new AttendanceRuleViolation(
                    AttendanceRuleViolation.NO_MARKS, "A recording has at least one mark.", Map.of());
        }
        Map<String, Mark> byPerson = new LinkedHashMap<>();
        Set<String> twice = new LinkedHashSet<>();
        for (PersonMark mark : marks) {
            if (byPerson.putIfAbsent(mark.personRef(), mark.mark()) != null) {
                twice.add(mark.personRef());
            }
        }
        if (!twice.isEmpty()) {
            throw new AttendanceRuleViolation(
                    AttendanceRuleViolation.DUPLICATE_MARKS,
                    "Each person is marked once per recording; marked more than once: " + String.join(", ", twice)
                            + ".",
                    Map.of("personRefs", List.copyOf(twice)));
        }
        return byPerson;
    }

    private static Map<String, Participant> participantsByPerson(Roster roster) {
        Map<String, Participant> byPerson = new HashMap<>();
        for (Participant participant : roster.participants()) {
            if (participant.personRef() != null) {
                byPerson.put(participant.personRef(), participant);
            }
        }
        return byPerson;
    }

    /** The participant's marks in session start order (sessions they have no mark at are left out). */
    List<SessionMark> marksOf(String enrolmentId) {
        return sessions.stream()
                .sorted(START_ORDER)
                .filter(session -> session.marks().containsKey(enrolmentId))
                .map(session ->
                        new SessionMark(session.number(), session.marks().get(enrolmentId)))
                .toList();
    }

    /** enrolmentId -> number of GROUP sessions marked PRESENT (participants never present are left out). */
    public Map<String, Integer> groupSessionsAttended() {
        Map<String, Integer> attended = new HashMap<>();
        for (SessionAttendance session : sessions) {
            if (session.kind() != SessionKind.GROUP) {
                continue;
            }
            session.marks().forEach((enrolmentId, mark) -> {
                if (mark == Mark.PRESENT) {
                    attended.merge(enrolmentId, 1, Integer::sum);
                }
            });
        }
        return attended;
    }

    public Optional<SessionAttendance> session(int number) {
        return sessions.stream().filter(session -> session.number() == number).findFirst();
    }

    /** The sessions recorded so far, in start order. */
    public List<SessionAttendance> sessions() {
        return List.copyOf(sessions);
    }

    public Engagement engagementOf(String enrolmentId) {
        return Engagement.orNone(engagements.get(enrolmentId));
    }

    public String groupId() {
        return groupId;
    }

    public Long version() {
        return version;
    }

    @Override
    public List<OutboundEvent> pendingEvents() {
        return pendingEvents;
    }
}
