package fr.maillage.alert.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A SHA-256 fingerprint of who raised an alert (normalised name, organisation and callback contact), so
 * that "the same emitter again" can be found without comparing, or indexing, their plain identity.
 * Normalised so that {@code "Dr  Éva Martin"} and {@code "dr eva martin"}, or {@code "04 76 00 00 00"}
 * and {@code "0476000000"}, are the same emitter.
 */
public final class EmitterFingerprint {

    private static final char SEPARATOR = '\u001f';

    private EmitterFingerprint() {}

    /** The fingerprint, or null for an anonymous emitter (nothing tells two of them apart). */
    public static String of(Emitter emitter) {
        if (emitter == null || emitter.isAnonymous()) {
            return null;
        }
        String normalised = normalise(emitter.name())
                + SEPARATOR
                + normalise(emitter.organisation())
                + SEPARATOR
                + normalise(emitter.callbackContact());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** Lower case, no accents, letters, digits and {@code @} only (spaces, dots and dashes vary in practice). */
    static String normalise(String value) {
        if (value == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}@]+", "");
    }
}
