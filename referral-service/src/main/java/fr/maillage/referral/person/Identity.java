package fr.maillage.referral.person;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Who a person is: the only place their name and birth date exist in the platform. {@link #toString()}
 * is redacted so an identity never lands in a log line by accident.
 */
public record Identity(String familyName, String givenName, LocalDate birthDate, String commune) {

    public Identity {
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(commune, "commune");
    }

    @Override
    public String toString() {
        return "Identity[redacted]";
    }
}
