package fr.maillage.referral.resource;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.ETags;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/resources}: the directory over HTTP. */
@RestController
@RequestMapping("/api/resources")
class ResourceController {

    static final String ID_PATTERN = "^[a-z0-9][a-z0-9-]{0,62}$";
    static final String COMMUNE_PATTERN = "^[0-9][0-9AB][0-9]{3}$";

    private final ResourceService directory;

    ResourceController(ResourceService directory) {
        this.directory = directory;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('admin', 'coordinator')")
    ResponseEntity<ResourceView> register(@Valid @RequestBody RegisterResource body, CurrentUser user) {
        Resource resource = directory.register(
                body.name(), body.type(), body.institution(), body.territory(), body.communes(), user);
        return ResponseEntity.created(URI.create("/api/resources/" + resource.id()))
                .eTag(ETags.of(resource.version()))
                .body(ResourceView.of(resource));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('admin', 'coordinator', 'clinician', 'facilitator', 'steering', 'partner')")
    ResponseEntity<ResourceView> get(@PathVariable String id) {
        Resource resource = directory.find(id);
        return ResponseEntity.ok().eTag(ETags.of(resource.version())).body(ResourceView.of(resource));
    }

    record RegisterResource(
            @NotBlank @Size(max = 200) String name,
            @NotNull ResourceType type,

            @NotBlank @Pattern(regexp = ID_PATTERN, message = "must be an institution id such as 'lieu-dit'")
            String institution,

            @NotBlank @Pattern(regexp = ID_PATTERN, message = "must be a territory id such as 'bievre'")
            String territory,

            @Size(max = 500)
            List<@NotNull @Pattern(regexp = COMMUNE_PATTERN, message = "must be a 5-character commune code") String>
                    communes) {}

    record ResourceView(
            String id,
            String name,
            ResourceType type,
            String institution,
            String territory,
            List<String> communes,
            ResourceStatus status,
            Instant registeredAt) {

        static ResourceView of(Resource resource) {
            return new ResourceView(
                    resource.id(),
                    resource.name(),
                    resource.type(),
                    resource.institution(),
                    resource.territory(),
                    resource.communes(),
                    resource.status(),
                    resource.registeredAt());
        }
    }
}
