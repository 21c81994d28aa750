package fr.maillage.referral.resource;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search keywords of the directory. The Mongo wire server has no {@code $text}, so a resource
 * stores normalised tokens and a query is normalised the same way: lower case, accents and
 * ligatures flattened ("Isère" and "isere" are one word), split on anything that is not a letter or
 * a digit (hyphenated communes give their parts), French elisions ("l'", "d'", "qu'") and a few
 * words too common to mean anything dropped.
 */
public final class Keywords {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("[\u2019\u2018\u02BC\u0060\u00B4\u2032]");

    /** Elided words before an apostrophe: "l'Isère", "d'accueil", "jusqu'à". */
    private static final Set<String> ELISIONS =
            Set.of("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu");

    /** Articles and conjunctions that would make a query miss for no reason ("centre de la Bièvre"). */
    private static final Set<String> STOP_WORDS =
            Set.of("le", "la", "les", "l", "de", "du", "des", "d", "un", "une", "et", "ou", "au", "aux", "a", "en");

    private Keywords() {}

    /** The text in lower case without accents, ligatures spelt out; {@code ""} for {@code null}. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT)
                // Letters that carry no combining mark to strip.
                .replace("œ", "oe")
                .replace("æ", "ae")
                .replace("ß", "ss")
                .replace("ø", "o")
                .replace("ł", "l")
                .replace("đ", "d");
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
        return APOSTROPHES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("'");
    }

    /** The distinct tokens of a text in the order they appear (a query: its last token may be a prefix). */
    public static List<String> tokens(String text) {
        String normalised = normalise(text);
        Set<String> tokens = new LinkedHashSet<>();
        Matcher matcher = TOKEN.matcher(normalised);
        while (matcher.find()) {
            String token = matcher.group();
            boolean elided = matcher.end() < normalised.length()
                    && normalised.charAt(matcher.end()) == '\''
                    && ELISIONS.contains(token);
            if (!elided && !STOP_WORDS.contains(token)) {
                tokens.add(token);
            }
        }
        return List.copyOf(tokens);
    }

    /** The sorted distinct keywords of several texts (a resource's name, type, eligibility, …); nulls skipped. */
    public static List<String> of(Collection<String> texts) {
        Set<String> keywords = new TreeSet<>();
        texts.stream().filter(Objects::nonNull).map(Keywords::tokens).forEach(keywords::addAll);
        return List.copyOf(keywords);
    }
}
