package fr.maillage.referral.resource;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.ETags;
import fr.maillage.platform.web.Problems;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * The directory's use cases: publish, describe, verify, tell capacity, find and search. Each change is
 * one document write carrying its event (embedded outbox).
 */
@Service
public class ResourceService {

    private final ResourceRepository resources;
    private final ResourceSearchRepository search;
    private final ResourceMessages messages;
    private final DirectoryProperties properties;

    ResourceService(
            ResourceRepository resources,
            ResourceSearchRepository search,
            ResourceMessages messages,
            DirectoryProperties properties) {
        this.resources = resources;
        this.search = search;
        this.messages = messages;
        this.properties = properties;
    }

    Resource publish(Supplier<ResourceDescription> description, Capacity.Counts capacity, CurrentUser by) {
        ResourceDescription described = rule(description::get);
        if (!ResourceAccessPolicy.canManage(by, described.territory())) {
            throw Problems.forbidden(
                    "Only an admin or a coordinator of '" + described.territory() + "' publishes resources there");
        }
        Instant now = now();
        Resource.Publication publication = rule(() -> Resource.publish(
                UUID.randomUUID().toString(),
                described,
                capacity == null ? null : new Capacity(capacity.available(), capacity.maximum(), now),
                by.id(),
                now));
        messages.stage(publication.resource(), publication.event());
        return resources.save(publication.resource());
    }

    /**
     * Replaces the description of a resource ({@code If-Match} required). A coordinator must cover the
     * resource's territory, and the new one when the resource moves.
     */
    Resource describe(String id, String ifMatch, DescriptionChange change, CurrentUser by) {
        Resource resource = find(id);
        ResourceDescription described = rule(() -> change.apply(resource.description()));
        if (!ResourceAccessPolicy.canManage(by, resource.territory())
                || !ResourceAccessPolicy.canManage(by, described.territory())) {
            throw Problems.forbidden("Only an admin or a coordinator of '" + resource.territory()
                    + "' (and of the territory it moves to) changes this resource");
        }
        ETags.requireMatch(ifMatch, resource.version());
        Optional<ResourceEvent> event = resource.describe(described, now());
        // Nothing changed: nothing written, the ETag stays.
        return event.isEmpty() ? resource : save(resource, event);
    }

    /** Records that {@code by} checked the resource against reality ({@code If-Match} honoured when sent). */
    Resource verify(String id, String ifMatch, CurrentUser by) {
        Resource resource = find(id);
        if (!ResourceAccessPolicy.canManage(by, resource.territory())) {
            throw Problems.forbidden(
                    "Only an admin or a coordinator of '" + resource.territory() + "' verifies this resource");
        }
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, resource.version());
        }
        resource.verify(by.id(), now());
        return resources.save(resource);
    }

    /** New counts of free places ({@code If-Match} required); also the resource's own institution may. */
    Resource updateCapacity(String id, String ifMatch, Capacity.Counts counts, CurrentUser by) {
        Resource resource = find(id);
        if (!ResourceAccessPolicy.canUpdateCapacity(by, resource)) {
            throw Problems.forbidden("Only an admin, a coordinator of '" + resource.territory()
                    + "', or a clinician or partner system of '" + resource.institution()
                    + "' tells this resource's capacity");
        }
        ETags.requireMatch(ifMatch, resource.version());
        Instant now = now();
        return save(resource, rule(() -> resource.updateCapacity(counts.available(), counts.maximum(), now)));
    }

    /** The resource; 404 when there is none (the directory is readable by every authenticated caller). */
    Resource find(String id) {
        return resources.findById(id).orElseThrow(() -> Problems.notFound("resource", id));
    }

    Page<Resource> search(ResourceSearch query) {
        return search.search(query, now(), properties.staleAfter());
    }

    /** Not verified lately: the answer flags it so readers call before they send someone there. */
    boolean isStale(Resource resource) {
        return resource.isStale(now(), staleAfter());
    }

    Duration staleAfter() {
        return properties.staleAfter();
    }

    private Resource save(Resource resource, Optional<ResourceEvent> event) {
        // Saved even without an event: the capacity's date may have moved.
        event.ifPresent(happened -> messages.stage(resource, happened));
        return resources.save(resource);
    }

    private static <T> T rule(Supplier<T> action) {
        try {
            return action.get();
        } catch (ResourceRuleViolation violation) {
            throw Problems.badRequest("invalid-resource", violation.getMessage());
        }
    }

    private static Instant now() {
        // MongoDB keeps milliseconds: what we answer is what we stored.
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A new description computed from the current one (a PUT keeps the status when it names none). */
    @FunctionalInterface
    interface DescriptionChange {
        ResourceDescription apply(ResourceDescription current);
    }
}
