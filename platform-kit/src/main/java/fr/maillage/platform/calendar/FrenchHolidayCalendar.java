package fr.maillage.platform.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The national French public holidays, from Jollyday's France calendar: 1 January, Easter Monday,
 * 1 May, 8 May, Ascension, Whit Monday, 14 July, 15 August, 1 November, 11 November, 25 December.
 *
 * <p>Whit Monday (lundi de Pentecôte): Jollyday counts it as a holiday up to 2003 and again from
 * 2008. It is a legal public holiday, but since 2004 employers may make it their worked "journée
 * de solidarité"; we follow Jollyday (closed, the regulation team answers). An institution that
 * works that day cannot say so yet.
 *
 * <p>Only the national calendar: Alsace-Moselle's Good Friday and 26 December are not included (no
 * territory there yet).
 */
public final class FrenchHolidayCalendar implements HolidayCalendar {

    private final HolidayManager manager =
            HolidayManager.getInstance(ManagerParameters.create(de.focus_shift.jollyday.core.HolidayCalendar.FRANCE));

    // Jollyday recomputes a year's holidays on every call; working-day loops ask day by day.
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    @Override
    public boolean isHoliday(LocalDate date) {
        return holidaysByYear.computeIfAbsent(date.getYear(), this::load).contains(date);
    }

    private Set<LocalDate> load(int year) {
        return manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY).stream()
                .map(Holiday::getActualDate)
                .collect(Collectors.toUnmodifiableSet());
    }
}
