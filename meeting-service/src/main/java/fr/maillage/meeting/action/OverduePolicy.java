package fr.maillage.meeting.action;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When an action is late: a due date is a day in Paris, and the action may be done until that day's
 * end. From the first instant of the next day in Paris (whatever the UTC offset that day, summer or
 * winter time) an action still open is overdue, and one completed is not on time.
 */
public final class OverduePolicy {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private OverduePolicy() {}

    /** The first instant after the due day: midnight starting the next day in Paris. */
    public static Instant deadline(LocalDate dueOn) {
        return dueOn.plusDays(1).atStartOfDay(PARIS).toInstant();
    }

    /** Whether the due day has ended (in Paris) at {@code now}. */
    public static boolean isPast(LocalDate dueOn, Instant now) {
        return !now.isBefore(deadline(dueOn));
    }

    /** Done at {@code doneAt} is on time when the due day has not ended yet. */
    public static boolean isOnTime(LocalDate dueOn, Instant doneAt) {
        return !isPast(dueOn, doneAt);
    }

    /** Today in Paris. */
    public static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, PARIS);
    }
}
