package fr.maillage.workshop.group;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/workshops/groups}: coordinators open groups; coordinators, facilitators and admins read them. */
@RestController
@RequestMapping("/api/workshops/groups")
class GroupController {

    private final GroupService service;

    GroupController(GroupService service) {
        this.service = service;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    ResponseEntity<GroupView> open(@Valid @RequestBody OpenGroup body, CurrentUser user) {
        Group group = service.open(body.programmeId(), body.capacity(), body.facilitators(), user);
        return ResponseEntity.created(URI.create("/api/workshops/groups/" + group.id()))
                .eTag(ETags.of(group.version()))
                .body(GroupView.of(group));
    }

    @GetMapping("/{id}")
    ResponseEntity<GroupView> get(@PathVariable String id, CurrentUser user) {
        Group group = service.find(id, user);
        return ResponseEntity.ok().eTag(ETags.of(group.version())).body(GroupView.of(group));
    }

    /** Body of {@code POST /api/workshops/groups}; the two-facilitator rule is the group's own. */
    record OpenGroup(
            @NotBlank String programmeId,

            @NotNull @Min(Group.MIN_CAPACITY) @Max(Group.MAX_CAPACITY)
            Integer capacity,

            @NotNull List<String> facilitators) {}

    record GroupView(
            String id,
            String programmeId,
            String territory,
            GroupStatus status,
            int capacity,
            List<String> facilitators,
            int confirmedCount,
            int waitlistedCount,
            Instant openedAt,
            List<EnrolmentView> enrolments) {

        static GroupView of(Group group) {
            List<EnrolmentView> enrolments = group.enrolments().stream()
                    .sorted(Comparator.comparing(Enrolment::enrolledAt).thenComparing(Enrolment::id))
                    .map(enrolment -> new EnrolmentView(
                            enrolment.id(),
                            enrolment.referralId(),
                            enrolment.personRef(),
                            enrolment.status(),
                            group.positionOf(enrolment.referralId()).orElse(null),
                            enrolment.enrolledAt(),
                            enrolment.anonymised()))
                    .toList();
            return new GroupView(
                    group.id(),
                    group.programmeId(),
                    group.territory(),
                    group.status(),
                    group.capacity(),
                    group.facilitatorIds(),
                    group.confirmedCount(),
                    group.waitlist().size(),
                    group.openedAt(),
                    enrolments);
        }
    }

    /**
     * {@code position} is the current place in the waiting order (waitlisted only); an anonymised
     * enrolment (person erased) has no {@code personRef}.
     */
    record EnrolmentView(
            String id,
            String referralId,
            String personRef,
            EnrolmentStatus status,
            Integer position,
            Instant enrolledAt,
            boolean anonymised) {}
}
