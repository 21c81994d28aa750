package fr.maillage.meeting.meeting;

import fr.maillage.meeting.meeting.MeetingView.DecidedAction;
import fr.maillage.meeting.meeting.MeetingView.ItemView;
import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.ETags;
import fr.maillage.platform.web.PageResponse;
import fr.maillage.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/meetings}: coordinators of a territory (and admins) schedule, move and cancel its meetings,
 * run their agenda and record their attendance; coordinators and those present write the minutes (notes,
 * decisions); participants, coordinators, admins (and steering members, for steering committees) read
 * them. Whoever may not see a meeting is told it does not exist.
 */
@RestController
@RequestMapping("/api/meetings")
class MeetingController {

    /** A territory or a code: lowercase letters, digits and dashes. */
    static final String CODE = "[a-z0-9]+(-[a-z0-9]+)*";

    private final MeetingService service;

    MeetingController(MeetingService service) {
        this.service = service;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    ResponseEntity<MeetingView> schedule(@Valid @RequestBody ScheduleMeeting body, CurrentUser user) {
        Meeting meeting = service.schedule(
                new MeetingService.Scheduling(
                        body.kind(),
                        body.territory(),
                        body.title(),
                        MeetingService.obeying(() -> ParisTime.instant(body.startsAt(), "startsAt")),
                        body.durationMinutes(),
                        body.venue(),
                        ParticipantBody.toParticipants(body.participants())),
                user);
        return ResponseEntity.created(URI.create("/api/meetings/" + meeting.id()))
                .eTag(ETags.of(meeting.version()))
                .body(service.view(meeting, user, false));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('coordinator', 'clinician', 'facilitator', 'steering', 'admin')")
    PageResponse<MeetingView> list(
            @RequestParam(required = false) String territory,
            @RequestParam(required = false) MeetingKind kind,
            @RequestParam(required = false) MeetingStatus status,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String seriesId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            CurrentUser user) {
        MeetingService.Filter filter = new MeetingService.Filter(
                territory, kind, status, bound(from, "from", false), bound(to, "to", true), seriesId);
        return PageResponse.of(service.list(filter, page, size, user));
    }

    @GetMapping("/{id}")
    ResponseEntity<MeetingView> get(@PathVariable String id, CurrentUser user) {
        Meeting meeting = service.find(id, user);
        return ResponseEntity.ok().eTag(ETags.of(meeting.version())).body(service.view(meeting, user, true));
    }

    /** Moves one meeting (an occurrence of a series, say); {@code If-Match}, when sent, must be current. */
    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    ResponseEntity<MeetingView> move(
            @PathVariable String id,
            @Valid @RequestBody MoveMeeting body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            CurrentUser user) {
        Instant startsAt = body.startsAt() == null
                ? null
                : MeetingService.obeying(() -> ParisTime.instant(body.startsAt(), "startsAt"));
        Meeting meeting = service.move(id, startsAt, body.durationMinutes(), body.venue(), ifMatch, user);
        return ResponseEntity.ok().eTag(ETags.of(meeting.version())).body(service.view(meeting, user, false));
    }

    @PostMapping("/{id}/cancellation")
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    ResponseEntity<MeetingView> cancel(
            @PathVariable String id, @Valid @RequestBody(required = false) Cancellation body, CurrentUser user) {
        Meeting meeting = service.cancel(id, body == null ? null : body.reason(), user);
        return ResponseEntity.ok().eTag(ETags.of(meeting.version())).body(service.view(meeting, user, false));
    }

    @PutMapping("/{id}/attendance")
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    ResponseEntity<MeetingView> attendance(
            @PathVariable String id, @Valid @RequestBody Attendance body, CurrentUser user) {
        Meeting meeting = service.recordAttendance(id, body.present(), user);
        return ResponseEntity.ok().eTag(ETags.of(meeting.version())).body(service.view(meeting, user, false));
    }

    // ---- agenda

    @PostMapping("/{id}/items")
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    ResponseEntity<ItemView> addItem(@PathVariable String id, @Valid @RequestBody NewItemBody body, CurrentUser user) {
        MeetingService.Change<AgendaItem> added = service.addItem(
                id,
                new Meeting.NewItem(body.kind(), body.personRef(), body.sourceType(), body.sourceId(), body.topic()),
                user);
        return ResponseEntity.created(URI.create(
                        "/api/meetings/" + id + "/items/" + added.result().id()))
                .eTag(ETags.of(added.meeting().version()))
                .body(ItemView.of(added.meeting(), added.result(), user));
    }

    @PostMapping("/{id}/items/{itemId}/keep")
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    ResponseEntity<ItemView> keep(@PathVariable String id, @PathVariable String itemId, CurrentUser user) {
        return item(service.keep(id, itemId, user), user);
    }

    @PostMapping("/{id}/items/{itemId}/drop")
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    ResponseEntity<ItemView> drop(@PathVariable String id, @PathVariable String itemId, CurrentUser user) {
        return item(service.drop(id, itemId, user), user);
    }

    private static ResponseEntity<ItemView> item(MeetingService.Change<AgendaItem> changed, CurrentUser user) {
        return ResponseEntity.ok()
                .eTag(ETags.of(changed.meeting().version()))
                .body(ItemView.of(changed.meeting(), changed.result(), user));
    }

    // ---- minutes

    @PutMapping("/{id}/items/{itemId}/notes")
    MeetingService.Notes writeNotes(
            @PathVariable String id,
            @PathVariable String itemId,
            @Valid @RequestBody NotesBody body,
            CurrentUser user) {
        return service.writeNotes(id, itemId, body.text(), user);
    }

    @GetMapping("/{id}/items/{itemId}/notes")
    MeetingService.Notes readNotes(@PathVariable String id, @PathVariable String itemId, CurrentUser user) {
        return service.readNotes(id, itemId, user);
    }

    @PostMapping("/{id}/items/{itemId}/decisions")
    ResponseEntity<RecordedDecision> decide(
            @PathVariable String id,
            @PathVariable String itemId,
            @Valid @RequestBody DecisionBody body,
            CurrentUser user) {
        List<MeetingService.ActionRequest> actions = body.actions() == null
                ? List.of()
                : body.actions().stream()
                        .map(action ->
                                new MeetingService.ActionRequest(action.ownerId(), action.title(), action.dueOn()))
                        .toList();
        Decision decision = service.recordDecision(id, itemId, body.text(), actions, user);
        return ResponseEntity.status(HttpStatus.CREATED).body(RecordedDecision.of(id, itemId, decision));
    }

    // ---- bodies

    /**
     * Body of {@code POST /api/meetings}. {@code startsAt}: a Paris local date-time
     * ({@code 2026-12-08T14:00}) or an instant.
     */
    record ScheduleMeeting(
            @NotNull MeetingKind kind,

            @NotBlank @Size(max = 64) @Pattern(regexp = CODE)
            String territory,

            @NotBlank @Size(max = 120) String title,
            @NotBlank @Size(max = 40) String startsAt,

            @NotNull @Min(Meeting.MIN_DURATION_MINUTES) @Max(Meeting.MAX_DURATION_MINUTES)
            Integer durationMinutes,

            @Size(max = 200) String venue,

            @NotNull @Size(min = 1, max = Meeting.MAX_PARTICIPANTS)
            List<@NotNull @Valid ParticipantBody> participants) {}

    /** Someone invited, with the profession and institution they come with. */
    record ParticipantBody(
            @NotBlank @Size(max = 100) String userId,
            @NotBlank @Size(max = 64) String profession,
            @NotBlank @Size(max = 100) String institution) {

        static List<Participant> toParticipants(List<ParticipantBody> bodies) {
            return bodies.stream()
                    .map(body -> new Participant(
                            body.userId().trim(),
                            body.profession().trim(),
                            body.institution().trim()))
                    .toList();
        }
    }

    /** Body of {@code PUT /api/meetings/{id}}; absent fields stay as they are. */
    record MoveMeeting(
            @Size(max = 40) String startsAt,

            @Min(Meeting.MIN_DURATION_MINUTES) @Max(Meeting.MAX_DURATION_MINUTES)
            Integer durationMinutes,

            @Size(max = 200) String venue) {}

    /** Optional body of a cancellation: a reason code (e.g. {@code room-unavailable}), never free text. */
    record Cancellation(
            @Size(max = 64) @Pattern(regexp = CODE) String reason) {}

    /** Body of {@code PUT /api/meetings/{id}/attendance}: the user ids of those present, among the invited. */
    record Attendance(
            @NotNull @Size(max = Meeting.MAX_PARTICIPANTS) List<@NotBlank @Size(max = 100) String> present) {}

    /**
     * Body of {@code POST /api/meetings/{id}/items}: a CASE_REVIEW names its person ({@code personRef}), a
     * PRACTICE_EXCHANGE its topic.
     */
    record NewItemBody(
            @NotNull ItemKind kind,
            @Size(max = 100) String personRef,
            @Pattern(regexp = "ALERT|WORKSHOP|REFERRAL") String sourceType,
            @Size(max = 100) String sourceId,
            @Size(max = 200) String topic) {}

    /** The notes of an item (replacing the previous ones). */
    record NotesBody(@NotNull @Size(max = 20_000) String text) {}

    record DecisionBody(
            @NotBlank @Size(max = 4_000) String text,
            @Size(max = 10) List<@NotNull @Valid ActionBody> actions) {}

    /** An action a decision hands out: a short title, never a person's name. */
    record ActionBody(
            @NotBlank @Size(max = 100) String ownerId,
            @NotBlank @Size(max = 120) String title,
            @NotNull LocalDate dueOn) {}

    /**
     * A decision as recorded: the actions carry their ids once assigned ({@code actionsPending} says some
     * are not yet; a retry assigns them under the same ids).
     */
    record RecordedDecision(
            String id,
            String meetingId,
            String itemId,
            String text,
            Instant recordedAt,
            String recordedBy,
            List<DecidedAction> actions,
            boolean actionsPending) {

        static RecordedDecision of(String meetingId, String itemId, Decision decision) {
            MeetingView.DecisionView view = MeetingView.DecisionView.of(decision, true);
            return new RecordedDecision(
                    decision.id(),
                    meetingId,
                    itemId,
                    decision.text(),
                    decision.recordedAt(),
                    decision.recordedBy(),
                    view.actions(),
                    view.actionsPending());
        }
    }

    /** A list's bound: a Paris date (the whole day), a Paris local date-time or an instant. */
    private static Instant bound(String text, String parameter, boolean upper) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return (upper ? date.plusDays(1) : date)
                    .atStartOfDay(ParisTime.PARIS)
                    .toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return ParisTime.instant(text, parameter);
            } catch (MeetingRuleViolation invalid) {
                throw Problems.badRequest(
                                "invalid-parameter",
                                "Parameter '" + parameter + "' is a date (2026-12-01), a Paris local date-time or an "
                                        + "instant; '" + text + "' is none of them.")
                        .with("parameter", parameter);
            }
        }
    }
}
