package fr.maillage.workshop.group;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A facilitator or a room cannot be in two sessions at once. Two sessions clash when their times
 * overlap (touching ones do not: one may end at 16:00 and the next start at 16:00) and they share a
 * facilitator or a venue (trimmed, case-insensitive). Sessions of cancelled groups are not passed in.
 */
public final class ScheduleConflicts {

    private ScheduleConflicts() {}

    /** A session already in some group's calendar. */
    public record Booking(String groupId, Session session) {}

    /**
     * One clash, naming the other session and what it shares: either {@code facilitatorId} or
     * {@code venue} is set.
     */
    public record Clash(String groupId, int sessionNumber, Instant startsAt, String facilitatorId, String venue) {}

    private static final Comparator<Clash> ORDER = Comparator.comparing(Clash::startsAt)
            .thenComparing(Clash::groupId)
            .thenComparingInt(Clash::sessionNumber)
            .thenComparing(Clash::facilitatorId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Clash::venue, Comparator.nullsLast(Comparator.naturalOrder()));

    /**
     * The clashes of the planned sessions with the booked ones. A booking of the same session (same id,
     * as when a session is moved) is skipped.
     */
    public static List<Clash> between(Collection<Session> planned, Collection<Booking> booked) {
        Set<Clash> clashes = new LinkedHashSet<>();
        for (Session session : planned) {
            for (Booking booking : booked) {
                Session other = booking.session();
                if (other.id().equals(session.id()) || !session.overlaps(other)) {
                    continue;
                }
                for (String facilitatorId : session.facilitatorIds()) {
                    if (other.isLedBy(facilitatorId)) {
                        clashes.add(
                                new Clash(booking.groupId(), other.number(), other.startsAt(), facilitatorId, null));
                    }
                }
                if (session.sharesVenueWith(other)) {
                    clashes.add(new Clash(booking.groupId(), other.number(), other.startsAt(), null, other.venue()));
                }
            }
        }
        return clashes.stream().sorted(ORDER).toList();
    }
}
