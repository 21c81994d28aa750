package fr.maillage.subscription.events;

import java.util.List;
import java.util.Set;

/**
 * Which logged events a reader may see and wants.
 *
 * @param institution only events whose audience contains it; null: every event (an admin)
 * @param anyType true: every type (the other two are then ignored)
 * @param types exact types
 * @param typePrefixes type prefixes ending in a dot, e.g. {@code fr.maillage.referral.}
 */
public record EventFilter(String institution, boolean anyType, Set<String> types, List<String> typePrefixes) {

    public EventFilter {
        types = Set.copyOf(types);
        typePrefixes = List.copyOf(typePrefixes);
    }
}
