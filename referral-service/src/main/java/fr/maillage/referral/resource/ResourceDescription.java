package fr.maillage.referral.resource;

import java.util.List;
import java.util.Objects;

/**
 * What a directory record says about a resource (modelled on Open Referral HSDS 3), everything an
 * editor sets in one go: capacity and verification have their own steps.
 *
 * @param communes INSEE codes of the communes served, no repeats
 * @param minimumAge youngest age taken, {@code null} = no lower bound
 * @param maximumAge oldest age taken, {@code null} = no upper bound
 * @param eligibility who the resource is for, in words
 * @param languages languages spoken, in words ("français", "arabe", "LSF")
 * @param accessibility access for people with disabilities, in words
 * @param contact the resource's own contact, may be {@code null}
 * @param openingHours opening hours as text ("lun-ven 9h-17h")
 */
public record ResourceDescription(
        String name,
        ResourceType type,
        String institution,
        String territory,
        List<String> communes,
        Integer minimumAge,
        Integer maximumAge,
        String eligibility,
        List<String> languages,
        String accessibility,
        Contact contact,
        String openingHours,
        ResourceStatus status) {

    public ResourceDescription {
        name = Objects.requireNonNull(clean(name), "name");
        Objects.requireNonNull(type, "type");
        institution = Objects.requireNonNull(clean(institution), "institution");
        territory = Objects.requireNonNull(clean(territory), "territory");
        Objects.requireNonNull(status, "status");
        communes = communes == null
                ? List.of()
                : communes.stream()
                        .map(ResourceDescription::clean)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList();
        languages = languages == null
                ? List.of()
                : languages.stream()
                        .map(ResourceDescription::clean)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList();
        eligibility = clean(eligibility);
        accessibility = clean(accessibility);
        openingHours = clean(openingHours);
        contact = contact == null || contact.isEmpty() ? null : contact;
        if (minimumAge != null && minimumAge < 0 || maximumAge != null && maximumAge < 0) {
            throw new ResourceRuleViolation("ages cannot be negative");
        }
        if (minimumAge != null && maximumAge != null && minimumAge > maximumAge) {
            throw new ResourceRuleViolation(
                    "the minimum age (" + minimumAge + ") is above the maximum age (" + maximumAge + ")");
        }
    }

    /** A resource known only by its name, type and place; ACTIVE, every other detail empty. */
    public static ResourceDescription of(
            String name, ResourceType type, String institution, String territory, List<String> communes) {
        return new ResourceDescription(
                name,
                type,
                institution,
                territory,
                communes,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                ResourceStatus.ACTIVE);
    }

    /** The same description with another status. */
    public ResourceDescription withStatus(ResourceStatus newStatus) {
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
                newStatus);
    }

    /** Whether a person of this age is taken (an open bound takes everyone on that side). */
    public boolean takesAge(int age) {
        return (minimumAge == null || minimumAge <= age) && (maximumAge == null || age <= maximumAge);
    }

    /** Stripped text, {@code null} when there is none. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
