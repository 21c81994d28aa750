package fr.maillage.alert.routing;

import java.time.LocalDate;

/**
 * Public holidays of the place where alerts are answered: a holiday is not a working day and every
 * office is closed on it. Production uses {@link FrenchHolidayCalendar}.
 */
public interface HolidayCalendar {

    /** True when {@code date} is a public holiday. */
    boolean isHoliday(LocalDate date);
}
