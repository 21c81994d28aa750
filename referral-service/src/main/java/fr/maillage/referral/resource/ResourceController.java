package fr.maillage.referral.resource;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.ETags;
import fr.maillage.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
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
 * {@code /api/resources}: the directory over HTTP. Every authenticated caller searches and reads it;
 * admins and coordinators of the territory publish, describe and verify; the resource's institution
 * may also tell its free places. Updates need {@code If-Match} (428 without, 412 when stale).
 */
@RestController
@RequestMapping("/api/resources")
class ResourceController {

    static final String ID_PATTERN = "^[a-z0-9][a-z0-9-]{0,62}$";
    static final String COMMUNE_PATTERN = "^[0-9][0-9AB][0-9]{3}$";
    static final String COMMUNE_MESSAGE = "must be a 5-character INSEE commune code";
    static final int MAX_AGE = 120;
    static final int MAX_PLACES = 100_000;

    private static final String READERS =
            "hasAnyRole('admin', 'coordinator', 'clinician', 'facilitator', 'steering', 'partner')";
    private static final String EDITORS = "hasAnyRole('admin', 'coordinator')";

    private final ResourceService directory;

    ResourceController(ResourceService directory) {
        this.directory = directory;
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(
            summary = "Search the directory",
            description = "Every word of q must be one of a resource's keywords (accents and case ignored; the last"
                    + " word may be the start of one); filters combine. ACTIVE resources unless status is given.")
    PageResponse<ResourceView> search(
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) ResourceType type,
            @RequestParam(required = false) @Pattern(regexp = COMMUNE_PATTERN, message = COMMUNE_MESSAGE)
                    String commune,
            @RequestParam(required = false) @Min(0) @Max(MAX_AGE) Integer age,
            @RequestParam(defaultValue = "false") boolean available,
            @RequestParam(required = false) @Pattern(regexp = ID_PATTERN, message = "must be a territory id")
                    String territory,
            @RequestParam(required = false) ResourceStatus status,
            @RequestParam(required = false) Boolean stale,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        ResourceSearch search = new ResourceSearch(
                Keywords.tokens(q), type, commune, age, available, territory, status, stale, page, size);
        return PageResponse.of(directory.search(search), this::view);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    ResponseEntity<ResourceView> get(@PathVariable String id) {
        return answer(directory.find(id));
    }

    @PostMapping
    @PreAuthorize(EDITORS)
    @Operation(summary = "Publish a resource", description = "Admins anywhere, coordinators in their territories.")
    ResponseEntity<ResourceView> publish(@Valid @RequestBody ResourceBody body, CurrentUser user) {
        Resource resource = directory.publish(
                () -> body.describe(ResourceStatus.ACTIVE),
                body.capacity() == null ? null : body.capacity().counts(),
                user);
        return ResponseEntity.created(URI.create("/api/resources/" + resource.id()))
                .eTag(ETags.of(resource.version()))
                .body(view(resource));
    }

    @PutMapping("/{id}")
    @PreAuthorize(EDITORS)
    @Operation(
            summary = "Replace a resource's description",
            description = "If-Match required. Omitted details are cleared; an omitted status is kept. Capacity and"
                    + " verification are read-only here (their own endpoints).")
    ResponseEntity<ResourceView> describe(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ResourceBody body,
            CurrentUser user) {
        return answer(directory.describe(id, ifMatch, current -> body.describe(current.status()), user));
    }

    @PostMapping("/{id}/verification")
    @PreAuthorize(EDITORS)
    @Operation(
            summary = "Record that the resource was checked",
            description = "Sets lastVerifiedAt/By; If-Match honoured when sent.")
    ResponseEntity<ResourceView> verify(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            CurrentUser user) {
        return answer(directory.verify(id, ifMatch, user));
    }

    @PutMapping("/{id}/capacity")
    @PreAuthorize("hasAnyRole('admin', 'coordinator', 'clinician', 'partner')")
    @Operation(
            summary = "Tell the free places",
            description = "If-Match required. Admins, coordinators of the territory, clinicians and partner systems of"
                    + " the resource's institution.")
    ResponseEntity<ResourceView> capacity(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CapacityBody body,
            CurrentUser user) {
        return answer(directory.updateCapacity(id, ifMatch, body.counts(), user));
    }

    private ResponseEntity<ResourceView> answer(Resource resource) {
        return ResponseEntity.ok().eTag(ETags.of(resource.version())).body(view(resource));
    }

    private ResourceView view(Resource resource) {
        return ResourceView.of(resource, directory.isStale(resource));
    }

    // ---- request bodies

    /** Body of {@code POST /api/resources} and {@code PUT /api/resources/{id}}. */
    record ResourceBody(
            @NotBlank @Size(max = 200) String name,
            @NotNull ResourceType type,

            @NotBlank @Pattern(regexp = ID_PATTERN, message = "must be an institution id such as 'lieu-dit'")
            String institution,

            @NotBlank @Pattern(regexp = ID_PATTERN, message = "must be a territory id such as 'bievre'")
            String territory,

            @Size(max = 500)
            List<@NotNull @Pattern(regexp = COMMUNE_PATTERN, message = COMMUNE_MESSAGE) String> communes,

            @Min(0) @Max(MAX_AGE) Integer minimumAge,
            @Min(0) @Max(MAX_AGE) Integer maximumAge,
            @Size(max = 2000) String eligibility,
            @Size(max = 20) List<@NotBlank @Size(max = 60) String> languages,
            @Size(max = 1000) String accessibility,
            @Valid ContactBody contact,
            @Size(max = 1000) String openingHours,
            ResourceStatus status,
            /* On creation only; PUT ignores it (GET-then-PUT round trips stay valid). */
            @Valid CapacityBody capacity) {

        @AssertTrue(message = "minimumAge must not be greater than maximumAge")
        public boolean isAgeRangeOrdered() {
            return minimumAge == null || maximumAge == null || minimumAge <= maximumAge;
        }

        ResourceDescription describe(ResourceStatus statusWhenOmitted) {
            return new ResourceDescription(
                    name,
                    type,
                    institution,
                    territory,
                    communes,
                    minimumAge,
                    maximumAge,
                    eligibility,
                    languages,
                    accessibility,
                    contact == null ? null : contact.toContact(),
                    openingHours,
                    status == null ? statusWhenOmitted : status);
        }
    }

    /** The resource's own desk: a service's phone and email, never a person's. */
    record ContactBody(
            @Size(max = 30) @Pattern(regexp = "^\\+?[0-9 ().-]{4,30}$", message = "must be a phone number")
            String phone,

            @Size(max = 254) @Email String email,

            @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
            String website,

            @Size(max = 500) String address) {

        Contact toContact() {
            return new Contact(phone, email, website, address);
        }
    }

    /** Body of {@code PUT /api/resources/{id}/capacity} (and {@code capacity} on creation). */
    record CapacityBody(
            @NotNull @Min(0) @Max(MAX_PLACES) Integer available,
            @Min(0) @Max(MAX_PLACES) Integer maximum) {

        @AssertTrue(message = "available must not be greater than maximum")
        public boolean isAvailableWithinMaximum() {
            return available == null || maximum == null || available <= maximum;
        }

        Capacity.Counts counts() {
            return new Capacity.Counts(available, maximum);
        }
    }

    // ---- answers

    record ResourceView(
            String id,
            String name,
            ResourceType type,
            String institution,
            String territory,
            List<String> communes,
            Integer minimumAge,
            Integer maximumAge,
            String eligibility,
            List<String> languages,
            String accessibility,
            ContactView contact,
            String openingHours,
            CapacityView capacity,
            ResourceStatus status,
            boolean takesReferrals,
            Instant lastVerifiedAt,
            String lastVerifiedBy,
            boolean stale,
            Instant registeredAt,
            Instant updatedAt) {

        static ResourceView of(Resource resource, boolean stale) {
            Contact contact = resource.contact();
            Capacity capacity = resource.capacity();
            return new ResourceView(
                    resource.id(),
                    resource.name(),
                    resource.type(),
                    resource.institution(),
                    resource.territory(),
                    resource.communes(),
                    resource.minimumAge(),
                    resource.maximumAge(),
                    resource.eligibility(),
                    resource.languages(),
                    resource.accessibility(),
                    contact == null
                            ? null
                            : new ContactView(contact.phone(), contact.email(), contact.website(), contact.address()),
                    resource.openingHours(),
                    capacity == null
                            ? null
                            : new CapacityView(capacity.available(), capacity.maximum(), capacity.updatedAt()),
                    resource.status(),
                    resource.takesReferrals(),
                    resource.lastVerifiedAt(),
                    resource.lastVerifiedBy(),
                    stale,
                    resource.registeredAt(),
                    resource.updatedAt());
        }
    }

    record ContactView(String phone, String email, String website, String address) {}

    record CapacityView(int available, Integer maximum, Instant updatedAt) {}
}
