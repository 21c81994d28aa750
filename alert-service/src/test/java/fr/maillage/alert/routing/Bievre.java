package fr.maillage.alert.routing;

import fr.maillage.alert.alert.ResponderTeam;
import fr.maillage.alert.alert.Urgency;
import fr.maillage.platform.calendar.FrenchHolidayCalendar;
import fr.maillage.platform.calendar.HolidayCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test fixture: a small territory built in plain Java, with the real French holiday calendar. */
final class Bievre {

    static final HolidayCalendar HOLIDAYS = new FrenchHolidayCalendar();

    static final ResponderTeam REGULATION =
            new ResponderTeam("epsm-bievre-regulation", "Régulation EPSM Bièvre", "epsm-bievre", null, true);
    static final ResponderTeam CMP_LA_COTE =
            new ResponderTeam("cmp-la-cote", "CMP La Côte-Saint-André", "epsm-bievre", "bievre-plaine", false);
    static final ResponderTeam CMP_BEAUREPAIRE =
            new ResponderTeam("cmp-beaurepaire", "CMP Beaurepaire", "epsm-bievre", "bievre-valloire", false);

    static Map<Urgency, ResponseTarget> defaultTargets() {
        Map<Urgency, ResponseTarget> targets = new EnumMap<>(Urgency.class);
        targets.put(Urgency.A, ResponseTarget.onTheClock(Duration.ofMinutes(15)));
        targets.put(Urgency.B, ResponseTarget.onTheClock(Duration.ofHours(4)));
        targets.put(Urgency.C, ResponseTarget.onTheClock(Duration.ofHours(24)));
        targets.put(Urgency.D, ResponseTarget.workingDays(3));
        targets.put(Urgency.E, ResponseTarget.workingDays(20));
        targets.put(Urgency.F, ResponseTarget.workingDays(5));
        targets.put(Urgency.G, ResponseTarget.workingDays(2));
        return targets;
    }

    static OfficeHours weekdays(int opensHour, int opensMinute, int closesHour, int closesMinute) {
        return new OfficeHours(
                new WeeklyHours(
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                        LocalTime.of(opensHour, opensMinute),
                        LocalTime.of(closesHour, closesMinute)),
                Paris.ZONE,
                HOLIDAYS);
    }

    /** La Côte (38130, 38384) open 09:00–17:30 is the first team; Beaurepaire (38034, 38347) 09:00–17:00. */
    static TerritoryRouting territory(Map<Urgency, ResponseTarget> targets) {
        return new TerritoryRouting(
                "bievre",
                targets,
                new ResponseClock(new OfficeHours(WeeklyHours.WEEKDAYS_9_TO_6, Paris.ZONE, HOLIDAYS)),
                REGULATION,
                List.of(
                        new SectorTeam(CMP_LA_COTE, Set.of("38130", "38384"), weekdays(9, 0, 17, 30)),
                        new SectorTeam(CMP_BEAUREPAIRE, Set.of("38034", "38347"), weekdays(9, 0, 17, 0))));
    }

    static TerritoryRouting territory() {
        return territory(defaultTargets());
    }

    private Bievre() {}
}
