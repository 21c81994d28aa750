package fr.maillage.subscription.delivery;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.PageResponse;
import fr.maillage.platform.web.Problems;
import fr.maillage.subscription.outbound.DeliveryOutcome;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/subscriptions/{id}/deliveries} and {@code /replay}: for the subscription's institution (its
 * partner client) and admins; another institution's subscription answers 404; staff 403.
 */
@RestController
@RequestMapping("/api/subscriptions/{id}")
@PreAuthorize("hasAnyRole('partner', 'admin')")
class DeliveryController {

    private final DeliveryService service;

    DeliveryController(DeliveryService service) {
        this.service = service;
    }

    /** Every delivery, the newest first, with its attempts (status code, latency). */
    @GetMapping("/deliveries")
    PageResponse<DeliveryView> deliveries(
            @PathVariable String id,
            @RequestParam(required = false) DeliveryStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            CurrentUser user) {
        return PageResponse.of(service.list(id, status, page, size, user), DeliveryView::of);
    }

    /** Re-sends the stored events since {@code from} (an ISO instant): 202 {@code {replayed}}. */
    @PostMapping("/replay")
    ResponseEntity<ReplayView> replay(
            @PathVariable String id, @RequestParam(required = false) String from, CurrentUser user) {
        Instant since;
        try {
            since = Instant.parse(from == null ? "" : from.trim());
        } catch (DateTimeParseException e) {
            throw Problems.badRequest(
                    "invalid-instant", "'from' must be an ISO-8601 instant, e.g. 2026-11-24T08:00:00Z.");
        }
        return ResponseEntity.accepted().body(new ReplayView(service.replay(id, since, user)));
    }

    record ReplayView(int replayed) {}

    /** A delivery as its subscriber sees it; {@code webhookId} is the CloudEvent id. */
    record DeliveryView(
            String id,
            String webhookId,
            String eventType,
            Instant eventTime,
            Long eventNumber,
            DeliveryStatus status,
            String statusReason,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant deliveredAt,
            List<AttemptView> attempts) {

        static DeliveryView of(Delivery delivery) {
            boolean pending = delivery.status() == DeliveryStatus.PENDING;
            return new DeliveryView(
                    delivery.id(),
                    delivery.eventId(),
                    delivery.eventType(),
                    delivery.eventTime(),
                    delivery.eventNumber(),
                    delivery.status(),
                    delivery.statusReason(),
                    delivery.createdAt(),
                    pending ? delivery.nextAttemptAt() : null,
                    delivery.deliveredAt(),
                    delivery.attempts().stream().map(AttemptView::of).toList());
        }
    }

    record AttemptView(Instant at, Integer statusCode, long latencyMs, DeliveryOutcome outcome, String error) {

        static AttemptView of(DeliveryAttempt attempt) {
            return new AttemptView(
                    attempt.at(), attempt.statusCode(), attempt.latencyMs(), attempt.outcome(), attempt.error());
        }
    }
}
