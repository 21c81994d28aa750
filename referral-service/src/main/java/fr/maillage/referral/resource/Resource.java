package fr.maillage.referral.resource;

import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.events.PublishesEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A resource of the territorial directory: who runs it, where, and whether it takes referrals. */
@Document("resources")
public class Resource implements PublishesEvents {

    @Id
    private String id;

    private String name;
    private ResourceType type;
    private String institution;
    private String territory;
    private List<String> communes = new ArrayList<>();
    private ResourceStatus status;
    private Instant registeredAt;
    private String registeredBy;

    @Version
    private Long version;

    // Not final: Spring Data sets it when reading a document that still has events to publish.
    private List<OutboundEvent> pendingEvents = new ArrayList<>();

    @PersistenceCreator
    private Resource() {}

    /** A new resource, ACTIVE at once, and the event that announces it. */
    public static Registration register(
            String id,
            String name,
            ResourceType type,
            String institution,
            String territory,
            List<String> communes,
            String registeredBy,
            Instant at) {
        Resource resource = new Resource();
        resource.id = Objects.requireNonNull(id);
        resource.name = Objects.requireNonNull(name);
        resource.type = Objects.requireNonNull(type);
        resource.institution = Objects.requireNonNull(institution);
        resource.territory = Objects.requireNonNull(territory);
        resource.communes = communes == null
                ? new ArrayList<>()
                : new ArrayList<>(communes.stream().distinct().toList());
        resource.status = ResourceStatus.ACTIVE;
        resource.registeredBy = registeredBy;
        resource.registeredAt = at;
        return new Registration(
                resource,
                new ResourceEvent.ResourceRegistered(
                        id, type, institution, territory, List.copyOf(resource.communes), resource.status));
    }

    public record Registration(Resource resource, ResourceEvent.ResourceRegistered event) {}

    public boolean takesReferrals() {
        return status == ResourceStatus.ACTIVE;
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

    public ResourceStatus status() {
        return status;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    @Override
    public List<OutboundEvent> pendingEvents() {
        return pendingEvents;
    }
}
