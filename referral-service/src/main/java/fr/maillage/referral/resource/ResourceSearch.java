package fr.maillage.referral.resource;

import java.util.List;

/**
 * One directory query; every criterion given narrows the answer.
 *
 * @param tokens keywords of {@code q} ({@link Keywords#tokens}); each must be one of the resource's, the last
 *     may be the start of one (search as you type)
 * @param age a person's age: within the resource's bounds (an open bound takes everyone)
 * @param availableOnly only resources that say they have a free place
 * @param status ACTIVE unless asked otherwise
 * @param stale {@code true}: only records not verified lately; {@code false}: only fresh ones; {@code null}: both
 * @param page zero-based
 */
public record ResourceSearch(
        List<String> tokens,
        ResourceType type,
        String commune,
        Integer age,
        boolean availableOnly,
        String territory,
        ResourceStatus status,
        Boolean stale,
        int page,
        int size) {

    public ResourceSearch {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        status = status == null ? ResourceStatus.ACTIVE : status;
    }
}
