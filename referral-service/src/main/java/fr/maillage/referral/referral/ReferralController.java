package fr.maillage.referral.referral;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.ETags;
import fr.maillage.referral.person.Identity;
import fr.maillage.referral.resource.ResourceType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/referrals}: submit a referral, accept it, follow it. */
@RestController
@RequestMapping("/api/referrals")
class ReferralController {

    private final ReferralService referrals;

    ReferralController(ReferralService referrals) {
        this.referrals = referrals;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('clinician', 'partner', 'coordinator')")
    ResponseEntity<ReferralView> submit(@Valid @RequestBody SubmitReferral body, CurrentUser user) {
        PersonData person = body.person();
        Referral referral = referrals.submit(
                new ReferralService.Submit(
                        new Identity(person.familyName(), person.givenName(), person.birthDate(), person.commune()),
                        body.resourceId(),
                        body.priority(),
                        body.reason(),
                        body.consent() != null
                                && Boolean.TRUE.equals(body.consent().given())),
                user);
        return ResponseEntity.created(URI.create("/api/referrals/" + referral.id()))
                .eTag(ETags.of(referral.version()))
                .body(ReferralView.of(referral));
    }

    @GetMapping("/{id}")
    ResponseEntity<ReferralView> get(@PathVariable String id, CurrentUser user) {
        Referral referral = referrals.find(id, user);
        return ResponseEntity.ok().eTag(ETags.of(referral.version())).body(ReferralView.of(referral));
    }

    /** SUBMITTED -> ACCEPTED. {@code If-Match} is optional here; when sent, it must be current. */
    @PostMapping("/{id}/acceptance")
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    ResponseEntity<ReferralView> accept(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser user) {
        Referral referral = referrals.accept(id, ifMatch, user);
        return ResponseEntity.ok().eTag(ETags.of(referral.version())).body(ReferralView.of(referral));
    }

    record SubmitReferral(
            @NotNull @Valid PersonData person,
            @NotBlank @Size(max = 64) String resourceId,
            @NotNull Priority priority,
            @NotBlank @Size(max = 4000) String reason,
            @Valid ConsentData consent) {}

    record PersonData(
            @NotBlank @Size(max = 100) String familyName,
            @NotBlank @Size(max = 100) String givenName,
            @NotNull @Past LocalDate birthDate,

            @NotBlank @Pattern(regexp = "^[0-9][0-9AB][0-9]{3}$", message = "must be a 5-character commune code")
            String commune) {

        @Override
        public String toString() {
            return "PersonData[redacted]";
        }
    }

    record ConsentData(Boolean given) {}

    record ReferralView(
            String id,
            ReferralStatus status,
            BusinessStatus businessStatus,
            String personRef,
            String resourceId,
            ResourceType resourceType,
            String territory,
            Priority priority,
            String reason,
            Referrer referrer,
            Consent consent,
            List<HistoryEntry> history,
            Instant submittedAt) {

        static ReferralView of(Referral referral) {
            return new ReferralView(
                    referral.id(),
                    referral.status(),
                    referral.businessStatus(),
                    referral.personRef(),
                    referral.resourceId(),
                    referral.resourceType(),
                    referral.territory(),
                    referral.priority(),
                    referral.reason(),
                    referral.referrer(),
                    referral.consent(),
                    referral.history(),
                    referral.submittedAt());
        }
    }
}
