package fr.maillage.alert.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When an alert is possibly a duplicate of an earlier one of the same territory: about the same person
 * ({@code personRef}), or from the same emitter (fingerprint) about the same commune, raised within the
 * last 24 hours. Duplicates are linked, never refused: two alerts about one person may both be real.
 */
public final class DuplicateRule {

    /** How far back an earlier alert counts. */
    public static final Duration WINDOW = Duration.ofHours(24);

    private DuplicateRule() {}

    /** The earliest raising instant of an alert that may be a duplicate of one raised at {@code raisedAt}. */
    public static Instant windowStart(Instant raisedAt) {
        return raisedAt.minus(WINDOW);
    }

    /** Whether {@code earlier} may be the same alert as the one being raised. */
    public static boolean isPossibleDuplicate(
            Alert earlier, String territory, String personRef, String fingerprint, String commune, Instant raisedAt) {
        if (!Objects.equals(earlier.territory(), territory)
                || earlier.raisedAt().isBefore(windowStart(raisedAt))
                || earlier.raisedAt().isAfter(raisedAt)) {
            return false;
        }
        boolean samePerson = personRef != null && personRef.equals(earlier.personRef());
        boolean sameEmitterAndCommune = fingerprint != null
                && fingerprint.equals(earlier.emitterFingerprint())
                && commune != null
                && commune.equals(earlier.commune());
        return samePerson || sameEmitterAndCommune;
    }
}
