package fr.maillage.alert.alert;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.ETags;
import fr.maillage.platform.web.PageResponse;
import fr.maillage.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/alerts}: raise an alert, work the triage queue, and take an alert through qualification,
 * assignment, response, feedback and closure. Steps on one alert answer 404 to whoever may not see it
 * and 403 to whoever sees it but may not take that step; {@code If-Match} is honoured when sent.
 */
@RestController
@RequestMapping("/api/alerts")
class AlertController {

    static final String COMMUNE = "^[0-9][0-9AB][0-9]{3}$";
    static final String COMMUNE_MESSAGE = "must be a 5-character INSEE commune code";
    static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    static final String OPEN = "OPEN";

    private final AlertService service;

    AlertController(AlertService service) {
        this.service = service;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('coordinator', 'clinician', 'partner')")
    ResponseEntity<AlertView> raise(@Valid @RequestBody RaiseAlert body, CurrentUser user) {
        Alert alert = service.raise(body.toRaising(), user);
        return ResponseEntity.created(URI.create("/api/alerts/" + alert.id()))
                .eTag(ETags.of(alert.version()))
                .body(view(alert));
    }

    /** The triage queue: {@code status} is an AlertStatus or OPEN (all but CLOSED); sort dueBy or raisedAt. */
    @GetMapping
    @PreAuthorize("hasAnyRole('coordinator', 'clinician')")
    PageResponse<AlertView> queue(
            @RequestParam(defaultValue = OPEN) String status,
            @RequestParam(required = false) String territory,
            @RequestParam(defaultValue = "dueBy") String sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            CurrentUser user) {
        Page<Alert> alerts = service.queue(statuses(status), territory, order(sort), page, size, user);
        Instant now = service.now();
        Map<String, List<String>> links = service.links(alerts.getContent());
        return PageResponse.of(alerts, alert -> AlertView.of(alert, now, links.get(alert.id())));
    }

    @GetMapping("/{id}")
    ResponseEntity<Object> get(@PathVariable String id, CurrentUser user) {
        AlertService.Shown shown = service.find(id, user);
        Alert alert = shown.alert();
        Object body = shown.view() == AlertAccessPolicy.View.PARTNER ? PartnerAlertView.of(alert) : view(alert);
        return ResponseEntity.ok().eTag(ETags.of(alert.version())).body(body);
    }

    @GetMapping("/{id}/history")
    List<HistoryEntry> history(@PathVariable String id, CurrentUser user) {
        return service.history(id, user);
    }

    @PostMapping("/{id}/qualification")
    ResponseEntity<AlertView> qualify(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody Qualify body,
            CurrentUser user) {
        return answer(service.qualify(
                id, ifMatch, body.urgency(), body.responseLevel(), body.rationale(), body.overrideReason(), user));
    }

    /** Without a body (or without {@code teamId}) the proposed team is accepted. */
    @PostMapping("/{id}/assignment")
    ResponseEntity<AlertView> assign(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody(required = false) Assign body,
            CurrentUser user) {
        return answer(service.assign(id, ifMatch, body == null ? null : body.teamId(), user));
    }

    @PostMapping("/{id}/response")
    ResponseEntity<AlertView> respond(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody Respond body,
            CurrentUser user) {
        return answer(service.respond(
                id,
                ifMatch,
                body.actions(),
                body.summary(),
                body.referralId(),
                body.respondedBy(),
                body.respondedAt(),
                user));
    }

    @PostMapping("/{id}/feedback")
    ResponseEntity<AlertView> feedback(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody GiveFeedback body,
            CurrentUser user) {
        return answer(service.recordFeedback(id, ifMatch, body.message(), body.channel(), user));
    }

    @PostMapping("/{id}/closure")
    ResponseEntity<AlertView> close(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody Close body,
            CurrentUser user) {
        return answer(service.close(id, ifMatch, body.outcome(), body.feedbackWaiverReason(), user));
    }

    private ResponseEntity<AlertView> answer(Alert alert) {
        return ResponseEntity.ok().eTag(ETags.of(alert.version())).body(view(alert));
    }

    private AlertView view(Alert alert) {
        return AlertView.of(alert, service.now(), service.links(List.of(alert)).get(alert.id()));
    }

    private static Set<AlertStatus> statuses(String status) {
        if (OPEN.equals(status)) {
            return AlertService.OPEN;
        }
        return Arrays.stream(AlertStatus.values())
                .filter(candidate -> candidate.name().equals(status))
                .findFirst()
                .map(Set::of)
                .orElseThrow(() -> invalidParameter(
                        "status",
                        status,
                        Stream.concat(
                                        Stream.of(OPEN),
                                        Arrays.stream(AlertStatus.values()).map(Enum::name))
                                .toList()));
    }

    private static AlertService.QueueOrder order(String sort) {
        return switch (sort) {
            case "dueBy" -> AlertService.QueueOrder.DUE_BY;
            case "raisedAt" -> AlertService.QueueOrder.RAISED_AT;
            default -> throw invalidParameter("sort", sort, List.of("dueBy", "raisedAt"));
        };
    }

    // The same shape as the kit's answer to a wrong enum in a query parameter.
    private static RuntimeException invalidParameter(String name, String value, List<String> accepted) {
        return Problems.badRequest(
                        "invalid-parameter",
                        "Parameter '" + name + "' has value '" + value + "' which is not one of the accepted values: "
                                + String.join(", ", accepted) + ".")
                .with("parameter", name)
                .with("acceptedValues", accepted);
    }

    // ---- request bodies

    /** Body of {@code POST /api/alerts}. */
    record RaiseAlert(
            @NotNull Channel channel,

            @NotBlank @Size(max = 64) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$", message = "must be a territory id")
            String territory,

            @Pattern(regexp = COMMUNE, message = COMMUNE_MESSAGE)
            String commune,

            @NotNull @Valid EmitterData emitter,

            @Pattern(regexp = UUID, message = "must be a personRef (a UUID)")
            String personRef,

            @Valid SubjectData subject,
            @NotBlank @Size(max = 4000) String situation,
            @NotNull List<@NotNull RiskFactor> riskFactors,
            @NotNull Boolean personAware) {

        @AssertTrue(message = "personRef or subject is required")
        public boolean isPersonRefOrSubjectGiven() {
            return personRef != null || subject != null;
        }

        @AssertTrue(message = "riskFactors must not repeat a value")
        public boolean isRiskFactorsDistinct() {
            return riskFactors == null || new HashSet<>(riskFactors).size() == riskFactors.size();
        }

        Raising toRaising() {
            return new Raising(
                    channel,
                    territory,
                    commune,
                    new Emitter(
                            emitter.kind(),
                            emitter.name(),
                            emitter.organisation(),
                            emitter.callbackContact(),
                            emitter.wantsFeedback(),
                            null),
                    personRef,
                    subject == null
                            ? null
                            : new Subject(subject.description(), subject.approximateAge(), subject.commune()),
                    situation,
                    riskFactors,
                    personAware);
        }

        @Override
        public String toString() {
            return "RaiseAlert[redacted]";
        }
    }

    record EmitterData(
            @NotNull EmitterKind kind,
            @Size(max = 200) String name,
            @Size(max = 200) String organisation,
            @Size(max = 200) String callbackContact,
            @NotNull Boolean wantsFeedback) {

        @Override
        public String toString() {
            return "EmitterData[redacted]";
        }
    }

    record SubjectData(
            @Size(max = 2000) String description,
            @Min(0) @Max(120) Integer approximateAge,

            @Pattern(regexp = COMMUNE, message = COMMUNE_MESSAGE)
            String commune) {

        @Override
        public String toString() {
            return "SubjectData[redacted]";
        }
    }

    record Qualify(
            @NotNull Urgency urgency,
            @NotNull ResponseLevel responseLevel,
            @NotBlank @Size(max = 2000) String rationale,
            @Size(max = 2000) String overrideReason) {}

    record Assign(@Size(max = 64) String teamId) {}

    record Respond(
            @NotEmpty List<@NotNull ResponseAction> actions,
            @NotBlank @Size(max = 2000) String summary,

            @Pattern(regexp = UUID, message = "must be a referral id (a UUID)")
            String referralId,

            @Size(max = 200) String respondedBy,
            Instant respondedAt) {

        @AssertTrue(message = "actions must not repeat a value")
        public boolean isActionsDistinct() {
            return actions == null || new HashSet<>(actions).size() == actions.size();
        }
    }

    record GiveFeedback(
            @NotBlank @Size(max = 2000) String message,
            @NotNull FeedbackChannel channel) {}

    record Close(@NotNull Outcome outcome, @Size(max = 2000) String feedbackWaiverReason) {}

    // ---- answers

    /** The whole alert, for staff of its territory (and a clinician of the institution that raised it). */
    record AlertView(
            String id,
            AlertStatus status,
            Channel channel,
            String territory,
            String commune,
            EmitterView emitter,
            String personRef,
            Subject subject,
            String situation,
            List<RiskFactor> riskFactors,
            boolean personAware,
            Urgency suggestedUrgency,
            String suggestionRule,
            Urgency urgency,
            ResponseLevel responseLevel,
            String rationale,
            String overrideReason,
            Instant raisedAt,
            String raisedBy,
            Instant qualifiedAt,
            Instant dueBy,
            String timeRemaining,
            boolean overdue,
            Assignment assignment,
            int escalationLevel,
            List<Response> responses,
            Instant respondedAt,
            Feedback feedback,
            Closure closure,
            List<String> linkedAlerts,
            boolean anonymised) {

        static AlertView of(Alert alert, Instant now, List<String> links) {
            Duration remaining = alert.timeRemaining(now);
            Emitter emitter = alert.emitter();
            return new AlertView(
                    alert.id(),
                    alert.status(),
                    alert.channel(),
                    alert.territory(),
                    alert.commune(),
                    new EmitterView(
                            emitter.kind(),
                            emitter.name(),
                            emitter.organisation(),
                            emitter.callbackContact(),
                            emitter.wantsFeedback(),
                            emitter.institution()),
                    alert.personRef(),
                    alert.subject(),
                    alert.situation(),
                    alert.riskFactors(),
                    alert.personAware(),
                    alert.suggestedUrgency(),
                    alert.suggestionRule(),
                    alert.urgency(),
                    alert.responseLevel(),
                    alert.rationale(),
                    alert.overrideReason(),
                    alert.raisedAt(),
                    alert.raisedBy(),
                    alert.qualifiedAt(),
                    alert.dueBy(),
                    remaining == null
                            ? null
                            : remaining.truncatedTo(ChronoUnit.MILLIS).toString(),
                    alert.isOverdue(now),
                    alert.assignment(),
                    alert.escalationLevel(),
                    alert.responses(),
                    alert.respondedAt(),
                    alert.feedback(),
                    alert.closure(),
                    links == null ? alert.linkedAlerts() : links,
                    alert.anonymised());
        }
    }

    record EmitterView(
            EmitterKind kind,
            String name,
            String organisation,
            String callbackContact,
            boolean wantsFeedback,
            String institution) {}

    /** What the partner institution that raised an alert follows: its status, the feedback and the outcome. */
    record PartnerAlertView(
            String id,
            AlertStatus status,
            Channel channel,
            String territory,
            String situation,
            Urgency urgency,
            Instant raisedAt,
            Instant dueBy,
            Instant respondedAt,
            PartnerFeedback feedback,
            PartnerClosure closure) {

        static PartnerAlertView of(Alert alert) {
            Feedback feedback = alert.feedback();
            Closure closure = alert.closure();
            return new PartnerAlertView(
                    alert.id(),
                    alert.status(),
                    alert.channel(),
                    alert.territory(),
                    alert.situation(),
                    alert.urgency(),
                    alert.raisedAt(),
                    alert.dueBy(),
                    alert.respondedAt(),
                    feedback == null
                            ? null
                            : new PartnerFeedback(feedback.message(), feedback.channel(), feedback.sentAt()),
                    closure == null ? null : new PartnerClosure(closure.outcome(), closure.closedAt()));
        }
    }

    record PartnerFeedback(String message, FeedbackChannel channel, Instant sentAt) {}

    record PartnerClosure(Outcome outcome, Instant closedAt) {}
}
