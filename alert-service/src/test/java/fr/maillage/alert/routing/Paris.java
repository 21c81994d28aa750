package fr.maillage.alert.routing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Test helper: instants written as Europe/Paris wall-clock times. */
final class Paris {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    /** {@code "2026-05-25T10:00"} in Europe/Paris, as an instant. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    private Paris() {}
}
