package fr.maillage.referral.resource;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;

/**
 * Who may change the directory. Everyone authenticated reads it; admins edit anything; a coordinator
 * edits the resources of the territories they coordinate; the resource's own institution (its partner
 * system or its clinicians) may also say how many places are free.
 */
public final class ResourceAccessPolicy {

    private ResourceAccessPolicy() {}

    /** Publish, describe, verify a resource of {@code territory}. */
    public static boolean canManage(CurrentUser user, String territory) {
        return user.hasRole(Role.ADMIN) || (user.hasRole(Role.COORDINATOR) && user.coversTerritory(territory));
    }

    /** Tell the free places of {@code resource}. */
    public static boolean canUpdateCapacity(CurrentUser user, Resource resource) {
        return canManage(user, resource.territory())
                || (user.hasAnyRole(Role.PARTNER, Role.CLINICIAN)
                        && user.institution() != null
                        && user.institution().equals(resource.institution()));
    }
}
