package fr.maillage.workshop.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import fr.maillage.platform.calendar.FrenchHolidayCalendar;
import fr.maillage.platform.calendar.HolidayCalendar;
import fr.maillage.workshop.programme.Cadence;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SessionCalendarTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private static final LocalTime TWO_PM = LocalTime.of(14, 0);

    private static final HolidayCalendar HOLIDAYS = new FrenchHolidayCalendar();

    private final SessionCalendar calendar = new SessionCalendar(HOLIDAYS);

    private static LocalDate parisDate(Slot slot) {
        return slot.startsAt().atZone(PARIS).toLocalDate();
    }

    private static LocalDateTime parisDateTime(Instant instant) {
        return instant.atZone(PARIS).toLocalDateTime();
    }

    private static List<LocalDate> dates(List<Slot> slots) {
        return slots.stream().map(SessionCalendarTests::parisDate).toList();
    }

    @Test
    void theHolidaysTheseTestsRelyOnAreFrenchPublicHolidays() {
        assertThat(List.of(
                        LocalDate.of(2026, 5, 1), // fête du Travail
                        LocalDate.of(2026, 5, 8), // Victoire 1945
                        LocalDate.of(2026, 5, 14), // Ascension (Easter 2026 is 5 April)
                        LocalDate.of(2026, 7, 14),
                        LocalDate.of(2026, 11, 11),
                        LocalDate.of(2026, 12, 25),
                        LocalDate.of(2027, 1, 1)))
                .allMatch(HOLIDAYS::isHoliday);
        assertThat(List.of(LocalDate.of(2026, 5, 7), LocalDate.of(2026, 5, 21), LocalDate.of(2026, 12, 18)))
                .noneMatch(HOLIDAYS::isHoliday);
    }

    @Test
    void aWeeklySeriesStepsOverAscension() {
        List<Slot> slots = calendar.generate(LocalDateTime.of(2026, 5, 7, 14, 0), Cadence.WEEKLY, 4, TWO_HOURS, false);

        assertThat(dates(slots))
                .containsExactly(
                        LocalDate.of(2026, 5, 7),
                        LocalDate.of(2026, 5, 21),
                        LocalDate.of(2026, 5, 28),
                        LocalDate.of(2026, 6, 4));
        assertThat(slots).extracting(Slot::number).containsExactly(1, 2, 3, 4);
        assertThat(slots).extracting(Slot::kind).containsOnly(SessionKind.GROUP);
    }

    @Test
    void aFridaySeriesStepsOverTheFirstAndTheEighthOfMay() {
        List<Slot> slots = calendar.generate(LocalDateTime.of(2026, 4, 24, 14, 0), Cadence.WEEKLY, 3, TWO_HOURS, false);

        assertThat(dates(slots))
                .containsExactly(LocalDate.of(2026, 4, 24), LocalDate.of(2026, 5, 15), LocalDate.of(2026, 5, 22));
    }

    @Test
    void aSeriesOverChristmasAndNewYearStepsOverBoth() {
        List<Slot> slots =
                calendar.generate(LocalDateTime.of(2026, 12, 18, 14, 0), Cadence.WEEKLY, 3, TWO_HOURS, false);

        assertThat(dates(slots))
                .containsExactly(LocalDate.of(2026, 12, 18), LocalDate.of(2027, 1, 8), LocalDate.of(2027, 1, 15));
    }

    @Test
    void aFirstSessionOnAHolidayMovesToTheNextCadenceStep() {
        List<Slot> bastilleDay =
                calendar.generate(LocalDateTime.of(2026, 7, 14, 14, 0), Cadence.WEEKLY, 2, TWO_HOURS, true);
        List<Slot> armistice =
                calendar.generate(LocalDateTime.of(2026, 11, 11, 10, 0), Cadence.FORTNIGHTLY, 1, TWO_HOURS, false);

        assertThat(dates(bastilleDay))
                .containsExactly(LocalDate.of(2026, 7, 21), LocalDate.of(2026, 7, 28), LocalDate.of(2026, 8, 4));
        assertThat(bastilleDay.getFirst().number()).isEqualTo(1);
        assertThat(bastilleDay.getFirst().kind()).isEqualTo(SessionKind.GROUP);
        assertThat(armistice)
                .singleElement()
                .satisfies(slot ->
                        assertThat(parisDateTime(slot.startsAt())).isEqualTo(LocalDateTime.of(2026, 11, 25, 10, 0)));
    }

    @Test
    void alternationPutsAnIndividualSlotBetweenTwoGroupSessions() {
        // Tuesdays from 12 January 2027 for 15 weeks: no public holiday falls on them.
        List<Slot> slots = calendar.generate(LocalDateTime.of(2027, 1, 12, 14, 0), Cadence.WEEKLY, 8, TWO_HOURS, true);

        assertThat(slots).hasSize(15);
        assertThat(slots)
                .extracting(Slot::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 15).boxed().toList());
        assertThat(slots)
                .extracting(Slot::kind)
                .containsExactly(
                        SessionKind.GROUP,
                        SessionKind.INDIVIDUAL,
                        SessionKind.GROUP,
                        SessionKind.INDIVIDUAL,
                        SessionKind.GROUP,
                        SessionKind.INDIVIDUAL,
                        SessionKind.GROUP,
                        SessionKind.INDIVIDUAL,
                        SessionKind.GROUP,
                        SessionKind.INDIVIDUAL,
                        SessionKind.GROUP,
                        SessionKind.INDIVIDUAL,
                        SessionKind.GROUP,
                        SessionKind.INDIVIDUAL,
                        SessionKind.GROUP);
        assertThat(slots).filteredOn(slot -> slot.kind() == SessionKind.GROUP).hasSize(8);
        assertThat(dates(slots)).allMatch(date -> date.getDayOfWeek() == DayOfWeek.TUESDAY);
        assertThat(parisDate(slots.getLast())).isEqualTo(LocalDate.of(2027, 4, 20));
        IntStream.range(1, slots.size())
                .forEach(i -> assertThat(parisDate(slots.get(i)))
                        .isEqualTo(parisDate(slots.get(i - 1)).plusWeeks(1)));
    }

    @Test
    void aHolidayOnAnIndividualSlotMovesItAndTheSessionsAfterIt() {
        List<Slot> slots = calendar.generate(LocalDateTime.of(2026, 5, 7, 14, 0), Cadence.WEEKLY, 2, TWO_HOURS, true);

        assertThat(slots)
                .extracting(Slot::kind)
                .containsExactly(SessionKind.GROUP, SessionKind.INDIVIDUAL, SessionKind.GROUP);
        assertThat(dates(slots))
                .containsExactly(LocalDate.of(2026, 5, 7), LocalDate.of(2026, 5, 21), LocalDate.of(2026, 5, 28));
    }

    @Test
    void aSingleSessionWithAlternationHasNoIndividualSlot() {
        List<Slot> slots = calendar.generate(LocalDateTime.of(2027, 1, 12, 14, 0), Cadence.WEEKLY, 1, TWO_HOURS, true);

        assertThat(slots).singleElement().extracting(Slot::kind).isEqualTo(SessionKind.GROUP);
    }

    @Test
    void aFortnightlySeriesIsTwoWeeksApartAndStepsOverHolidaysByTwoWeeks() {
        List<Slot> slots =
                calendar.generate(LocalDateTime.of(2026, 4, 30, 14, 0), Cadence.FORTNIGHTLY, 3, TWO_HOURS, false);

        // 14 May (Ascension) is skipped: the next step is 28 May.
        assertThat(dates(slots))
                .containsExactly(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 28), LocalDate.of(2026, 6, 11));
    }

    @Test
    void sessionsKeepTheirLocalTimeAcrossTheDaylightSavingChanges() {
        // Paris moves to UTC+2 on 29 March 2026 and back to UTC+1 on 25 October 2026.
        List<Slot> spring =
                calendar.generate(LocalDateTime.of(2026, 3, 19, 14, 0), Cadence.WEEKLY, 3, TWO_HOURS, false);
        List<Slot> autumn =
                calendar.generate(LocalDateTime.of(2026, 10, 22, 14, 0), Cadence.WEEKLY, 2, TWO_HOURS, false);

        assertThat(spring)
                .extracting(Slot::startsAt)
                .containsExactly(
                        Instant.parse("2026-03-19T13:00:00Z"),
                        Instant.parse("2026-03-26T13:00:00Z"),
                        Instant.parse("2026-04-02T12:00:00Z"));
        assertThat(autumn)
                .extracting(Slot::startsAt)
                .containsExactly(Instant.parse("2026-10-22T12:00:00Z"), Instant.parse("2026-10-29T13:00:00Z"));
        assertThat(spring).allSatisfy(slot -> {
            assertThat(parisDateTime(slot.startsAt()).toLocalTime()).isEqualTo(TWO_PM);
            assertThat(Duration.between(slot.startsAt(), slot.endsAt())).isEqualTo(TWO_HOURS);
        });
    }

    @Test
    void aSessionAcrossTheNightOfTheChangeLastsItsLength() {
        // Saturday 28 March 2026, 23:00 for three hours: it ends at 03:00 on the new (summer) clock.
        List<Slot> slots =
                calendar.generate(LocalDateTime.of(2026, 3, 28, 23, 0), Cadence.WEEKLY, 1, Duration.ofHours(3), false);

        Slot slot = slots.getFirst();
        assertThat(Duration.between(slot.startsAt(), slot.endsAt())).isEqualTo(Duration.ofHours(3));
        assertThat(parisDateTime(slot.endsAt())).isEqualTo(LocalDateTime.of(2026, 3, 29, 3, 0));
    }

    @Test
    void aSeriesSkipsEveryHolidayOfAHolidayCalendar() {
        // Every other Monday a holiday: the count of sessions still holds.
        HolidayCalendar everyOtherWeek = date -> date.getDayOfYear() % 14 < 7;
        List<Slot> slots = new SessionCalendar(everyOtherWeek)
                .generate(LocalDateTime.of(2027, 1, 4, 9, 30), Cadence.WEEKLY, 4, TWO_HOURS, false);

        assertThat(slots).hasSize(4);
        assertThat(dates(slots)).noneMatch(everyOtherWeek::isHoliday);
        assertThat(slots).extracting(Slot::number).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aHolidayCalendarWithoutWorkingDaysStopsThePlanningInsteadOfLoopingForever() {
        SessionCalendar everyDayOff = new SessionCalendar(date -> true);

        assertThatIllegalStateException()
                .isThrownBy(() -> everyDayOff.generate(
                        LocalDateTime.of(2027, 1, 12, 14, 0), Cadence.WEEKLY, 2, TWO_HOURS, false));
    }

    @Test
    void aCalendarNeedsAtLeastOneSessionOfSomeLength() {
        LocalDateTime first = LocalDateTime.of(2027, 1, 12, 14, 0);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> calendar.generate(first, Cadence.WEEKLY, 0, TWO_HOURS, true));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> calendar.generate(first, Cadence.WEEKLY, 2, Duration.ZERO, true));
    }
}
