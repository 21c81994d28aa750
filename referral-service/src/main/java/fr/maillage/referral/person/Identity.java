package fr.maillage.referral.person;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Who a person is: the only place their name, birth date and contact details exist in the platform.
 * {@link #toString()} is redacted so an identity never lands in a log line by accident.
 *
 * @param phone optional
 * @param email optional
 * @param gp the person's general practitioner (name or practice), optional
 */
public record Identity(
        String familyName,
        String givenName,
        LocalDate birthDate,
        String commune,
        String phone,
        String email,
        String gp) {

    public Identity {
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(commune, "commune");
        phone = blankToNull(phone);
        email = blankToNull(email);
        gp = blankToNull(gp);
    }

    /** An identity without contact details or GP. */
    public Identity(String familyName, String givenName, LocalDate birthDate, String commune) {
        this(familyName, givenName, birthDate, commune, null, null, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "Identity[redacted]";
    }
}
