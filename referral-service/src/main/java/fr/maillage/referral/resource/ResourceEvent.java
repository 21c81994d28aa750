package fr.maillage.referral.resource;

import java.time.Instant;
import java.util.List;

/** What happens to a directory resource; {@code ResourceMessages} turns these into published events. */
public sealed interface ResourceEvent {

    /** The resource as other services see it: no contact details, no free text but its name. */
    Facts resource();

    /** A new resource in the directory. */
    record ResourcePublished(Facts resource, Instant publishedAt) implements ResourceEvent {}

    /**
     * A published resource changed (description, status or capacity).
     *
     * @param previousInstitution the institution that ran it before, when this change moved it; else {@code null}
     */
    record ResourceUpdated(Facts resource, String previousInstitution, Instant updatedAt) implements ResourceEvent {}

    /** The public facts of a resource at one moment. */
    record Facts(
            String resourceId,
            String name,
            ResourceType type,
            String institution,
            String territory,
            List<String> communes,
            Integer minimumAge,
            Integer maximumAge,
            ResourceStatus status,
            Integer capacityAvailable,
            Integer capacityMaximum) {

        public Facts {
            communes = List.copyOf(communes);
        }
    }
}
