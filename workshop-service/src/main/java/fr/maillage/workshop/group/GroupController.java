package fr.maillage.workshop.group;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.ETags;
import fr.maillage.platform.web.PageResponse;
import fr.maillage.platform.web.Problems;
import fr.maillage.workshop.schedule.SessionCalendar;
import fr.maillage.workshop.schedule.SessionKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/workshops/groups}: coordinators schedule, open, change and cancel groups and enrol people;
 * coordinators (their territories), facilitators (their groups) and admins read them; partners never
 * see a group (their view is {@link ReferralEnrolmentController}).
 */
@RestController
@RequestMapping("/api/workshops/groups")
class GroupController {

    private final GroupService service;

    GroupController(GroupService service) {
        this.service = service;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    ResponseEntity<GroupView> schedule(@Valid @RequestBody ScheduleGroup body, CurrentUser user) {
        Group group = service.schedule(
                new GroupService.Scheduling(
                        body.programmeId(),
                        body.capacity(),
                        FacilitatorBody.toFacilitators(body.facilitators()),
                        body.venue(),
                        body.firstSessionAt(),
                        body.materials(),
                        !Boolean.FALSE.equals(body.openForEnrolment())),
                user);
        return ResponseEntity.created(URI.create("/api/workshops/groups/" + group.id()))
                .eTag(ETags.of(group.version()))
                .body(GroupView.of(group));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('coordinator', 'facilitator', 'admin')")
    PageResponse<GroupSummary> list(
            @RequestParam(required = false) String programmeId,
            @RequestParam(required = false) GroupStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            CurrentUser user) {
        return PageResponse.of(service.list(programmeId, status, page, size, user), GroupSummary::of);
    }

    @GetMapping("/{id}")
    ResponseEntity<GroupView> get(@PathVariable String id, CurrentUser user) {
        Group group = service.find(id, user);
        return ResponseEntity.ok().eTag(ETags.of(group.version())).body(GroupView.of(group));
    }

    @PutMapping("/{id}/sessions/{number}")
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    ResponseEntity<GroupView> changeSession(
            @PathVariable String id,
            @PathVariable int number,
            @Valid @RequestBody ChangeSession body,
            CurrentUser user) {
        Group group = service.changeSession(
                id,
                number,
                new GroupService.SessionEdit(
                        body.startsAt() == null ? null : ChangeSession.instant(body.startsAt()),
                        body.venue(),
                        body.facilitators() == null ? null : FacilitatorBody.toFacilitators(body.facilitators()),
                        body.materials()),
                user);
        return ResponseEntity.ok().eTag(ETags.of(group.version())).body(GroupView.of(group));
    }

    @PostMapping("/{id}/opening")
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    ResponseEntity<GroupView> open(@PathVariable String id, CurrentUser user) {
        Group group = service.open(id, user);
        return ResponseEntity.ok().eTag(ETags.of(group.version())).body(GroupView.of(group));
    }

    @PostMapping("/{id}/cancellation")
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    ResponseEntity<GroupView> cancel(@PathVariable String id, @Valid @RequestBody Reason body, CurrentUser user) {
        Group group = service.cancel(id, body.reason(), user);
        return ResponseEntity.ok().eTag(ETags.of(group.version())).body(GroupView.of(group));
    }

    @PostMapping("/{id}/enrolments")
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    ResponseEntity<Placed> enrol(@PathVariable String id, @Valid @RequestBody EnrolPerson body, CurrentUser user) {
        Candidate candidate = new Candidate(
                body.referralId(), body.personRef(), body.priority(), body.referrerInstitution(), service.now());
        GroupService.DirectEnrolment placed = service.enrolDirectly(id, candidate, user);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Placed(placed.enrolment().id(), placed.enrolment().status(), placed.position()));
    }

    @PostMapping("/{id}/enrolments/{enrolmentId}/withdrawal")
    @PreAuthorize("hasAnyRole('coordinator', 'facilitator', 'admin')")
    Withdrawn withdraw(
            @PathVariable String id,
            @PathVariable String enrolmentId,
            @Valid @RequestBody Reason body,
            CurrentUser user) {
        GroupService.Changed changed = service.withdraw(id, enrolmentId, body.reason(), user);
        return new Withdrawn(
                enrolmentId,
                changed.group().enrolment(enrolmentId).orElseThrow().status(),
                GroupService.promotedBy(changed.events()));
    }

    /** Body of {@code POST /api/workshops/groups}; the two-facilitator rule is the group's own. */
    record ScheduleGroup(
            @NotBlank @Size(max = 100) String programmeId,

            @Min(Group.MIN_CAPACITY) @Max(Group.MAX_CAPACITY)
            Integer capacity,

            @NotNull List<@NotNull @Valid FacilitatorBody> facilitators,

            @NotBlank @Size(max = 200) String venue,

            @NotNull LocalDateTime firstSessionAt,

            @Size(max = 50) List<@NotBlank @Size(max = 200) String> materials,

            Boolean openForEnrolment) {}

    record FacilitatorBody(
            @NotBlank @Size(max = 100) String id,
            @NotBlank @Size(max = 100) String profession) {

        static List<Facilitator> toFacilitators(List<FacilitatorBody> bodies) {
            return bodies.stream()
                    .map(body -> new Facilitator(body.id(), body.profession()))
                    .toList();
        }
    }

    /**
     * Body of {@code PUT /api/workshops/groups/{id}/sessions/{number}}; absent fields stay as they are.
     * {@code startsAt} is an instant ({@code 2026-12-01T13:00:00Z}) or a Paris local date-time
     * ({@code 2026-12-01T14:00}).
     */
    record ChangeSession(
            @Size(max = 40) String startsAt,

            @Size(max = 200) String venue,

            List<@NotNull @Valid FacilitatorBody> facilitators,

            @Size(max = 50) List<@NotBlank @Size(max = 200) String> materials) {

        static Instant instant(String text) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notAnInstant) {
                try {
                    return LocalDateTime.parse(text)
                            .atZone(SessionCalendar.PARIS)
                            .toInstant();
                } catch (DateTimeParseException notALocalTime) {
                    throw Problems.badRequest(
                                    "invalid-start",
                                    "startsAt is an ISO-8601 instant (2026-12-01T13:00:00Z) or a Paris local "
                                            + "date-time (2026-12-01T14:00); '" + text + "' is neither.")
                            .with("field", "startsAt");
                }
            }
        }
    }

    /** A code (e.g. {@code moved-away}), never free text: it is published. */
    record Reason(@NotBlank @Size(max = 64) String reason) {}

    /** Body of a coordinator's enrolment; without a referral, nobody else is told. */
    record EnrolPerson(
            @NotBlank @Size(max = 100) String personRef,
            @Size(min = 1, max = 100) String referralId,
            @NotNull Priority priority,
            @Size(min = 1, max = 100) String referrerInstitution) {}

    /** @param position the place in the waiting order, when waitlisted */
    record Placed(String enrolmentId, EnrolmentStatus status, Integer position) {}

    /** @param promoted the enrolments confirmed from the waiting list in the freed place */
    record Withdrawn(String enrolmentId, EnrolmentStatus status, List<String> promoted) {}

    record GroupView(
            String id,
            String programmeId,
            String territory,
            GroupStatus status,
            int capacity,
            int minParticipants,
            String venue,
            List<Facilitator> facilitators,
            int confirmedCount,
            int waitlistedCount,
            int groupSessions,
            int individualSlots,
            Instant scheduledAt,
            Instant openedAt,
            Instant startsAt,
            Instant endsAt,
            Instant closedAt,
            String cancellationReason,
            List<SessionView> sessions,
            List<EnrolmentView> enrolments) {

        static GroupView of(Group group) {
            return new GroupView(
                    group.id(),
                    group.programmeId(),
                    group.territory(),
                    group.status(),
                    group.capacity(),
                    group.minParticipants(),
                    group.venue(),
                    group.facilitators(),
                    group.confirmedCount(),
                    group.waitlist().size(),
                    group.groupSessions(),
                    group.individualSlots(),
                    group.scheduledAt(),
                    group.openedAt(),
                    group.startsAt(),
                    group.endsAt(),
                    group.closedAt(),
                    group.cancellationReason(),
                    group.sessions().stream().map(SessionView::of).toList(),
                    // In the order the group took them.
                    group.enrolments().stream()
                            .map(enrolment -> EnrolmentView.of(group, enrolment))
                            .toList());
        }
    }

    /** A group in a list: no calendar, no enrolments. */
    record GroupSummary(
            String id,
            String programmeId,
            String territory,
            GroupStatus status,
            int capacity,
            int minParticipants,
            String venue,
            List<Facilitator> facilitators,
            int confirmedCount,
            int waitlistedCount,
            int groupSessions,
            Instant startsAt,
            Instant endsAt) {

        static GroupSummary of(Group group) {
            return new GroupSummary(
                    group.id(),
                    group.programmeId(),
                    group.territory(),
                    group.status(),
                    group.capacity(),
                    group.minParticipants(),
                    group.venue(),
                    group.facilitators(),
                    group.confirmedCount(),
                    group.waitlist().size(),
                    group.groupSessions(),
                    group.startsAt(),
                    group.endsAt());
        }
    }

    record SessionView(
            String id,
            int number,
            SessionKind kind,
            Instant startsAt,
            Instant endsAt,
            String venue,
            List<Facilitator> facilitators,
            List<String> materials) {

        static SessionView of(Session session) {
            return new SessionView(
                    session.id(),
                    session.number(),
                    session.kind(),
                    session.startsAt(),
                    session.endsAt(),
                    session.venue(),
                    session.facilitators(),
                    session.materials());
        }
    }

    /**
     * {@code position} is the current place in the waiting order (waitlisted only); an anonymised
     * enrolment (person erased) has no {@code personRef}; {@code referralId} is null when a coordinator
     * enrolled the person directly.
     */
    record EnrolmentView(
            String id,
            String referralId,
            String personRef,
            Priority priority,
            EnrolmentStatus status,
            Integer position,
            Instant enrolledAt,
            Instant statusChangedAt,
            String withdrawalReason,
            Integer sessionsAttended,
            boolean anonymised) {

        static EnrolmentView of(Group group, Enrolment enrolment) {
            return new EnrolmentView(
                    enrolment.id(),
                    enrolment.referralId(),
                    enrolment.personRef(),
                    enrolment.priority(),
                    enrolment.status(),
                    group.positionOf(enrolment.id()).orElse(null),
                    enrolment.enrolledAt(),
                    enrolment.statusChangedAt(),
                    enrolment.withdrawalReason(),
                    enrolment.sessionsAttended(),
                    enrolment.anonymised());
        }
    }
}
