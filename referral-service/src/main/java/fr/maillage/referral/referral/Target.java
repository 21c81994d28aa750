package fr.maillage.referral.referral;

import fr.maillage.referral.resource.Resource;
import fr.maillage.referral.resource.ResourceType;
import java.util.Objects;

/**
 * The resource a referral is addressed to, as the referral keeps it: its territory is where the referral
 * is handled, its institution is the receiving side.
 */
public record Target(String resourceId, ResourceType type, String institution, String territory) {

    public Target {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(territory, "territory");
    }

    public static Target of(Resource resource) {
        return new Target(resource.id(), resource.type(), resource.institution(), resource.territory());
    }
}
