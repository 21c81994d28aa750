package fr.maillage.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FrenchHolidayCalendarTests {

    private final FrenchHolidayCalendar holidays = new FrenchHolidayCalendar();

    @Test
    void the2026HolidaysAreExactlyTheElevenNationalOnes() {
        var start = LocalDate.of(2026, 1, 1);
        var found = Stream.iterate(start, day -> day.getYear() == 2026, day -> day.plusDays(1))
                .filter(holidays::isHoliday)
                .toList();

        assertThat(found)
                .containsExactly(
                        LocalDate.of(2026, 1, 1), // Jour de l'an
                        LocalDate.of(2026, 4, 6), // lundi de Pâques
                        LocalDate.of(2026, 5, 1), // fête du Travail
                        LocalDate.of(2026, 5, 8), // Victoire 1945
                        LocalDate.of(2026, 5, 14), // Ascension
                        LocalDate.of(2026, 5, 25), // lundi de Pentecôte
                        LocalDate.of(2026, 7, 14), // fête nationale
                        LocalDate.of(2026, 8, 15), // Assomption
                        LocalDate.of(2026, 11, 1), // Toussaint
                        LocalDate.of(2026, 11, 11), // Armistice
                        LocalDate.of(2026, 12, 25)); // Noël
    }

    @Test
    void whitMondayIsAHolidaySince2008ButWasNotDuringTheSolidarityDayYears() {
        // Jollyday's France calendar: Whit Monday up to 2003 and from 2008 on; 2004–2007 it was the
        // worked "journée de solidarité" everywhere.
        assertThat(holidays.isHoliday(LocalDate.of(2026, 5, 25))).isTrue();
        assertThat(holidays.isHoliday(LocalDate.of(2005, 5, 16))).isFalse();
    }

    @Test
    void newYearOfTheNextYearIsAHoliday() {
        assertThat(holidays.isHoliday(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(holidays.isHoliday(LocalDate.of(2026, 12, 31))).isFalse();
    }

    @Test
    void alsaceMoselleDaysAreNotNationalHolidays() {
        assertThat(holidays.isHoliday(LocalDate.of(2026, 4, 3)))
                .as("Good Friday")
                .isFalse();
        assertThat(holidays.isHoliday(LocalDate.of(2026, 12, 26)))
                .as("Saint Stephen")
                .isFalse();
    }
}
