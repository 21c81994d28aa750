package fr.maillage.meeting.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.meeting.meeting.MeetingRuleViolation;
import fr.maillage.meeting.series.Recurrence.Frequency;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class RecurrenceRuleTests {

    private static final LocalTime AT = LocalTime.of(18, 30);

    private static RecurrenceRule rule(Frequency frequency, int ordinal, DayOfWeek day, int monthOfQuarter) {
        return RecurrenceRule.of(new Recurrence(frequency, ordinal, day, monthOfQuarter, AT, 120));
    }

    @Test
    void theSecondTuesdayOfEveryMonth() {
        RecurrenceRule secondTuesday = rule(Frequency.MONTHLY, 2, DayOfWeek.TUESDAY, 0);

        assertThat(secondTuesday.dates(LocalDate.of(2026, 11, 1)).limit(4))
                .containsExactly(
                        LocalDate.of(2026, 11, 10),
                        LocalDate.of(2026, 12, 8),
                        LocalDate.of(2027, 1, 12),
                        LocalDate.of(2027, 2, 9));
    }

    @Test
    void aMonthWhoseDateIsAlreadyPastStartsTheSeriesNextMonth() {
        RecurrenceRule secondTuesday = rule(Frequency.MONTHLY, 2, DayOfWeek.TUESDAY, 0);

        assertThat(secondTuesday.dates(LocalDate.of(2026, 11, 11)).findFirst()).contains(LocalDate.of(2026, 12, 8));
        assertThat(secondTuesday.dates(LocalDate.of(2026, 11, 10)).findFirst())
                .as("from the very day")
                .contains(LocalDate.of(2026, 11, 10));
    }

    @Test
    void theLastFridayOfEveryMonthIsMinusOne() {
        RecurrenceRule lastFriday = rule(Frequency.MONTHLY, -1, DayOfWeek.FRIDAY, 0);

        assertThat(lastFriday.dates(LocalDate.of(2026, 10, 1)).limit(3))
                .containsExactly(LocalDate.of(2026, 10, 30), LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 25));
    }

    @Test
    void aFourthWeekdayIsNotTheLastWhenTheMonthHasFive() {
        // December 2026 has five Tuesdays: 1, 8, 15, 22, 29.
        assertThat(rule(Frequency.MONTHLY, 4, DayOfWeek.TUESDAY, 0)
                        .dates(LocalDate.of(2026, 12, 1))
                        .findFirst())
                .contains(LocalDate.of(2026, 12, 22));
        assertThat(rule(Frequency.MONTHLY, -1, DayOfWeek.TUESDAY, 0)
                        .dates(LocalDate.of(2026, 12, 1))
                        .findFirst())
                .contains(LocalDate.of(2026, 12, 29));
    }

    @Test
    void quarterlyMeetsInTheGivenMonthOfEachQuarter() {
        RecurrenceRule firstThursdayOfLastMonth = rule(Frequency.QUARTERLY, 1, DayOfWeek.THURSDAY, 3);

        assertThat(firstThursdayOfLastMonth.dates(LocalDate.of(2026, 11, 24)).limit(4))
                .containsExactly(
                        LocalDate.of(2026, 12, 3),
                        LocalDate.of(2027, 3, 4),
                        LocalDate.of(2027, 6, 3),
                        LocalDate.of(2027, 9, 2));
    }

    @Test
    void quarterlyWithoutAMonthMeetsInTheQuartersFirstMonth() {
        RecurrenceRule secondMonday = rule(Frequency.QUARTERLY, 2, DayOfWeek.MONDAY, 0);

        assertThat(secondMonday.monthOfQuarter()).isEqualTo(1);
        // The October date (the 12th) is before from: the series starts with the next quarter.
        assertThat(secondMonday.dates(LocalDate.of(2026, 11, 24)).limit(2))
                .containsExactly(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 4, 12));
    }

    @Test
    void ordinalsOutsideOneToFourOrMinusOneAreRefused() {
        for (int ordinal : new int[] {0, 5, -2}) {
            assertThatThrownBy(() -> rule(Frequency.MONTHLY, ordinal, DayOfWeek.TUESDAY, 0))
                    .isInstanceOfSatisfying(
                            MeetingRuleViolation.class,
                            violation -> assertThat(violation.rule()).isEqualTo(RecurrenceRule.INVALID_RECURRENCE));
        }
    }

    @Test
    void aMonthOfTheQuarterIsOneToThreeAndOnlyForQuarterlySeries() {
        assertThatThrownBy(() -> rule(Frequency.QUARTERLY, 1, DayOfWeek.TUESDAY, 4))
                .isInstanceOf(MeetingRuleViolation.class);
        assertThatThrownBy(() -> rule(Frequency.MONTHLY, 1, DayOfWeek.TUESDAY, 2))
                .isInstanceOf(MeetingRuleViolation.class);
    }

    @Test
    void aRecurrenceWithoutDayOrTimeIsRefused() {
        assertThatThrownBy(() -> RecurrenceRule.of(new Recurrence(Frequency.MONTHLY, 1, null, 0, AT, 60)))
                .isInstanceOf(MeetingRuleViolation.class);
        assertThatThrownBy(() -> RecurrenceRule.of(new Recurrence(Frequency.MONTHLY, 1, DayOfWeek.MONDAY, 0, null, 60)))
                .isInstanceOf(MeetingRuleViolation.class);
    }
}
