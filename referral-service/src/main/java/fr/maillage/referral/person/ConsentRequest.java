package fr.maillage.referral.person;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A consent to record: its purpose and the targets it covers (institution ids and/or resource ids).
 *
 * @throws IllegalArgumentException when it covers nothing
 */
public record ConsentRequest(ConsentPurpose purpose, Set<String> institutions, Set<String> resources) {

    public ConsentRequest {
        Objects.requireNonNull(purpose, "purpose");
        institutions = sorted(institutions);
        resources = sorted(resources);
        if (institutions.isEmpty() && resources.isEmpty()) {
            throw new IllegalArgumentException("A consent covers at least one institution or resource");
        }
    }

    static SortedSet<String> sorted(Set<String> values) {
        return values == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }
}
