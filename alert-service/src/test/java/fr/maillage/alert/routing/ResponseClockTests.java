package fr.maillage.alert.routing;

import static fr.maillage.alert.routing.Paris.at;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.alert.alert.ResponseLevel;
import fr.maillage.alert.alert.Urgency;
import fr.maillage.platform.calendar.FrenchHolidayCalendar;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResponseClockTests {

    private static final ResponseTarget THREE_WORKING_DAYS = ResponseTarget.workingDays(3);

    // Business hours Monday to Friday 09:00–18:00, Europe/Paris, French holidays.
    private final ResponseClock clock =
            new ResponseClock(new OfficeHours(WeeklyHours.WEEKDAYS_9_TO_6, Paris.ZONE, new FrenchHolidayCalendar()));

    // --- the contract's examples

    @Test
    void mondayTenOClockPlusThreeWorkingDaysIsThursdayTenOClock() {
        assertThat(clock.dueBy(THREE_WORKING_DAYS, at("2026-11-23T10:00"))).isEqualTo(at("2026-11-26T10:00"));
    }

    @Test
    void fridayAfternoonPlusThreeWorkingDaysSkipsTheWeekend() {
        assertThat(clock.dueBy(THREE_WORKING_DAYS, at("2026-11-27T16:00"))).isEqualTo(at("2026-12-02T16:00"));
    }

    @Test
    void fridayAfternoonBeforeWhitMondayPlusThreeWorkingDaysIsThursday() {
        // Whit Monday 2026-05-25 is a holiday (Jollyday, from 2008 on).
        assertThat(clock.dueBy(THREE_WORKING_DAYS, at("2026-05-22T16:00"))).isEqualTo(at("2026-05-28T16:00"));
    }

    @Test
    void saturdayMorningCountsFromMondayOpening() {
        assertThat(clock.dueBy(THREE_WORKING_DAYS, at("2026-11-28T11:00"))).isEqualTo(at("2026-12-03T09:00"));
    }

    // --- outside business hours

    @Test
    void anEveningAlertCountsFromTheNextMorning() {
        assertThat(clock.dueBy(THREE_WORKING_DAYS, at("2026-11-23T19:00"))).isEqualTo(at("2026-11-27T09:00"));
        assertThat(clock.dueBy(THREE_WORKING_DAYS, at("2026-11-23T18:00")))
                .as("closing time is outside business hours")
                .isEqualTo(at("2026-11-27T09:00"));
    }

    @Test
    void anEarlyMorningAlertCountsFromThatMorningsOpening() {
        assertThat(clock.dueBy(THREE_WORKING_DAYS, at("2026-11-23T07:30"))).isEqualTo(at("2026-11-26T09:00"));
    }

    // --- holidays

    @Test
    void labourDaySkipped() {
        // Thursday 30 April; Friday 1 May is a holiday.
        assertThat(clock.dueBy(THREE_WORKING_DAYS, at("2026-04-30T10:00"))).isEqualTo(at("2026-05-06T10:00"));
    }

    @Test
    void ascensionThursdaySkipped() {
        assertThat(clock.dueBy(ResponseTarget.workingDays(2), at("2026-05-13T10:00")))
                .isEqualTo(at("2026-05-18T10:00"));
    }

    @Test
    void easterMondaySkippedButGoodFridayIsWorked() {
        assertThat(clock.dueBy(THREE_WORKING_DAYS, at("2026-04-03T16:00"))).isEqualTo(at("2026-04-09T16:00"));
    }

    @Test
    void christmasAndNewYearBothSkipped() {
        // Thursday 24 December + 5: Mon 28, Tue 29, Wed 30, Thu 31, (Fri 1 January off) Mon 4 January.
        assertThat(clock.dueBy(ResponseTarget.workingDays(5), at("2026-12-24T15:00")))
                .isEqualTo(at("2027-01-04T15:00"));
    }

    @Test
    void anAlertRaisedOnAHolidayCountsFromTheNextOpening() {
        assertThat(clock.dueBy(THREE_WORKING_DAYS, at("2026-12-25T10:00"))).isEqualTo(at("2026-12-31T09:00"));
    }

    @Test
    void twentyWorkingDaysSkipFourWeekendsAndArmisticeDay() {
        // Monday 2 November + 20 working days, Wednesday 11 November off: Tuesday 1 December.
        assertThat(clock.dueBy(ResponseTarget.workingDays(20), at("2026-11-02T10:00")))
                .isEqualTo(at("2026-12-01T10:00"));
    }

    // --- daylight-saving changes

    @Test
    void workingDaysKeepTheWallClockTimeAcrossTheSpringChange() {
        // Friday 27 March 10:00 CET (09:00Z) -> Wednesday 1 April 10:00 CEST (08:00Z).
        Instant due = clock.dueBy(THREE_WORKING_DAYS, at("2026-03-27T10:00"));

        assertThat(due).isEqualTo(Instant.parse("2026-04-01T08:00:00Z"));
    }

    @Test
    void workingDaysKeepTheWallClockTimeAcrossTheAutumnChange() {
        // Friday 23 October 10:00 CEST (08:00Z) -> Wednesday 28 October 10:00 CET (09:00Z).
        assertThat(clock.dueBy(THREE_WORKING_DAYS, at("2026-10-23T10:00")))
                .isEqualTo(Instant.parse("2026-10-28T09:00:00Z"));
    }

    @Test
    void durationsRunInElapsedTimeAcrossDaylightSavingChanges() {
        ResponseTarget day = ResponseTarget.onTheClock(Duration.ofHours(24));

        // Spring: Saturday 12:00 CET + 24 h = Sunday 13:00 CEST.
        assertThat(clock.dueBy(day, at("2026-03-28T12:00"))).isEqualTo(at("2026-03-29T13:00"));
        // Autumn: Saturday 12:00 CEST + 24 h = Sunday 11:00 CET.
        assertThat(clock.dueBy(day, at("2026-10-24T12:00"))).isEqualTo(at("2026-10-25T11:00"));
    }

    @Test
    void durationsRunAtNightWeekendsAndHolidays() {
        assertThat(clock.dueBy(ResponseTarget.onTheClock(Duration.ofMinutes(15)), at("2026-11-29T03:00")))
                .isEqualTo(at("2026-11-29T03:15"));
        assertThat(clock.dueBy(ResponseTarget.onTheClock(Duration.ofHours(4)), at("2026-12-24T23:00")))
                .isEqualTo(at("2026-12-25T03:00"));
    }

    // --- ON_SITE_INTERVENTION (fiche 5.1)

    @Test
    void onSiteForHighRiskIsDueWithin24HoursCappedByTheUrgencyTarget() {
        Instant raised = at("2026-11-23T10:00");
        ResponseTarget b = ResponseTarget.onTheClock(Duration.ofHours(4));
        ResponseTarget c = ResponseTarget.onTheClock(Duration.ofHours(24));

        assertThat(clock.dueBy(b, Urgency.B, ResponseLevel.ON_SITE_INTERVENTION, raised))
                .as("B's 4 h target is sooner than 24 h")
                .isEqualTo(at("2026-11-23T14:00"));
        assertThat(clock.dueBy(c, Urgency.C, ResponseLevel.ON_SITE_INTERVENTION, raised))
                .isEqualTo(at("2026-11-24T10:00"));
    }

    @Test
    void onSiteForModerateRiskIsDueWithin72HoursOnTheClockEvenOverAWeekend() {
        // Friday 16:00: 3 working days would be Wednesday 16:00, on site is due Monday 16:00.
        assertThat(clock.dueBy(
                        THREE_WORKING_DAYS, Urgency.D, ResponseLevel.ON_SITE_INTERVENTION, at("2026-11-27T16:00")))
                .isEqualTo(at("2026-11-30T16:00"));
        assertThat(clock.dueBy(
                        ResponseTarget.workingDays(20),
                        Urgency.E,
                        ResponseLevel.ON_SITE_INTERVENTION,
                        at("2026-11-27T16:00")))
                .isEqualTo(at("2026-11-30T16:00"));
    }

    @Test
    void onSiteIsNeverLaterThanAShorterUrgencyTarget() {
        // A territory whose D target is 1 working day: Monday 10:00 -> Tuesday 10:00, sooner than 72 h.
        assertThat(clock.dueBy(
                        ResponseTarget.workingDays(1),
                        Urgency.D,
                        ResponseLevel.ON_SITE_INTERVENTION,
                        at("2026-11-23T10:00")))
                .isEqualTo(at("2026-11-24T10:00"));
    }

    @Test
    void onSiteHasNoDelayOfItsOwnForUrgenciesItDoesNotApplyTo() {
        ResponseTarget a = ResponseTarget.onTheClock(Duration.ofMinutes(15));
        Instant raised = at("2026-11-23T10:00");

        assertThat(clock.dueBy(a, Urgency.A, ResponseLevel.ON_SITE_INTERVENTION, raised))
                .isEqualTo(at("2026-11-23T10:15"));
        assertThat(clock.dueBy(ResponseTarget.workingDays(5), Urgency.F, ResponseLevel.ON_SITE_INTERVENTION, raised))
                .isEqualTo(at("2026-11-30T10:00"));
    }

    @Test
    void otherLevelsAndUnqualifiedAlertsFollowTheUrgencyTarget() {
        Instant raised = at("2026-11-27T16:00");

        assertThat(clock.dueBy(THREE_WORKING_DAYS, Urgency.D, ResponseLevel.CMP_APPOINTMENT, raised))
                .isEqualTo(at("2026-12-02T16:00"));
        assertThat(clock.dueBy(THREE_WORKING_DAYS, Urgency.D, null, raised)).isEqualTo(at("2026-12-02T16:00"));
    }
}
