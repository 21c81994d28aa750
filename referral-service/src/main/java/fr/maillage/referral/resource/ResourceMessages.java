package fr.maillage.referral.resource;

import fr.maillage.platform.events.EventOutbox;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The published contract of the directory on {@code referral.events.v1}: lean, no names needed. */
@Component
class ResourceMessages {

    static final String RESOURCE_REGISTERED = "fr.maillage.referral.resource-registered.v1";

    private final EventOutbox outbox;

    ResourceMessages(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** Adds the integration event to the resource's outbox; it leaves with the next save. */
    void stage(Resource resource, ResourceEvent event) {
        resource.pendingEvents()
                .add(
                        switch (event) {
                            case ResourceEvent.ResourceRegistered registered ->
                                outbox.event(
                                        RESOURCE_REGISTERED,
                                        registered.resourceId(),
                                        registered.territory(),
                                        Set.of(registered.institution()),
                                        new ResourceRegisteredV1(
                                                registered.resourceId(),
                                                registered.type().name(),
                                                registered.institution(),
                                                registered.territory(),
                                                registered.communes(),
                                                registered.status().name()));
                        });
    }

    /** {@code events/fr.maillage.referral.resource-registered.v1.json}. */
    record ResourceRegisteredV1(
            String resourceId,
            String type,
            String institution,
            String territory,
            List<String> communes,
            String status) {}
}
