package fr.maillage.referral.resource;

import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.events.PublishesEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A resource of the territorial directory (Open Referral HSDS 3 in spirit): what it is, who runs it,
 * where and for whom, how to reach it, how many places are free, whether it takes referrals, and
 * when someone last checked that all this is still true.
 */
@Document("resources")
public class Resource implements PublishesEvents {

    @Id
    private String id;

    private String name;
    private ResourceType type;
    private String institution;
    private String territory;
    private List<String> communes = new ArrayList<>();
    private Integer minimumAge;
    private Integer maximumAge;
    private String eligibility;
    private List<String> languages = new ArrayList<>();
    private String accessibility;
    private Contact contact;
    private String openingHours;
    private Capacity capacity;
    private ResourceStatus status;
    private Instant lastVerifiedAt;
    private String lastVerifiedBy;
    private Instant registeredAt;
    private String registeredBy;
    private Instant updatedAt;

    /** Normalised tokens of name, type, eligibility, languages and institution: what {@code q} searches. */
    private List<String> keywords = new ArrayList<>();

    /** The name normalised, so lists sort "Écoute" next to "Ecoute" and not after "Z". */
    private String sortName;

    @Version
    private Long version;

    // Not final: Spring Data sets it when reading a document that still has events to publish.
    private List<OutboundEvent> pendingEvents = new ArrayList<>();

    @PersistenceCreator
    private Resource() {}

    /** A new resource: verified by its author at once, and the event that announces it. */
    public static Publication publish(
            String id, ResourceDescription description, Capacity capacity, String publishedBy, Instant at) {
        Objects.requireNonNull(at, "at");
        Resource resource = new Resource();
        resource.id = Objects.requireNonNull(id, "id");
        resource.apply(description);
        resource.capacity = capacity;
        resource.registeredAt = at;
        resource.registeredBy = publishedBy;
        resource.updatedAt = at;
        resource.lastVerifiedAt = at;
        resource.lastVerifiedBy = publishedBy;
        return new Publication(resource, new ResourceEvent.ResourcePublished(resource.facts(), at));
    }

    /** A minimal ACTIVE resource known by its name, type and place (its other details empty). */
    public static Publication register(
            String id,
            String name,
            ResourceType type,
            String institution,
            String territory,
            List<String> communes,
            String registeredBy,
            Instant at) {
        return publish(
                id, ResourceDescription.of(name, type, institution, territory, communes), null, registeredBy, at);
    }

    public record Publication(Resource resource, ResourceEvent.ResourcePublished event) {}

    /** Replaces the description; the event only when something changed. */
    public Optional<ResourceEvent> describe(ResourceDescription description, Instant at) {
        Objects.requireNonNull(description, "description");
        if (description.equals(description())) {
            return Optional.empty();
        }
        String previousInstitution = institution;
        apply(description);
        updatedAt = at;
        return Optional.of(new ResourceEvent.ResourceUpdated(
                facts(), previousInstitution.equals(institution) ? null : previousInstitution, at));
    }

    /** Someone checked the record against reality: it is fresh again. Nothing others need to hear. */
    public void verify(String verifiedBy, Instant at) {
        lastVerifiedAt = Objects.requireNonNull(at, "at");
        lastVerifiedBy = verifiedBy;
    }

    /** New counts of places; dated even when unchanged (someone confirmed them), announced only when changed. */
    public Optional<ResourceEvent> updateCapacity(int available, Integer maximum, Instant at) {
        Capacity updated = new Capacity(available, maximum, at);
        boolean changed = !updated.sameCountsAs(capacity);
        capacity = updated;
        if (!changed) {
            return Optional.empty();
        }
        updatedAt = at;
        return Optional.of(new ResourceEvent.ResourceUpdated(facts(), null, at));
    }

    /** Not verified within {@code staleAfter} of {@code now}: readers should not trust it blindly. */
    public boolean isStale(Instant now, Duration staleAfter) {
        return lastVerifiedAt == null || lastVerifiedAt.isBefore(now.minus(staleAfter));
    }

    public boolean takesReferrals() {
        return status == ResourceStatus.ACTIVE;
    }

    /** Derives the search fields again (a record stored before they existed). */
    void reindex() {
        if (communes == null) {
            communes = new ArrayList<>();
        }
        if (languages == null) {
            languages = new ArrayList<>();
        }
        apply(description());
    }

    private void apply(ResourceDescription description) {
        name = description.name();
        type = description.type();
        institution = description.institution();
        territory = description.territory();
        communes = new ArrayList<>(description.communes());
        minimumAge = description.minimumAge();
        maximumAge = description.maximumAge();
        eligibility = description.eligibility();
        languages = new ArrayList<>(description.languages());
        accessibility = description.accessibility();
        contact = description.contact();
        openingHours = description.openingHours();
        status = description.status();
        keywords = new ArrayList<>(
                Keywords.of(Stream.concat(Stream.of(name, type.name(), eligibility, institution), languages.stream())
                        .toList()));
        sortName = Keywords.normalise(name);
    }

    /** What an editor set, as one value. */
    public ResourceDescription description() {
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
                contact,
                openingHours,
                status);
    }

    ResourceEvent.Facts facts() {
        return new ResourceEvent.Facts(
                id,
                name,
                type,
                institution,
                territory,
                communes,
                minimumAge,
                maximumAge,
                status,
                capacity == null ? null : capacity.available(),
                capacity == null ? null : capacity.maximum());
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ResourceType type() {
        return type;
    }

    public String institution() {
        return institution;
    }

    public String territory() {
        return territory;
    }

    public List<String> communes() {
        return List.copyOf(communes);
    }

    public Integer minimumAge() {
        return minimumAge;
    }

    public Integer maximumAge() {
        return maximumAge;
    }

    public String eligibility() {
        return eligibility;
    }

    public List<String> languages() {
        return List.copyOf(languages);
    }

    public String accessibility() {
        return accessibility;
    }

    public Contact contact() {
        return contact;
    }

    public String openingHours() {
        return openingHours;
    }

    /** Free places, {@code null} when the resource never said. */
    public Capacity capacity() {
        return capacity;
    }

    public ResourceStatus status() {
        return status;
    }

    public Instant lastVerifiedAt() {
        return lastVerifiedAt;
    }

    public String lastVerifiedBy() {
        return lastVerifiedBy;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<String> keywords() {
        return List.copyOf(keywords);
    }

    public long version() {
        return version == null ? 0 : version;
    }

    @Override
    public List<OutboundEvent> pendingEvents() {
        return pendingEvents;
    }
}
