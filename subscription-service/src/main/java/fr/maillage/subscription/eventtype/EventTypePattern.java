package fr.maillage.subscription.eventtype;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which event types a subscription wants: an exact type ({@code fr.maillage.alert.responded.v1}), a prefix
 * ending in {@code .*} ({@code fr.maillage.referral.*}, {@code fr.maillage.alert.responded.*}), or {@code *}
 * (every public event). Except {@code *}, a pattern must name a known event family ({@code
 * fr.maillage.<service>.} of a service that publishes events), so a typo is refused at subscription time
 * rather than silently matching nothing for ever. The one parser of this language: subscriptions and the pull
 * feed's {@code types=} both use it.
 */
public final class EventTypePattern {

    /** The event families partners may subscribe to: one per producing service (DESIGN §5). */
    public static final List<String> KNOWN_FAMILIES = List.of(
            "fr.maillage.referral.",
            "fr.maillage.workshop.",
            "fr.maillage.meeting.",
            "fr.maillage.alert.",
            "fr.maillage.evaluation.");

    public static final String EVERYTHING = "*";

    public static final int MAX_LENGTH = 200;

    /** Dot-separated lower-case kebab-case segments, optionally ending in {@code .*}. */
    private static final Pattern SYNTAX =
            Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)*(?:\\.\\*)?");

    private final String text;
    private final String prefix;
    private final boolean exact;

    private EventTypePattern(String text, String prefix, boolean exact) {
        this.text = text;
        this.prefix = prefix;
        this.exact = exact;
    }

    /**
     * @throws InvalidEventTypePattern when the text is not a pattern or names no known event family
     */
    public static EventTypePattern parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidEventTypePattern(String.valueOf(text), "an event-type pattern may not be empty");
        }
        String pattern = text.strip();
        if (pattern.equals(EVERYTHING)) {
            return new EventTypePattern(pattern, "", false);
        }
        if (pattern.length() > MAX_LENGTH || !SYNTAX.matcher(pattern).matches()) {
            throw new InvalidEventTypePattern(
                    pattern, "expected an event type, a prefix ending in '.*' (fr.maillage.referral.*) or '*'");
        }
        boolean exact = !pattern.endsWith(".*");
        String prefix = exact ? pattern : pattern.substring(0, pattern.length() - 1);
        String family = KNOWN_FAMILIES.stream()
                .filter(known -> prefix.startsWith(known))
                .findFirst()
                .orElseThrow(() -> new InvalidEventTypePattern(
                        pattern,
                        "no known event family; expected one of "
                                + KNOWN_FAMILIES.stream()
                                        .map(known -> known + "*")
                                        .toList()));
        if (exact && pattern.length() == family.length() - 1) {
            throw new InvalidEventTypePattern(pattern, "a family needs '.*' (" + family + "*)");
        }
        return new EventTypePattern(pattern, prefix, exact);
    }

    public static List<EventTypePattern> parseAll(List<String> texts) {
        return texts.stream().map(EventTypePattern::parse).toList();
    }

    public boolean matches(String type) {
        if (type == null) {
            return false;
        }
        return exact ? text.equals(type) : type.startsWith(prefix);
    }

    /** Whether any of the patterns matches the type. */
    public static boolean anyMatches(List<EventTypePattern> patterns, String type) {
        return patterns.stream().anyMatch(pattern -> pattern.matches(type));
    }

    /** True for {@code *}: every type. */
    public boolean matchesEverything() {
        return !exact && prefix.isEmpty();
    }

    /** True for an exact type; false for a prefix or {@code *}. */
    public boolean exact() {
        return exact;
    }

    /** What a matching type starts with: the type itself when exact, {@code fr.maillage.referral.} for a prefix, "" for {@code *}. */
    public String prefix() {
        return prefix;
    }

    /** The pattern as written (stripped). */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventTypePattern that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    @Override
    public String toString() {
        return text;
    }

    /** A pattern that is malformed or names no known event family. */
    public static final class InvalidEventTypePattern extends IllegalArgumentException {

        private final String pattern;

        InvalidEventTypePattern(String pattern, String reason) {
            super("Event-type pattern '" + pattern + "': " + reason);
            this.pattern = pattern;
        }

        public String pattern() {
            return pattern;
        }
    }
}
