package fr.maillage.alert.routing;

import static fr.maillage.alert.routing.Paris.at;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.calendar.FrenchHolidayCalendar;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class OfficeHoursTests {

    // A CMP open Monday to Friday, 09:00–17:30.
    private final OfficeHours cmp = new OfficeHours(
            new WeeklyHours(
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 30)),
            Paris.ZONE,
            new FrenchHolidayCalendar());

    @Test
    void isOpenOnAWeekdayWithinItsHours() {
        assertThat(cmp.isOpen(at("2026-11-24T10:00"))).isTrue(); // Tuesday
        assertThat(cmp.isOpen(at("2026-11-24T09:00")))
                .as("opening time included")
                .isTrue();
        assertThat(cmp.isOpen(at("2026-11-24T17:29"))).isTrue();
    }

    @Test
    void isClosedEarlyMorningAndEvening() {
        assertThat(cmp.isOpen(at("2026-11-24T08:59"))).isFalse();
        assertThat(cmp.isOpen(at("2026-11-24T17:30")))
                .as("closing time excluded")
                .isFalse();
        assertThat(cmp.isOpen(at("2026-11-24T21:00"))).isFalse();
        assertThat(cmp.isOpen(at("2026-11-24T03:00"))).isFalse();
    }

    @Test
    void isClosedAtWeekends() {
        assertThat(cmp.isOpen(at("2026-11-28T10:00"))).isFalse(); // Saturday
        assertThat(cmp.isOpen(at("2026-11-29T10:00"))).isFalse(); // Sunday
    }

    @Test
    void isClosedOnPublicHolidaysThatFallOnWeekdays() {
        assertThat(cmp.isOpen(at("2026-05-01T10:00"))).as("1 May, a Friday").isFalse();
        assertThat(cmp.isOpen(at("2026-05-14T10:00"))).as("Ascension").isFalse();
        assertThat(cmp.isOpen(at("2026-05-25T10:00"))).as("Whit Monday").isFalse();
        assertThat(cmp.isOpen(at("2026-12-25T10:00"))).as("Christmas").isFalse();
        assertThat(cmp.isOpen(at("2027-01-01T10:00"))).as("New Year").isFalse();
    }

    @Test
    void readsHoursInParisTimeOnBothSidesOfDaylightSavingChanges() {
        // 09:30 Paris is 08:30Z in winter and 07:30Z in summer.
        assertThat(cmp.isOpen(java.time.Instant.parse("2026-03-27T08:30:00Z"))).isTrue(); // Friday, CET
        assertThat(cmp.isOpen(java.time.Instant.parse("2026-03-30T07:30:00Z"))).isTrue(); // Monday, CEST
        assertThat(cmp.isOpen(java.time.Instant.parse("2026-03-30T06:30:00Z"))).isFalse(); // 08:30 CEST
    }

    @Test
    void opensNextOnTheFollowingWorkingMorning() {
        assertThat(cmp.openAtOrNext(at("2026-11-24T10:00"))).isEqualTo(at("2026-11-24T10:00"));
        assertThat(cmp.openAtOrNext(at("2026-11-24T07:00"))).isEqualTo(at("2026-11-24T09:00"));
        assertThat(cmp.openAtOrNext(at("2026-11-24T19:00"))).isEqualTo(at("2026-11-25T09:00"));
        assertThat(cmp.openAtOrNext(at("2026-11-27T19:00")))
                .as("Friday evening")
                .isEqualTo(at("2026-11-30T09:00"));
        assertThat(cmp.openAtOrNext(at("2026-05-13T19:00")))
                .as("eve of Ascension")
                .isEqualTo(at("2026-05-15T09:00"));
        assertThat(cmp.openAtOrNext(at("2026-12-24T18:00")))
                .as("Christmas Eve, Christmas on Friday")
                .isEqualTo(at("2026-12-28T09:00"));
    }
}
