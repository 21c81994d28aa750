package fr.maillage.alert.routing;

import fr.maillage.platform.calendar.HolidayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When an office is open, at real instants: weekly hours in a time zone, closed on public holidays.
 * Used for a territory's business hours (working days) and for each team's office hours.
 */
public record OfficeHours(WeeklyHours hours, ZoneId zone, HolidayCalendar holidays) {

    // Far more than any run of closed days; only reached if the calendar says every day is a holiday.
    private static final int MAX_DAYS_AHEAD = 3_660;

    public OfficeHours {
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(holidays, "holidays");
    }

    /** True when the office is open at {@code at}: an opening day that is not a holiday, within the hours. */
    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return hours.contains(local.toLocalDateTime()) && !holidays.isHoliday(local.toLocalDate());
    }

    /** True when {@code date} is one of the opening days and not a public holiday. */
    public boolean isWorkingDay(LocalDate date) {
        return hours.days().contains(date.getDayOfWeek()) && !holidays.isHoliday(date);
    }

    /** {@code at} itself when the office is open then, otherwise the next time it opens. */
    public Instant openAtOrNext(Instant at) {
        if (isOpen(at)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (!(isWorkingDay(day) && local.toLocalTime().isBefore(hours.opens()))) {
            day = nextWorkingDay(day);
        }
        return ZonedDateTime.of(day, hours.opens(), zone).toInstant();
    }

    /** The first working day after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate day = date;
        for (int i = 0; i < MAX_DAYS_AHEAD; i++) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                return day;
            }
        }
        throw new IllegalStateException("no working day within " + MAX_DAYS_AHEAD + " days after " + date);
    }
}
