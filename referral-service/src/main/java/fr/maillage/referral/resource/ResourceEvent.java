package fr.maillage.referral.resource;

import java.util.List;

/** What happens to a directory resource; {@code ResourceMessages} turns these into published events. */
public sealed interface ResourceEvent {

    record ResourceRegistered(
            String resourceId,
            ResourceType type,
            String institution,
            String territory,
            List<String> communes,
            ResourceStatus status)
            implements ResourceEvent {}
}
