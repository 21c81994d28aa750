package fr.maillage.subscription.feed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The event types a feed reader asks for: a comma-separated list of patterns, each an exact type
 * ({@code fr.maillage.alert.responded.v1}), a prefix ending in {@code .*} ({@code fr.maillage.referral.*},
 * matching every type that starts with {@code fr.maillage.referral.}), or {@code *} (every type). None at
 * all also means every type.
 */
public final class TypePatterns {

    /** At most this many patterns in one request. */
    public static final int MAX_PATTERNS = 20;

    private static final Pattern SEGMENTS = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*");

    private static final int MAX_LENGTH = 200;

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
     * @throws IllegalArgumentException naming the faulty pattern
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
            String pattern = part.trim();
            if (pattern.equals("*")) {
                any = true;
            } else if (pattern.endsWith(".*") && valid(pattern.substring(0, pattern.length() - 2))) {
                prefixes.add(pattern.substring(0, pattern.length() - 1));
            } else if (valid(pattern)) {
                exact.add(pattern);
            } else {
                throw new IllegalArgumentException(
                        "'" + abbreviate(pattern) + "' is not an event type, a prefix ending in '.*', or '*'");
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

    private static boolean valid(String type) {
        return !type.isEmpty()
                && type.length() <= MAX_LENGTH
                && SEGMENTS.matcher(type).matches();
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
