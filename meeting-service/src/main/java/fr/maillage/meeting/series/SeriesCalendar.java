package fr.maillage.meeting.series;

import fr.maillage.meeting.meeting.ParisTime;
import fr.maillage.platform.calendar.HolidayCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Generates a series' occurrences: the rule's dates at the same Paris local time (so a meeting stays at
 * 18:30 on both sides of a daylight-saving change); a date that is a public holiday moves to the next
 * working day (Monday to Friday, not a holiday), at the same time.
 */
public final class SeriesCalendar {

    /** Occurrences before {@code notBefore} skipped in a row before the calendar gives up (a bug, not a plan). */
    static final int MAX_SKIPPED = 120;

    private final HolidayCalendar holidays;

    public SeriesCalendar(HolidayCalendar holidays) {
        this.holidays = Objects.requireNonNull(holidays, "holidays");
    }

    /**
     * One meeting of a series.
     *
     * @param ruleDate the date the rule names
     * @param date the date it takes place (the next working day when the rule's date is a holiday)
     */
    public record Occurrence(LocalDate ruleDate, LocalDate date, LocalTime at, Instant startsAt, Instant endsAt) {

        public boolean moved() {
            return !date.equals(ruleDate);
        }
    }

    /**
     * The first {@code count} occurrences on or after {@code from} that start after {@code notBefore}.
     *
     * @param at the Paris local time of every occurrence
     */
    public List<Occurrence> occurrences(
            RecurrenceRule rule, LocalDate from, LocalTime at, int durationMinutes, int count, Instant notBefore) {
        Objects.requireNonNull(at, "at");
        List<Occurrence> occurrences = new ArrayList<>(count);
        Iterator<LocalDate> dates = rule.dates(from).iterator();
        int skipped = 0;
        while (occurrences.size() < count) {
            LocalDate ruleDate = dates.next();
            LocalDate date = holidays.isHoliday(ruleDate) ? nextWorkingDay(ruleDate) : ruleDate;
            ZonedDateTime start = LocalDateTime.of(date, at).atZone(ParisTime.PARIS);
            if (!start.toInstant().isAfter(notBefore)) {
                if (++skipped > MAX_SKIPPED) {
                    throw new IllegalStateException("No occurrence after " + notBefore + " from " + from);
                }
                continue;
            }
            occurrences.add(new Occurrence(
                    ruleDate,
                    date,
                    at,
                    start.toInstant(),
                    start.plusMinutes(durationMinutes).toInstant()));
        }
        return List.copyOf(occurrences);
    }

    /** The first day after {@code date} that is Monday to Friday and not a public holiday. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        // No real calendar has a month of holidays in a row: the bound only stops a broken one.
        for (int i = 0; i < 31; i++, next = next.plusDays(1)) {
            if (next.getDayOfWeek() != DayOfWeek.SATURDAY
                    && next.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !holidays.isHoliday(next)) {
                return next;
            }
        }
        throw new IllegalStateException("No working day within a month after " + date);
    }
}
