package fr.maillage.workshop.attendance;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.workshop.attendance.AttendanceService.SessionSheet;
import fr.maillage.workshop.attendance.SessionRoster.Participant;
import fr.maillage.workshop.schedule.SessionKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/workshops/groups/{id}/sessions/{number}/attendance}: the session's facilitators record
 * it (PUT: the marks given replace those persons' marks, a correction raises the revision); its
 * facilitators, coordinators of the territory and admins read it.
 */
@RestController
@RequestMapping("/api/workshops/groups/{groupId}/sessions/{number}/attendance")
class AttendanceController {

    /** No group holds more people (a programme has at most 50 participants). */
    static final int MAX_MARKS = 50;

    private final AttendanceService service;

    AttendanceController(AttendanceService service) {
        this.service = service;
    }

    @PutMapping
    @PreAuthorize("hasRole('facilitator')")
    SessionAttendanceView record(
            @PathVariable String groupId,
            @PathVariable int number,
            @Valid @RequestBody RecordAttendance body,
            CurrentUser user) {
        List<PersonMark> marks = body.marks().stream()
                .map(line -> new PersonMark(line.personRef(), line.mark()))
                .toList();
        return SessionAttendanceView.of(service.record(groupId, number, marks, user));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('facilitator', 'coordinator', 'admin')")
    SessionAttendanceView read(@PathVariable String groupId, @PathVariable int number, CurrentUser user) {
        return SessionAttendanceView.of(service.read(groupId, number, user));
    }

    /** Body of the PUT: one line per person; a person twice is refused (400 {@code duplicate-marks}). */
    record RecordAttendance(
            @NotNull @NotEmpty @Size(max = MAX_MARKS) List<@NotNull @Valid MarkLine> marks) {}

    record MarkLine(@NotBlank String personRef, @NotNull Mark mark) {}

    /**
     * The marks of a session; {@code revision} 0 and no marks before the first recording. A mark's
     * {@code personRef} is null when the enrolment no longer names a participant (withdrawn, erased).
     */
    record SessionAttendanceView(
            String groupId,
            int sessionNumber,
            SessionKind kind,
            Instant startsAt,
            Instant endsAt,
            int revision,
            Instant recordedAt,
            int present,
            int excused,
            int absent,
            List<MarkView> marks) {

        static SessionAttendanceView of(SessionSheet sheet) {
            Map<String, Participant> participants = sheet.roster().participants().stream()
                    .collect(Collectors.toMap(Participant::enrolmentId, Function.identity(), (a, b) -> a));
            Map<String, Mark> marks =
                    sheet.attendance().map(SessionAttendance::marks).orElse(Map.of());
            List<MarkView> lines = marks.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                    .map(entry -> {
                        Participant participant = participants.get(entry.getKey());
                        return new MarkView(
                                entry.getKey(), participant == null ? null : participant.personRef(), entry.getValue());
                    })
                    .toList();
            return new SessionAttendanceView(
                    sheet.roster().groupId(),
                    sheet.session().number(),
                    sheet.session().kind(),
                    sheet.session().startsAt(),
                    sheet.session().endsAt(),
                    sheet.attendance().map(SessionAttendance::revision).orElse(0),
                    sheet.attendance().map(SessionAttendance::recordedAt).orElse(null),
                    count(marks, Mark.PRESENT),
                    count(marks, Mark.EXCUSED),
                    count(marks, Mark.ABSENT),
                    lines);
        }

        private static int count(Map<String, Mark> marks, Mark mark) {
            return (int) marks.values().stream().filter(mark::equals).count();
        }
    }

    record MarkView(String enrolmentId, String personRef, Mark mark) {}
}
