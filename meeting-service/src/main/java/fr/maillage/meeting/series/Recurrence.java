package fr.maillage.meeting.series;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * When a series meets: the {@code ordinal}-th {@code day} of every month, or of the
 * {@code monthOfQuarter}-th month of every quarter, at a local time (Paris).
 *
 * @param ordinal 1 to 4, or -1 for the last such day
 * @param monthOfQuarter 1 to 3, for QUARTERLY only
 */
public record Recurrence(
        Frequency frequency, int ordinal, DayOfWeek day, int monthOfQuarter, LocalTime at, int durationMinutes) {

    public enum Frequency {
        MONTHLY,
        QUARTERLY
    }
}
