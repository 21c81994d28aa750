package fr.maillage.referral.resource;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import fr.maillage.platform.web.Problems;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Registers and finds directory resources. */
@Service
public class ResourceService {

    private final ResourceRepository resources;
    private final ResourceMessages messages;

    ResourceService(ResourceRepository resources, ResourceMessages messages) {
        this.resources = resources;
        this.messages = messages;
    }

    Resource register(
            String name,
            ResourceType type,
            String institution,
            String territory,
            List<String> communes,
            CurrentUser by) {
        // Admins register anywhere; a coordinator only in the territories they coordinate.
        if (!by.hasRole(Role.ADMIN) && !by.coversTerritory(territory)) {
            throw Problems.forbidden(
                    "A coordinator registers resources only in their own territories, not in '" + territory + "'");
        }
        Resource.Registration registration = Resource.register(
                UUID.randomUUID().toString(),
                name.strip(),
                type,
                institution,
                territory,
                communes,
                by.id(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        messages.stage(registration.resource(), registration.event());
        return resources.save(registration.resource());
    }

    Resource find(String id) {
        return resources.findById(id).orElseThrow(() -> Problems.notFound("resource", id));
    }
}
