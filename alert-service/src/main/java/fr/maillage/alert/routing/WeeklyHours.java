package fr.maillage.alert.routing;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Opening hours repeated every week: the days, and one period from {@code opens} (included) to
 * {@code closes} (excluded) on each of them. No period across midnight: nights belong to the
 * regulation team.
 */
public record WeeklyHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

    /** Monday to Friday, 09:00–18:00. */
    public static final WeeklyHours WEEKDAYS_9_TO_6 =
            new WeeklyHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0));

    public WeeklyHours {
        Objects.requireNonNull(days, "days");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("opening hours need at least one day");
        }
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("opens (" + opens + ") must be before closes (" + closes + ")");
        }
        days = Set.copyOf(days);
    }

    /** True when the local date-time falls inside the weekly hours (holidays are not considered here). */
    public boolean contains(LocalDateTime local) {
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(opens) && time.isBefore(closes);
    }
}
