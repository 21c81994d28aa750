package fr.maillage.alert.routing;

import fr.maillage.alert.alert.ResponderTeam;
import fr.maillage.alert.alert.Urgency;
import fr.maillage.platform.calendar.HolidayCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code maillage.alert.*}: response-time targets, business hours and the teams of each territory.
 * Checked when bound, so a wrong configuration stops the service at start-up with every problem
 * listed: each urgency has exactly one of {@code duration} / {@code working-days}, every territory
 * has a regulation team and at least one sector team, ids are kebab-case, communes are INSEE codes
 * that belong to one team only. Unknown keys are refused too (a misspelt key would otherwise be
 * silently ignored).
 *
 * @param zone where office hours and holidays are computed (default Europe/Paris)
 * @param targets the default target of every urgency
 * @param businessHours default business hours (Mon–Fri 09:00–18:00 when absent), used by
 *     territories that do not set theirs and by unknown territories
 * @param escalation bound by the escalation package; declared here so that unknown keys can be refused
 * @param territories by territory id
 */
@ConfigurationProperties(prefix = "maillage.alert", ignoreUnknownFields = false)
public record AlertRoutingProperties(
        ZoneId zone,
        Map<Urgency, Target> targets,
        Hours businessHours,
        Map<String, Object> escalation,
        Map<String, Territory> territories) {

    private static final String PREFIX = "maillage.alert";
    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern INSEE_CODE = Pattern.compile("(\\d{2}|2[AB])\\d{3}");

    public AlertRoutingProperties {
        zone = zone == null ? ZoneId.of("Europe/Paris") : zone;
        targets = targets == null ? Map.of() : targets;
        escalation = escalation == null ? Map.of() : escalation;
        territories = territories == null ? Map.of() : territories;
        List<String> problems = new ArrayList<>();
        checkTargets(PREFIX + ".targets", targets, true, problems);
        if (businessHours != null) {
            businessHours.check(PREFIX + ".business-hours", problems);
        }
        territories.forEach((id, territory) -> checkTerritory(id, territory, problems));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream()
                    .map(problem -> "\n  - " + problem)
                    .collect(Collectors.joining("", "Invalid " + PREFIX + " configuration:", "")));
        }
    }

    /** A response-time target: exactly one of {@code duration} (on the clock) or {@code working-days}. */
    public record Target(Duration duration, Integer workingDays) {

        ResponseTarget toTarget() {
            return duration != null ? ResponseTarget.onTheClock(duration) : ResponseTarget.workingDays(workingDays);
        }

        void check(String path, List<String> problems) {
            if ((duration == null) == (workingDays == null)) {
                problems.add(path + ": set exactly one of duration or working-days"
                        + (duration == null
                                ? " (found neither)"
                                : " (found both; to change the kind of a default target in one territory,"
                                        + " override it under that territory's targets)"));
            } else if (duration != null && (duration.isNegative() || duration.isZero())) {
                problems.add(path + ".duration must be positive, got " + duration);
            } else if (workingDays != null && workingDays < 1) {
                problems.add(path + ".working-days must be at least 1, got " + workingDays);
            }
        }
    }

    /** Weekly opening hours: the days, and {@code opens} (included) to {@code closes} (excluded), e.g. "09:00". */
    public record Hours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

        WeeklyHours toWeeklyHours() {
            return new WeeklyHours(days, opens, closes);
        }

        void check(String path, List<String> problems) {
            if (days == null || days.isEmpty()) {
                problems.add(path + ".days is missing");
            }
            if (opens == null || closes == null) {
                problems.add(path + ": opens and closes are both required");
            } else if (!opens.isBefore(closes)) {
                problems.add(path + ": opens (" + opens + ") must be before closes (" + closes + ")");
            }
        }
    }

    /** The territory's 24/7 regulation team. */
    public record RegulationTeam(String id, String name, String institution) {}

    /** A sector team; without {@code office-hours} it keeps the territory's business hours. */
    public record Team(
            String id, String name, String institution, String sector, List<String> communes, Hours officeHours) {}

    /**
     * One territory.
     *
     * @param targets overrides of the default targets, per urgency
     * @param businessHours when working days run; defaults to {@code maillage.alert.business-hours}
     * @param teams sector teams; the first one takes alerts whose commune is in no sector
     */
    public record Territory(
            Map<Urgency, Target> targets, Hours businessHours, RegulationTeam regulationTeam, List<Team> teams) {}

    /** The planning these properties describe, with {@code holidays} for working days and office hours. */
    public TerritoryResponsePlanning toPlanning(HolidayCalendar holidays) {
        Map<Urgency, ResponseTarget> defaultTargets = toTargets(targets);
        WeeklyHours defaultHours = businessHours == null ? WeeklyHours.WEEKDAYS_9_TO_6 : businessHours.toWeeklyHours();
        Map<String, TerritoryRouting> routings = new LinkedHashMap<>();
        territories.forEach(
                (id, territory) -> routings.put(id, toRouting(id, territory, defaultTargets, defaultHours, holidays)));
        return new TerritoryResponsePlanning(
                routings, defaultTargets, new ResponseClock(new OfficeHours(defaultHours, zone, holidays)));
    }

    private TerritoryRouting toRouting(
            String id,
            Territory territory,
            Map<Urgency, ResponseTarget> defaultTargets,
            WeeklyHours defaultHours,
            HolidayCalendar holidays) {
        Map<Urgency, ResponseTarget> territoryTargets = new EnumMap<>(defaultTargets);
        if (territory.targets() != null) {
            territoryTargets.putAll(toTargets(territory.targets()));
        }
        WeeklyHours businessHours = territory.businessHours() == null
                ? defaultHours
                : territory.businessHours().toWeeklyHours();
        RegulationTeam regulation = territory.regulationTeam();
        ResponderTeam regulationTeam =
                new ResponderTeam(regulation.id(), regulation.name(), regulation.institution(), null, true);
        List<SectorTeam> teams = territory.teams().stream()
                .map(team -> new SectorTeam(
                        new ResponderTeam(team.id(), team.name(), team.institution(), team.sector(), false),
                        team.communes() == null ? Set.of() : Set.copyOf(team.communes()),
                        new OfficeHours(
                                team.officeHours() == null
                                        ? businessHours
                                        : team.officeHours().toWeeklyHours(),
                                zone,
                                holidays)))
                .toList();
        return new TerritoryRouting(
                id,
                territoryTargets,
                new ResponseClock(new OfficeHours(businessHours, zone, holidays)),
                regulationTeam,
                teams);
    }

    private static Map<Urgency, ResponseTarget> toTargets(Map<Urgency, Target> targets) {
        Map<Urgency, ResponseTarget> converted = new EnumMap<>(Urgency.class);
        targets.forEach((urgency, target) -> converted.put(urgency, target.toTarget()));
        return converted;
    }

    private static void checkTargets(
            String path, Map<Urgency, Target> targets, boolean everyUrgency, List<String> problems) {
        if (everyUrgency) {
            for (Urgency urgency : Urgency.values()) {
                if (!targets.containsKey(urgency)) {
                    problems.add(path + "." + urgency + " is missing: every urgency needs a target");
                }
            }
        }
        targets.forEach((urgency, target) -> {
            if (target == null) {
                problems.add(path + "." + urgency + " is empty");
            } else {
                target.check(path + "." + urgency, problems);
            }
        });
    }

    private static void checkTerritory(String id, Territory territory, List<String> problems) {
        String path = PREFIX + ".territories." + id;
        if (!KEBAB_CASE.matcher(id).matches()) {
            problems.add(path + ": territory ids are kebab-case");
        }
        if (territory == null) {
            problems.add(path + " is empty");
            return;
        }
        if (territory.targets() != null) {
            checkTargets(path + ".targets", territory.targets(), false, problems);
        }
        if (territory.businessHours() != null) {
            territory.businessHours().check(path + ".business-hours", problems);
        }
        Set<String> teamIds = new HashSet<>();
        RegulationTeam regulation = territory.regulationTeam();
        if (regulation == null) {
            problems.add(path + ".regulation-team is missing: every territory needs a 24/7 regulation team");
        } else {
            checkTeamIdentity(
                    path + ".regulation-team",
                    regulation.id(),
                    regulation.name(),
                    regulation.institution(),
                    teamIds,
                    problems);
        }
        List<Team> teams = territory.teams() == null ? List.of() : territory.teams();
        if (teams.isEmpty()) {
            problems.add(path + ".teams is empty: a territory needs at least one sector team");
        }
        Map<String, String> teamOfCommune = new HashMap<>();
        for (int i = 0; i < teams.size(); i++) {
            Team team = teams.get(i);
            String teamPath = path + ".teams[" + i + "]";
            if (team == null) {
                problems.add(teamPath + " is empty");
                continue;
            }
            checkTeamIdentity(teamPath, team.id(), team.name(), team.institution(), teamIds, problems);
            if (team.sector() == null || team.sector().isBlank()) {
                problems.add(teamPath + ".sector is missing");
            }
            if (team.officeHours() != null) {
                team.officeHours().check(teamPath + ".office-hours", problems);
            }
            List<String> communes = team.communes() == null ? List.of() : team.communes();
            if (communes.isEmpty()) {
                problems.add(teamPath + ".communes is empty");
            }
            for (String commune : communes) {
                if (commune == null || !INSEE_CODE.matcher(commune).matches()) {
                    problems.add(teamPath + ".communes: '" + commune + "' is not an INSEE commune code");
                    continue;
                }
                String other = teamOfCommune.putIfAbsent(commune, team.id());
                if (other != null) {
                    problems.add(teamPath + ".communes: " + commune + " already belongs to team " + other);
                }
            }
        }
    }

    private static void checkTeamIdentity(
            String path, String id, String name, String institution, Set<String> teamIds, List<String> problems) {
        if (id == null || !KEBAB_CASE.matcher(id).matches()) {
            problems.add(path + ".id is missing or not kebab-case: " + id);
        } else if (!teamIds.add(id)) {
            problems.add(path + ".id " + id + " is used twice in the territory");
        }
        if (name == null || name.isBlank()) {
            problems.add(path + ".name is missing");
        }
        if (institution == null || !KEBAB_CASE.matcher(institution).matches()) {
            problems.add(path + ".institution is missing or not kebab-case: " + institution);
        }
    }
}
