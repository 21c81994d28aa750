package fr.maillage.meeting.series;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.meeting.series.Recurrence.Frequency;
import fr.maillage.meeting.series.SeriesCalendar.Occurrence;
import fr.maillage.platform.calendar.FrenchHolidayCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesCalendarTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalTime AT = LocalTime.of(18, 30);
    /** Long before every date below: nothing is skipped as past. */
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    private final SeriesCalendar calendar = new SeriesCalendar(new FrenchHolidayCalendar());

    private static RecurrenceRule monthly(int ordinal, DayOfWeek day) {
        return RecurrenceRule.of(new Recurrence(Frequency.MONTHLY, ordinal, day, 0, AT, 120));
    }

    private List<Occurrence> occurrences(RecurrenceRule rule, LocalDate from, int count) {
        return calendar.occurrences(rule, from, AT, 120, count, LONG_AGO);
    }

    private static Instant paris(LocalDate date, LocalTime time) {
        return LocalDateTime.of(date, time).atZone(PARIS).toInstant();
    }

    @Test
    void aMeetingOnAWorkingTuesdayStaysWhereTheRulePutsIt() {
        Occurrence december = occurrences(monthly(2, DayOfWeek.TUESDAY), LocalDate.of(2026, 12, 1), 1)
                .getFirst();

        assertThat(december.date()).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(december.moved()).isFalse();
        assertThat(december.startsAt()).isEqualTo(paris(LocalDate.of(2026, 12, 8), AT));
        assertThat(Duration.between(december.startsAt(), december.endsAt())).isEqualTo(Duration.ofMinutes(120));
    }

    @Test
    void theLastFridayOfDecember2026IsChristmasAndMovesToMondayTheTwentyEighthAtTheSameTime() {
        Occurrence december = occurrences(monthly(-1, DayOfWeek.FRIDAY), LocalDate.of(2026, 12, 1), 1)
                .getFirst();

        assertThat(december.ruleDate()).isEqualTo(LocalDate.of(2026, 12, 25));
        assertThat(december.date()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(december.moved()).isTrue();
        assertThat(december.startsAt()).isEqualTo(paris(LocalDate.of(2026, 12, 28), AT));
    }

    @Test
    void theSecondTuesdayOfJuly2026IsBastilleDayAndMovesToWednesdayTheFifteenth() {
        List<Occurrence> summer = occurrences(monthly(2, DayOfWeek.TUESDAY), LocalDate.of(2026, 6, 1), 3);

        assertThat(summer)
                .extracting(Occurrence::date)
                .containsExactly(LocalDate.of(2026, 6, 9), LocalDate.of(2026, 7, 15), LocalDate.of(2026, 8, 11));
        assertThat(summer.get(1).startsAt()).isEqualTo(paris(LocalDate.of(2026, 7, 15), AT));
    }

    @Test
    void aHolidayOnThursdayBeforeAWorkingFridayMovesToThatFriday() {
        // Ascension 2026 is Thursday 14 May, the second Thursday of May.
        Occurrence may = occurrences(monthly(2, DayOfWeek.THURSDAY), LocalDate.of(2026, 5, 1), 1)
                .getFirst();

        assertThat(may.date()).isEqualTo(LocalDate.of(2026, 5, 15));
    }

    @Test
    void theNextWorkingDaySkipsWeekendsAndHolidaysInARow() {
        // Friday 1 May 2026 (holiday), then the weekend: Monday 4 May.
        assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 5, 1))).isEqualTo(LocalDate.of(2026, 5, 4));
        // Friday 25 December 2026, then the weekend: Monday 28 December.
        assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 12, 25))).isEqualTo(LocalDate.of(2026, 12, 28));
        // A calendar whose Monday is a holiday too goes on to Tuesday.
        SeriesCalendar longWeekend = new SeriesCalendar(
                date -> date.equals(LocalDate.of(2026, 12, 25)) || date.equals(LocalDate.of(2026, 12, 28)));
        assertThat(longWeekend.nextWorkingDay(LocalDate.of(2026, 12, 25))).isEqualTo(LocalDate.of(2026, 12, 29));
    }

    @Test
    void theParisLocalTimeHoldsAcrossDaylightSavingChanges() {
        // Last Tuesdays of 2026: 24 February (winter, UTC+1), 31 March (summer, UTC+2) … 27 October (winter again).
        List<Occurrence> year =
                calendar.occurrences(monthly(-1, DayOfWeek.TUESDAY), LocalDate.of(2026, 2, 1), AT, 90, 9, LONG_AGO);

        assertThat(year)
                .allSatisfy(occurrence -> assertThat(
                                occurrence.startsAt().atZone(PARIS).toLocalTime())
                        .isEqualTo(AT));
        assertThat(year.get(0).startsAt()).isEqualTo(Instant.parse("2026-02-24T17:30:00Z"));
        assertThat(year.get(1).startsAt()).isEqualTo(Instant.parse("2026-03-31T16:30:00Z"));
        assertThat(year.get(8).startsAt()).isEqualTo(Instant.parse("2026-10-27T17:30:00Z"));
        assertThat(year)
                .allSatisfy(occurrence -> assertThat(Duration.between(occurrence.startsAt(), occurrence.endsAt()))
                        .isEqualTo(Duration.ofMinutes(90)));
    }

    @Test
    void quarterlyCommitteesMoveOffHolidaysToo() {
        // The second Wednesday of the second month of each quarter: November, February…
        RecurrenceRule secondWednesdayOfSecondMonth =
                RecurrenceRule.of(new Recurrence(Frequency.QUARTERLY, 2, DayOfWeek.WEDNESDAY, 2, AT, 120));

        List<Occurrence> occurrences = occurrences(secondWednesdayOfSecondMonth, LocalDate.of(2026, 10, 1), 2);

        // 11 November 2026 (Armistice) is the second Wednesday of November: Thursday 12 instead.
        assertThat(occurrences)
                .extracting(Occurrence::date)
                .containsExactly(LocalDate.of(2026, 11, 12), LocalDate.of(2027, 2, 10));
    }

    @Test
    void occurrencesThatWouldStartBeforeNowAreSkippedAndTheCountStillHolds() {
        Instant now = paris(LocalDate.of(2026, 11, 10), LocalTime.of(19, 0));

        List<Occurrence> occurrences =
                calendar.occurrences(monthly(2, DayOfWeek.TUESDAY), LocalDate.of(2026, 11, 10), AT, 120, 2, now);

        assertThat(occurrences)
                .extracting(Occurrence::date)
                .containsExactly(LocalDate.of(2026, 12, 8), LocalDate.of(2027, 1, 12));
    }
}
