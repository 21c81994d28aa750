package fr.maillage.referral.person;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How two spellings of the same person are made to compare equal before hashing: lower case,
 * accents and ligatures stripped, separators (spaces, hyphens, apostrophes, dots) collapsed, trimmed.
 * The commune is left out on purpose: people move, and the same person referred from a new address is
 * still the same person.
 */
public final class IdentityNormalisation {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-'’‘.,_|]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final char FIELD_SEPARATOR = '|';

    private IdentityNormalisation() {}

    /** {@code "  Éloïse-Marie  " -> "eloise marie"}. */
    public static String name(String raw) {
        String lower = CONTROL.matcher(raw).replaceAll("").strip().toLowerCase(Locale.ROOT);
        // NFD does not decompose these ligatures, so spell them out first.
        lower = lower.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        String unaccented =
                MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(unaccented).replaceAll(" ").strip();
    }

    /** The blind-index input: normalised family name, given name and ISO birth date. */
    public static String blindIndexInput(Identity identity) {
        return name(identity.familyName())
                + FIELD_SEPARATOR
                + name(identity.givenName())
                + FIELD_SEPARATOR
                + identity.birthDate();
    }
}
