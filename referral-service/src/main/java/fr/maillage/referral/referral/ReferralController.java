package fr.maillage.referral.referral;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.ETags;
import fr.maillage.platform.web.PageResponse;
import fr.maillage.referral.person.Identity;
import fr.maillage.referral.resource.ResourceType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * {@code /api/referrals}: submit a referral, follow it, and move it through its closed loop with
 * sub-resources ({@code acceptance}, {@code decline}, {@code redirection}, {@code first-contact},
 * {@code completion}, {@code cancellation}). Every step honours {@code If-Match} when sent (412 when
 * stale); an illegal step is 409 naming the current state.
 */
@RestController
@RequestMapping("/api/referrals")
class ReferralController {

    static final String UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
    private static final String ACTING_ROLES = "hasAnyRole('clinician', 'partner', 'coordinator')";

    private final ReferralService referrals;

    ReferralController(ReferralService referrals) {
        this.referrals = referrals;
    }

    @PostMapping
    @PreAuthorize(ACTING_ROLES)
    ResponseEntity<ReferralView> submit(@Valid @RequestBody SubmitReferral body, CurrentUser user) {
        PersonData person = body.person();
        ConsentData consent = body.consent();
        Referral referral = referrals.submit(
                new ReferralService.Submit(
                        person.identity(),
                        person.personRef(),
                        body.resourceId(),
                        body.priority(),
                        body.reason(),
                        consent == null ? null : consent.given(),
                        consent != null && consent.consentId() != null ? consent.consentId() : body.consentId()),
                user);
        return ResponseEntity.created(URI.create("/api/referrals/" + referral.id()))
                .eTag(ETags.of(referral.version()))
                .body(ReferralView.of(referral));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('clinician', 'partner', 'coordinator', 'admin')")
    PageResponse<ReferralView> list(
            @RequestParam(required = false) Boolean mine,
            @RequestParam(required = false) Boolean incoming,
            @RequestParam(required = false) @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,62}$") String territory,
            @RequestParam(required = false) ReferralStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            CurrentUser user) {
        return PageResponse.of(
                referrals.list(new ReferralService.ListQuery(mine, incoming, territory, status, page, size), user),
                ReferralView::of);
    }

    @GetMapping("/{id}")
    ResponseEntity<ReferralView> get(@PathVariable String id, CurrentUser user) {
        return answer(referrals.find(id, user));
    }

    /** SUBMITTED -> ACCEPTED, by the receiving side. */
    @PostMapping("/{id}/acceptance")
    @PreAuthorize(ACTING_ROLES)
    ResponseEntity<ReferralView> accept(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser user) {
        return answer(referrals.accept(id, ifMatch, user));
    }

    /** -> DECLINED with a reason code (a comment for OTHER), by the receiving side. */
    @PostMapping("/{id}/decline")
    @PreAuthorize(ACTING_ROLES)
    ResponseEntity<ReferralView> decline(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody Decline body,
            CurrentUser user) {
        return answer(referrals.decline(id, ifMatch, body.reason(), body.comment(), user));
    }

    /**
     * -> REDIRECTED, and a new linked referral SUBMITTED to another resource, by the receiving side. The
     * answer is this (redirected) referral; {@code redirectedTo} names the new one.
     */
    @PostMapping("/{id}/redirection")
    @PreAuthorize(ACTING_ROLES)
    ResponseEntity<ReferralView> redirect(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody Redirection body,
            CurrentUser user) {
        ConsentData consent = body.consent();
        return answer(referrals.redirect(
                id,
                ifMatch,
                new ReferralService.Redirect(
                        body.resourceId(),
                        body.reason(),
                        body.comment(),
                        consent == null ? null : consent.given(),
                        consent == null ? null : consent.consentId()),
                user));
    }

    /** -> IN_PROGRESS / FIRST_CONTACT_MADE, by the receiving side; {@code at} defaults to now. */
    @PostMapping("/{id}/first-contact")
    @PreAuthorize(ACTING_ROLES)
    ResponseEntity<ReferralView> recordFirstContact(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody(required = false) FirstContact body,
            CurrentUser user) {
        return answer(referrals.recordFirstContact(id, ifMatch, body == null ? null : body.at(), user));
    }

    /** -> COMPLETED with an optional outcome, by the receiving side. */
    @PostMapping("/{id}/completion")
    @PreAuthorize(ACTING_ROLES)
    ResponseEntity<ReferralView> complete(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody(required = false) Completion body,
            CurrentUser user) {
        return answer(referrals.complete(id, ifMatch, body == null ? null : body.outcome(), user));
    }

    /** -> CANCELLED, saying why, by the referrer. */
    @PostMapping("/{id}/cancellation")
    @PreAuthorize(ACTING_ROLES)
    ResponseEntity<ReferralView> cancel(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody Cancellation body,
            CurrentUser user) {
        return answer(referrals.cancel(id, ifMatch, body.reason(), user));
    }

    private static ResponseEntity<ReferralView> answer(Referral referral) {
        return ResponseEntity.ok().eTag(ETags.of(referral.version())).body(ReferralView.of(referral));
    }

    record SubmitReferral(
            @NotNull @Valid PersonData person,
            @NotBlank @Size(max = 64) String resourceId,
            @NotNull Priority priority,
            @NotBlank @Size(max = 4000) String reason,
            @Valid ConsentData consent,

            @Pattern(regexp = UUID_PATTERN, message = "must be a consent id")
            String consentId) {}

    /** A person by identity (all four of names, birth date, commune; phone, email, GP optional) or by personRef. */
    record PersonData(
            @Pattern(regexp = UUID_PATTERN, message = "must be a personRef issued by the person registry")
            String personRef,

            @Size(max = 100) String familyName,
            @Size(max = 100) String givenName,
            @Past LocalDate birthDate,

            @Pattern(regexp = "^[0-9][0-9AB][0-9]{3}$", message = "must be a 5-character commune code")
            String commune,

            @Size(max = 30) @Pattern(regexp = "^[0-9+ ().-]{6,30}$", message = "must be a phone number")
            String phone,

            @Size(max = 200) @Email String email,
            @Size(max = 200) String gp) {

        private boolean hasIdentity() {
            return notBlank(familyName) || notBlank(givenName) || birthDate != null || notBlank(commune);
        }

        @AssertTrue(
                message = "give either a personRef, or an identity with familyName, givenName, birthDate and commune")
        boolean isEitherIdentityOrPersonRef() {
            boolean completeIdentity =
                    notBlank(familyName) && notBlank(givenName) && birthDate != null && notBlank(commune);
            return personRef != null ? !hasIdentity() : completeIdentity;
        }

        Identity identity() {
            return personRef != null
                    ? null
                    : new Identity(familyName.strip(), givenName.strip(), birthDate, commune, phone, email, gp);
        }

        private static boolean notBlank(String value) {
            return value != null && !value.isBlank();
        }

        @Override
        public String toString() {
            return "PersonData[redacted]";
        }
    }

    /** {@code {given: true}} records the consent now; {@code {consentId}} names one on record. */
    record ConsentData(
            Boolean given,

            @Pattern(regexp = UUID_PATTERN, message = "must be a consent id")
            String consentId) {}

    record Decline(
            @NotNull DeclineReason reason, @Size(max = 2000) String comment) {}

    record Redirection(
            @NotBlank @Size(max = 64) String resourceId,
            @NotNull DeclineReason reason,
            @Size(max = 2000) String comment,
            @Valid ConsentData consent) {}

    record FirstContact(Instant at) {}

    record Completion(@Size(max = 2000) String outcome) {}

    record Cancellation(@NotBlank @Size(max = 2000) String reason) {}

    /**
     * A referral as its sides see it: where it stands, its dated history (who, when, reason code) and its
     * links. The clinical reason and comments are here, never in events.
     */
    record ReferralView(
            String id,
            ReferralStatus status,
            BusinessStatus businessStatus,
            String personRef,
            String resourceId,
            ResourceType resourceType,
            String resourceInstitution,
            String territory,
            Priority priority,
            String reason,
            Referrer referrer,
            Consent consent,
            Instant submittedAt,
            Instant answerDueBy,
            boolean overdue,
            Instant overdueAt,
            Instant firstContactAt,
            String outcome,
            Instant closedAt,
            String redirectedFrom,
            String redirectedTo,
            List<HistoryEntry> history,
            Map<String, String> links) {

        static ReferralView of(Referral referral) {
            Map<String, String> links = new LinkedHashMap<>();
            links.put("self", "/api/referrals/" + referral.id());
            if (referral.redirectedFrom() != null) {
                links.put("redirectedFrom", "/api/referrals/" + referral.redirectedFrom());
            }
            if (referral.redirectedTo() != null) {
                links.put("redirectedTo", "/api/referrals/" + referral.redirectedTo());
            }
            links.put("resource", "/api/resources/" + referral.resourceId());
            return new ReferralView(
                    referral.id(),
                    referral.status(),
                    referral.businessStatus(),
                    referral.personRef(),
                    referral.resourceId(),
                    referral.resourceType(),
                    referral.resourceInstitution(),
                    referral.territory(),
                    referral.priority(),
                    referral.reason(),
                    referral.referrer(),
                    referral.consent(),
                    referral.submittedAt(),
                    referral.answerDueBy(),
                    referral.overdueAt() != null,
                    referral.overdueAt(),
                    referral.firstContactAt(),
                    referral.outcome(),
                    referral.closedAt(),
                    referral.redirectedFrom(),
                    referral.redirectedTo(),
                    referral.history(),
                    links);
        }
    }
}
