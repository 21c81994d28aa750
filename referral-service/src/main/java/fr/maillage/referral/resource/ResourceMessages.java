package fr.maillage.referral.resource;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import fr.maillage.platform.events.EventOutbox;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The published contract of the directory on {@code referral.events.v1}: what other services need to
 * know of a resource (workshop-service learns its programmes from it), never its contact details.
 * Audience: the resource's institution (and the one it left, when a change moved it).
 */
@Component
class ResourceMessages {

    static final String RESOURCE_PUBLISHED = "fr.maillage.referral.resource-published.v1";
    static final String RESOURCE_UPDATED = "fr.maillage.referral.resource-updated.v1";

    private final EventOutbox outbox;

    ResourceMessages(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** Adds the integration event to the resource's outbox; it leaves with the next save. */
    void stage(Resource resource, ResourceEvent event) {
        ResourceEvent.Facts facts = event.resource();
        Set<String> audience = new LinkedHashSet<>();
        audience.add(facts.institution());
        String type;
        Object data;
        switch (event) {
            case ResourceEvent.ResourcePublished published -> {
                type = RESOURCE_PUBLISHED;
                data = ResourcePublishedV1.of(facts, published.publishedAt());
            }
            case ResourceEvent.ResourceUpdated updated -> {
                type = RESOURCE_UPDATED;
                data = ResourceUpdatedV1.of(facts, updated.updatedAt());
                if (updated.previousInstitution() != null) {
                    audience.add(updated.previousInstitution());
                }
            }
        }
        resource.pendingEvents().add(outbox.event(type, facts.resourceId(), facts.territory(), audience, data));
    }

    /** What both directory events say about the resource: its whole current picture, no contact details. */
    record Picture(
            String resourceId,
            String name,
            String type,
            String institution,
            String territory,
            List<String> communes,
            Integer minimumAge,
            Integer maximumAge,
            String status,
            Integer capacityAvailable,
            Integer capacityMaximum) {

        static Picture of(ResourceEvent.Facts facts) {
            return new Picture(
                    facts.resourceId(),
                    facts.name(),
                    facts.type().name(),
                    facts.institution(),
                    facts.territory(),
                    facts.communes(),
                    facts.minimumAge(),
                    facts.maximumAge(),
                    facts.status().name(),
                    facts.capacityAvailable(),
                    facts.capacityMaximum());
        }
    }

    /** {@code events/fr.maillage.referral.resource-published.v1.json}. */
    record ResourcePublishedV1(@JsonUnwrapped Picture resource, Instant publishedAt) {

        static ResourcePublishedV1 of(ResourceEvent.Facts facts, Instant at) {
            return new ResourcePublishedV1(Picture.of(facts), at);
        }
    }

    /** {@code events/fr.maillage.referral.resource-updated.v1.json}: the whole current picture, not a diff. */
    record ResourceUpdatedV1(@JsonUnwrapped Picture resource, Instant updatedAt) {

        static ResourceUpdatedV1 of(ResourceEvent.Facts facts, Instant at) {
            return new ResourceUpdatedV1(Picture.of(facts), at);
        }
    }
}
