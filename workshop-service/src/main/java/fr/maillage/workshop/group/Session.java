package fr.maillage.workshop.group;

import fr.maillage.workshop.schedule.SessionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a group's calendar: a collective session or an individual follow-up slot, led by its
 * own two facilitators (a substitute may stand in for one), in a room, with its materials.
 *
 * @param number 1.. in time order, all kinds counted
 * @param facilitators exactly two distinct
 * @param materials what to bring (books, drawing material, refreshments); may be empty
 */
public record Session(
        String id,
        int number,
        SessionKind kind,
        Instant startsAt,
        Instant endsAt,
        String venue,
        List<Facilitator> facilitators,
        List<String> materials) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("Session " + number + " ends before it starts");
        }
        if (venue == null || venue.isBlank()) {
            throw new GroupRuleViolation("venue-required", "Every session takes place somewhere: the venue is blank.");
        }
        venue = venue.trim();
        facilitators = Facilitators.of(facilitators).asList();
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    public List<String> facilitatorIds() {
        return facilitators.stream().map(Facilitator::id).toList();
    }

    public boolean isLedBy(String userId) {
        return userId != null && facilitatorIds().contains(userId);
    }

    public Duration length() {
        return Duration.between(startsAt, endsAt);
    }

    /** Whether the two sessions share some time; touching ones (one ends when the other starts) do not. */
    public boolean overlaps(Session other) {
        return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }

    /** Same room: compared trimmed and case-insensitive ("Salle A " is "salle a"). */
    public boolean sharesVenueWith(Session other) {
        return venueKey(venue).equals(venueKey(other.venue));
    }

    static String venueKey(String venue) {
        return venue.trim().toLowerCase(Locale.ROOT);
    }

    Session movedTo(Instant start) {
        return new Session(id, number, kind, start, start.plus(length()), venue, facilitators, materials);
    }

    Session in(String newVenue) {
        return new Session(id, number, kind, startsAt, endsAt, newVenue, facilitators, materials);
    }

    Session ledBy(Facilitators pair) {
        return new Session(id, number, kind, startsAt, endsAt, venue, pair.asList(), materials);
    }

    Session with(List<String> newMaterials) {
        return new Session(id, number, kind, startsAt, endsAt, venue, facilitators, newMaterials);
    }
}
