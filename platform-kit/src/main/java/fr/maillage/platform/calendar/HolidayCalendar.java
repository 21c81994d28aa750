package fr.maillage.platform.calendar;

import java.time.LocalDate;

/**
 * Public holidays of the place where the network works: a holiday is not a working day, every
 * office is closed and no session is planned on it. Production uses {@link FrenchHolidayCalendar}.
 */
public interface HolidayCalendar {

    /** True when {@code date} is a public holiday. */
    boolean isHoliday(LocalDate date);
}
