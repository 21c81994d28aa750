package fr.maillage.subscription.feed;

import fr.maillage.subscription.eventtype.EventTypePattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The event types a feed reader asks for: a comma-separated list of patterns, each an exact type
 * ({@code fr.maillage.alert.responded.v1}), a prefix ending in {@code .*} ({@code fr.maillage.referral.*},
 * matching every type that starts with {@code fr.maillage.referral.}), or {@code *} (every type), parsed by
 * {@link EventTypePattern} exactly as a subscription's (a pattern naming no known event family is refused).
 * None at all also means every type.
 */
public final class TypePatterns {

    /** At most this many patterns in one request. */
    public static final int MAX_PATTERNS = 20;

    private final boolean any;
    private final Set<String> exact;
    private final List<String> prefixes;

    private TypePatterns(boolean any, Set<String> exact, List<String> prefixes) {
        this.any = any;
        this.exact = Set.copyOf(exact);
        this.prefixes = List.copyOf(prefixes);
    }

    /** Every type. */
    public static TypePatterns any() {
        return new TypePatterns(true, Set.of(), List.of());
    }

    /**
     * Parses {@code fr.maillage.referral.*,fr.maillage.alert.responded.v1}; null or blank: every type.
     *
     * @throws IllegalArgumentException naming the faulty pattern ({@link EventTypePattern.InvalidEventTypePattern})
     */
    public static TypePatterns parse(String list) {
        if (list == null || list.isBlank()) {
            return any();
        }
        String[] parts = list.split(",", -1);
        if (parts.length > MAX_PATTERNS) {
            throw new IllegalArgumentException("At most " + MAX_PATTERNS + " type patterns are accepted");
        }
        boolean any = false;
        Set<String> exact = new LinkedHashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (String part : parts) {
            EventTypePattern pattern = EventTypePattern.parse(abbreviate(part)); // InvalidEventTypePattern names it
            if (pattern.matchesEverything()) {
                any = true;
            } else if (pattern.exact()) {
                exact.add(pattern.text());
            } else {
                prefixes.add(pattern.prefix());
            }
        }
        return any ? any() : new TypePatterns(false, exact, prefixes);
    }

    public boolean matches(String type) {
        if (any) {
            return true;
        }
        if (type == null) {
            return false;
        }
        return exact.contains(type) || prefixes.stream().anyMatch(type::startsWith);
    }

    /** True when every type matches. */
    public boolean matchesAny() {
        return any;
    }

    /** The exact types asked for. */
    public Set<String> exactTypes() {
        return exact;
    }

    /** The prefixes asked for, each ending in a dot (e.g. {@code fr.maillage.referral.}). */
    public List<String> prefixes() {
        return prefixes;
    }

    /** A part far too long to be a pattern is cut before parsing (it is refused anyway), so the error stays short. */
    private static String abbreviate(String text) {
        return text.length() > EventTypePattern.MAX_LENGTH + 1
                ? text.substring(0, EventTypePattern.MAX_LENGTH + 1)
                : text;
    }
}
