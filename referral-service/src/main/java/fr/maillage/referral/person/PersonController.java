package fr.maillage.referral.person;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.PageResponse;
import fr.maillage.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/persons}: register a person, read their identity with a reason, care team, consents, erasure. */
@RestController
@RequestMapping("/api/persons")
class PersonController {

    static final String ACCESS_REASON = "X-Access-Reason";
    static final String ERASURE_REASON = "X-Erasure-Reason";
    private static final String CODE = "^[a-z0-9][a-z0-9-]*$";

    private final PersonService persons;

    PersonController(PersonService persons) {
        this.persons = persons;
    }

    /** 201 for a new person, 200 with {@code existing: true} when the registry knew them already. */
    @PostMapping
    @PreAuthorize("hasAnyRole('clinician', 'coordinator', 'partner')")
    ResponseEntity<Registered> register(@Valid @RequestBody RegisterPerson body, CurrentUser user) {
        PersonStore.Registration registration = persons.register(body.identity(), body.territory(), user);
        Registered answer = new Registered(registration.personRef(), !registration.created());
        if (registration.created()) {
            return ResponseEntity.created(URI.create("/api/persons/" + registration.personRef()))
                    .body(answer);
        }
        return ResponseEntity.ok(answer);
    }

    @GetMapping("/{personRef}")
    IdentityView identity(
            @PathVariable String personRef,
            @RequestHeader(name = ACCESS_REASON, required = false) String reason,
            CurrentUser user) {
        return IdentityView.of(persons.readIdentity(personRef, headerText(reason), user));
    }

    @GetMapping("/{personRef}/access-log")
    @PreAuthorize("hasRole('admin')")
    PageResponse<AccessLogView> accessLog(
            @PathVariable String personRef,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.of(persons.accessLog(personRef, page, size), AccessLogView::of);
    }

    @GetMapping("/{personRef}/care-team")
    List<CareTeamEntry> careTeam(@PathVariable String personRef, CurrentUser user) {
        return persons.careTeam(personRef, user);
    }

    @PostMapping("/{personRef}/consents")
    ResponseEntity<ConsentView> recordConsent(
            @PathVariable String personRef, @Valid @RequestBody ConsentData body, CurrentUser user) {
        ConsentRecord consent = persons.recordConsent(personRef, body.toRequest(), user);
        return ResponseEntity.created(URI.create("/api/persons/" + personRef + "/consents/" + consent.id()))
                .body(ConsentView.of(consent));
    }

    @GetMapping("/{personRef}/consents")
    List<ConsentView> consents(@PathVariable String personRef, CurrentUser user) {
        return persons.consents(personRef, user).stream().map(ConsentView::of).toList();
    }

    @PostMapping("/{personRef}/consents/{consentId}/withdrawal")
    ConsentView withdrawConsent(@PathVariable String personRef, @PathVariable String consentId, CurrentUser user) {
        return ConsentView.of(persons.withdrawConsent(personRef, consentId, user));
    }

    /** The reason comes in the body ({@code {"reason": "..."}}) or in {@code X-Erasure-Reason}. */
    @DeleteMapping("/{personRef}")
    @PreAuthorize("hasRole('admin')")
    Erased erase(
            @PathVariable String personRef,
            @RequestBody(required = false) @Valid ErasureData body,
            @RequestHeader(name = ERASURE_REASON, required = false) String header,
            CurrentUser user) {
        String reason =
                body != null && body.reason() != null && !body.reason().isBlank() ? body.reason() : headerText(header);
        return new Erased(personRef, persons.erase(personRef, reason, user));
    }

    /**
     * A header value as text. Header values are ASCII, so a reason with accents ("réunion de
     * concertation") is sent percent-encoded in UTF-8 (RFC 3986, as {@code encodeURIComponent} does);
     * a value that is not valid percent-encoding is taken as it is. A {@code +} stays a plus.
     */
    static String headerText(String value) {
        if (value == null || value.indexOf('%') < 0) {
            return value;
        }
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notPercentEncoded) {
            return value;
        }
    }

    record RegisterPerson(
            @NotBlank @Size(max = 100) String familyName,
            @NotBlank @Size(max = 100) String givenName,
            @NotNull @Past LocalDate birthDate,
            @NotBlank @Size(max = 100) String commune,

            @Size(max = 32) @Pattern(regexp = "^\\+?[0-9 .()-]{6,32}$")
            String phone,

            @Email @Size(max = 254) String email,
            @Size(max = 200) String gp,

            @NotBlank @Size(max = 64) @Pattern(regexp = CODE)
            String territory) {

        Identity identity() {
            return new Identity(familyName, givenName, birthDate, commune, phone, email, gp);
        }
    }

    record Registered(String personRef, boolean existing) {}

    record IdentityView(
            String personRef,
            String familyName,
            String givenName,
            LocalDate birthDate,
            String commune,
            String phone,
            String email,
            String gp,
            Instant registeredAt) {

        static IdentityView of(PersonService.IdentityRead read) {
            Identity identity = read.identity();
            return new IdentityView(
                    read.person().personRef(),
                    identity.familyName(),
                    identity.givenName(),
                    identity.birthDate(),
                    identity.commune(),
                    identity.phone(),
                    identity.email(),
                    identity.gp(),
                    read.person().registeredAt());
        }
    }

    record ConsentData(
            @NotNull ConsentPurpose purpose,
            @Size(max = 50) Set<@NotBlank @Size(max = 64) @Pattern(regexp = CODE) String> institutions,

            @Size(max = 50)
            Set<@NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9-]*$") String> resources) {

        ConsentRequest toRequest() {
            if ((institutions == null || institutions.isEmpty()) && (resources == null || resources.isEmpty())) {
                throw Problems.badRequest(
                        "consent-scope-required", "A consent covers at least one institution or resource.");
            }
            return new ConsentRequest(purpose, institutions, resources);
        }
    }

    record ConsentView(
            String id,
            String personRef,
            ConsentPurpose purpose,
            Set<String> institutions,
            Set<String> resources,
            Instant givenAt,
            String recordedBy,
            String recordedByInstitution,
            Instant withdrawnAt,
            String withdrawnBy,
            boolean active) {

        static ConsentView of(ConsentRecord consent) {
            return new ConsentView(
                    consent.id(),
                    consent.personRef(),
                    consent.purpose(),
                    consent.institutions(),
                    consent.resources(),
                    consent.givenAt(),
                    consent.recordedBy(),
                    consent.recordedByInstitution(),
                    consent.withdrawnAt(),
                    consent.withdrawnBy(),
                    !consent.isWithdrawn());
        }
    }

    record AccessLogView(
            String personRef,
            String whoId,
            String username,
            String institution,
            List<String> roles,
            Instant at,
            String reason,
            String action,
            boolean granted) {

        static AccessLogView of(AccessLogEntry entry) {
            return new AccessLogView(
                    entry.personRef(),
                    entry.whoId(),
                    entry.username(),
                    entry.institution(),
                    entry.roles(),
                    entry.at(),
                    entry.reason(),
                    entry.action(),
                    entry.granted());
        }
    }

    record ErasureData(@Size(max = 200) String reason) {}

    record Erased(String personRef, Instant erasedAt) {}
}
