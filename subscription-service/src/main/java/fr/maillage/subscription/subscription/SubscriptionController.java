package fr.maillage.subscription.subscription;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.ETags;
import fr.maillage.platform.web.PageResponse;
import fr.maillage.subscription.eventtype.EventTypePattern;
import fr.maillage.subscription.subscription.SubscriptionService.NewSubscription;
import fr.maillage.subscription.subscription.SubscriptionService.WithSecret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/subscriptions}: partner systems manage their institution's webhook subscriptions, admins
 * all of them; staff roles are refused (403). Another institution's subscription answers 404. Every
 * answer about one subscription carries its {@code ETag}; {@code If-Match}, when sent, must be current.
 */
@RestController
@Validated
@RequestMapping("/api/subscriptions")
@PreAuthorize("hasAnyRole('partner', 'admin')")
class SubscriptionController {

    private final SubscriptionService service;

    SubscriptionController(SubscriptionService service) {
        this.service = service;
    }

    /**
     * @param institution admin only (required for an admin); a partner subscribes for its own institution
     */
    record CreateRequest(
            @NotEmpty @Size(max = Subscription.MAX_PATTERNS)
            List<@NotBlank @Size(max = EventTypePattern.MAX_LENGTH) String> eventTypes,

            @NotBlank @Size(max = Subscription.MAX_URL_LENGTH)
            String callbackUrl,

            @Size(max = Subscription.MAX_DESCRIPTION_LENGTH) String description,
            @Size(max = 100) String institution) {}

    /** 201 with the signing secret, shown this once; the handshake has run (ACTIVE, or REQUESTED + lastError). */
    @PostMapping
    ResponseEntity<CreatedSubscription> create(@Valid @RequestBody @NotNull CreateRequest request, CurrentUser user) {
        WithSecret created = service.create(
                new NewSubscription(
                        request.eventTypes(), request.callbackUrl(), request.description(), request.institution()),
                user);
        Subscription subscription = created.subscription();
        return ResponseEntity.created(URI.create("/api/subscriptions/" + subscription.id()))
                .eTag(ETags.of(subscription.version()))
                .body(CreatedSubscription.of(subscription, created.signingSecret()));
    }

    /** The caller's institution's subscriptions; an admin sees all, or one institution's with {@code ?institution=}. */
    @GetMapping
    PageResponse<SubscriptionView> list(
            @RequestParam(required = false) @Size(max = 100) String institution,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            CurrentUser user) {
        return PageResponse.of(service.list(institution, page, size, user), SubscriptionView::of);
    }

    @GetMapping("/{id}")
    ResponseEntity<SubscriptionView> get(@PathVariable String id, CurrentUser user) {
        return answer(service.find(id, user));
    }

    /** ACTIVE or FAILING -> PAUSED: events are held, then sent after resume. */
    @PostMapping("/{id}/pause")
    ResponseEntity<SubscriptionView> pause(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser user) {
        return answer(service.pause(id, ifMatch, user));
    }

    /** PAUSED -> ACTIVE; DISABLED -> the verification handshake again. */
    @PostMapping("/{id}/resume")
    ResponseEntity<SubscriptionView> resume(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser user) {
        return answer(service.resume(id, ifMatch, user));
    }

    /** Retries the verification handshake (REQUESTED or DISABLED). */
    @PostMapping("/{id}/verification")
    ResponseEntity<SubscriptionView> verify(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser user) {
        return answer(service.verify(id, ifMatch, user));
    }

    /** A new signing secret, shown this once; the previous one keeps signing until {@code previousValidUntil}. */
    @PostMapping("/{id}/secret-rotation")
    ResponseEntity<RotatedSecret> rotate(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser user) {
        WithSecret rotated = service.rotateSecret(id, ifMatch, user);
        return ResponseEntity.ok()
                .eTag(ETags.of(rotated.subscription().version()))
                .body(new RotatedSecret(
                        rotated.signingSecret(), rotated.subscription().previousSecretValidUntil()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser user) {
        service.delete(id, ifMatch, user);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    private static ResponseEntity<SubscriptionView> answer(Subscription subscription) {
        return ResponseEntity.ok().eTag(ETags.of(subscription.version())).body(SubscriptionView.of(subscription));
    }

    record RotatedSecret(String signingSecret, Instant previousValidUntil) {}

    /** A subscription as its partner and admins see it: never a secret. */
    record SubscriptionView(
            String id,
            String institution,
            List<String> eventTypes,
            String callbackUrl,
            String description,
            SubscriptionStatus status,
            String statusReason,
            LastError lastError,
            Instant createdAt,
            int failureStreak,
            Instant lastDeliveredAt,
            Instant secretRotatedAt,
            Instant previousSecretValidUntil) {

        static SubscriptionView of(Subscription subscription) {
            return new SubscriptionView(
                    subscription.id(),
                    subscription.institution(),
                    subscription.eventTypes(),
                    subscription.callbackUrl(),
                    subscription.description(),
                    subscription.status(),
                    subscription.statusReason(),
                    subscription.lastError(),
                    subscription.createdAt(),
                    subscription.failureStreak(),
                    subscription.lastDeliveredAt(),
                    subscription.secretRotatedAt(),
                    subscription.previousSecretValidUntil());
        }
    }

    /** The creation's answer: the view and the signing secret, shown this once. */
    record CreatedSubscription(
            String id,
            String institution,
            List<String> eventTypes,
            String callbackUrl,
            String description,
            SubscriptionStatus status,
            String statusReason,
            LastError lastError,
            Instant createdAt,
            int failureStreak,
            Instant lastDeliveredAt,
            Instant secretRotatedAt,
            Instant previousSecretValidUntil,
            String signingSecret) {

        static CreatedSubscription of(Subscription subscription, String signingSecret) {
            SubscriptionView view = SubscriptionView.of(subscription);
            return new CreatedSubscription(
                    view.id(),
                    view.institution(),
                    view.eventTypes(),
                    view.callbackUrl(),
                    view.description(),
                    view.status(),
                    view.statusReason(),
                    view.lastError(),
                    view.createdAt(),
                    view.failureStreak(),
                    view.lastDeliveredAt(),
                    view.secretRotatedAt(),
                    view.previousSecretValidUntil(),
                    signingSecret);
        }
    }
}
