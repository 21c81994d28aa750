package fr.maillage.meeting.action;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.ETags;
import fr.maillage.platform.web.PageResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/meetings/actions}: owners list and complete their actions; coordinators see and move those
 * of their territories (and cancel them); admins see all. Partners never see an action. Someone else's
 * action answers 404. (A literal path: Spring prefers it to meeting/'s {@code /api/meetings/{id}}.)
 */
@RestController
@RequestMapping("/api/meetings/actions")
@PreAuthorize("hasAnyRole('coordinator', 'clinician', 'facilitator', 'steering', 'admin')")
class ActionController {

    private final ActionService service;

    ActionController(ActionService service) {
        this.service = service;
    }

    /**
     * @param owner {@code me} (default) or a user id (a coordinator's view of their territories' actions)
     * @param overdue true: only those flagged overdue; false: never flagged; absent: both
     */
    @GetMapping
    PageResponse<ActionResponse> list(
            @RequestParam(defaultValue = ActionService.ME) @NotBlank @Size(max = Action.MAX_ID_LENGTH) String owner,
            @RequestParam(required = false) ActionStatus status,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            CurrentUser user) {
        return PageResponse.of(service.list(owner, status, overdue, page, size, user), ActionResponse::of);
    }

    @GetMapping("/{id}")
    ResponseEntity<ActionResponse> get(@PathVariable String id, CurrentUser user) {
        return answer(service.find(id, user));
    }

    /** OPEN -> DONE (the owner, or a coordinator of its territory); no body. */
    @PostMapping("/{id}/completion")
    ResponseEntity<ActionResponse> complete(@PathVariable String id, CurrentUser user) {
        return answer(service.complete(id, user));
    }

    /** OPEN -> CANCELLED (a coordinator of its territory); no body. */
    @PostMapping("/{id}/cancellation")
    ResponseEntity<ActionResponse> cancel(@PathVariable String id, CurrentUser user) {
        return answer(service.cancel(id, user));
    }

    private static ResponseEntity<ActionResponse> answer(Action action) {
        return ResponseEntity.ok().eTag(ETags.of(action.version())).body(ActionResponse.of(action));
    }

    /**
     * An action as its owner and coordinators see it; {@code dueOn} a Paris day, instants UTC.
     *
     * @param onTime null unless DONE
     */
    record ActionResponse(
            String id,
            String meetingId,
            String itemId,
            String decisionId,
            String territory,
            String ownerId,
            String title,
            LocalDate dueOn,
            ActionStatus status,
            boolean overdue,
            Instant overdueAt,
            Instant assignedAt,
            Instant completedAt,
            Boolean onTime,
            Instant cancelledAt,
            String closedBy,
            long version) {

        static ActionResponse of(Action action) {
            return new ActionResponse(
                    action.id(),
                    action.meetingId(),
                    action.itemId(),
                    action.decisionId(),
                    action.territory(),
                    action.ownerId(),
                    action.title(),
                    action.dueOn(),
                    action.status(),
                    action.overdue(),
                    action.overdueAt(),
                    action.assignedAt(),
                    action.completedAt(),
                    action.onTime(),
                    action.cancelledAt(),
                    action.closedBy(),
                    action.version());
        }
    }
}
