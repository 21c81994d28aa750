package fr.maillage.alert.routing;

import static fr.maillage.alert.routing.Paris.at;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.alert.alert.ResponderTeam;
import fr.maillage.alert.alert.ResponsePlanning;
import fr.maillage.alert.alert.TeamProposal;
import fr.maillage.alert.alert.Urgency;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;

/**
 * Binds the shipped {@code src/main/resources/application.yml} the way the service does (same
 * {@code @ConfigurationProperties}, same beans, no web server, no Mongo, no Kafka), so a mistake in
 * the yml fails the build rather than the start of the service.
 */
class RoutingConfigurationIntegrationTests {

    private static final Instant TUESDAY_MORNING = at("2026-11-24T10:00");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(RoutingConfigurationIntegrationTests::addShippedApplicationYml)
            .withUserConfiguration(RoutingConfiguration.class);

    private static void addShippedApplicationYml(ConfigurableApplicationContext context) {
        try {
            new YamlPropertySourceLoader()
                    .load("shipped application.yml", new FileSystemResource("src/main/resources/application.yml"))
                    .forEach(context.getEnvironment().getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theShippedConfigurationGivesOneResponsePlanningWithBothDemoTerritories() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ResponsePlanning.class);
            assertThat(context.getBean(TerritoryResponsePlanning.class).territories())
                    .containsExactlyInAnyOrder("bievre", "lyon-nord");
        });
    }

    @Test
    void everyShippedTerritoryIsComplete() {
        runner.run(context -> {
            TerritoryResponsePlanning planning = context.getBean(TerritoryResponsePlanning.class);
            for (String id : planning.territories()) {
                TerritoryRouting territory = planning.routing(id).orElseThrow();
                assertThat(territory.regulationTeam().regulation()).isTrue();
                assertThat(planning.team(id, territory.regulationTeam().id())).contains(territory.regulationTeam());
                for (Urgency urgency : Urgency.values()) {
                    assertThat(planning.dueBy(id, urgency, null, TUESDAY_MORNING))
                            .as("%s %s", id, urgency)
                            .isAfter(TUESDAY_MORNING);
                }
                for (SectorTeam sector : territory.teams()) {
                    ResponderTeam team = sector.team();
                    assertThat(team.sector()).as(team.id()).isNotBlank();
                    assertThat(team.regulation()).isFalse();
                    assertThat(planning.team(id, team.id())).contains(team);
                    for (String commune : sector.communes()) {
                        // Every team of the demo is open on a Tuesday at 10:00.
                        assertThat(planning.propose(id, commune, Urgency.C, null, TUESDAY_MORNING))
                                .as("%s commune %s", id, commune)
                                .contains(new TeamProposal(team, "sector-office-hours"));
                    }
                }
                assertThat(planning.propose(id, "38130", Urgency.A, null, TUESDAY_MORNING))
                        .contains(new TeamProposal(territory.regulationTeam(), "emergency-regulation"));
            }
        });
    }

    @Test
    void theShippedDefaultsAreTheContractTargets() {
        runner.run(context -> {
            ResponsePlanning planning = context.getBean(ResponsePlanning.class);
            Instant monday = at("2026-11-23T10:00");

            assertThat(planning.dueBy("bievre", Urgency.A, null, monday))
                    .isEqualTo(monday.plus(Duration.ofMinutes(15)));
            assertThat(planning.dueBy("bievre", Urgency.B, null, monday)).isEqualTo(monday.plus(Duration.ofHours(4)));
            assertThat(planning.dueBy("bievre", Urgency.C, null, monday)).isEqualTo(monday.plus(Duration.ofHours(24)));
            assertThat(planning.dueBy("bievre", Urgency.D, null, monday)).isEqualTo(at("2026-11-26T10:00"));
            assertThat(planning.dueBy("bievre", Urgency.E, null, monday)).isEqualTo(at("2026-12-21T10:00"));
            assertThat(planning.dueBy("bievre", Urgency.F, null, monday)).isEqualTo(at("2026-11-30T10:00"));
            assertThat(planning.dueBy("bievre", Urgency.G, null, monday)).isEqualTo(at("2026-11-25T10:00"));

            AlertRoutingProperties properties = context.getBean(AlertRoutingProperties.class);
            assertThat(properties.zone()).hasToString("Europe/Paris");
            assertThat(properties.escalation())
                    .containsEntry("second-level-after", "PT2H")
                    .containsEntry("interval", "PT30S");
        });
    }

    @Test
    void theDemoCommunesGoToTheirSectorTeams() {
        runner.run(context -> {
            ResponsePlanning planning = context.getBean(ResponsePlanning.class);

            assertThat(planning.propose("bievre", "38130", Urgency.C, null, TUESDAY_MORNING))
                    .map(proposal -> proposal.team().id())
                    .contains("cmp-la-cote-saint-andre");
            assertThat(planning.propose("bievre", "38347", Urgency.C, null, TUESDAY_MORNING))
                    .map(proposal -> proposal.team().id())
                    .contains("cmp-beaurepaire");
            assertThat(planning.propose("lyon-nord", "69034", Urgency.C, null, TUESDAY_MORNING))
                    .map(proposal -> proposal.team().id())
                    .contains("cmp-croix-rousse");
            assertThat(planning.propose("bievre", "38130", Urgency.C, null, at("2026-11-24T22:00")))
                    .map(proposal -> proposal.team().id() + " " + proposal.rule())
                    .contains("epsm-bievre-regulation regulation-out-of-hours");
        });
    }

    @Test
    void aTargetWithBothDurationAndWorkingDaysStopsTheStart() {
        runner.withPropertyValues("maillage.alert.targets.D.duration=PT72H")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining(
                                "maillage.alert.targets.D: set exactly one of duration or working-days (found both"));
    }

    @Test
    void anEmptyTargetStopsTheStart() {
        runner.withPropertyValues("maillage.alert.territories.bievre.targets.B.duration=")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("maillage.alert.territories.bievre.targets.b.duration"));
    }

    @Test
    void aTerritoryOverrideMayChangeTheKindOfATarget() {
        runner.withPropertyValues("maillage.alert.territories.bievre.targets.D.duration=PT10S")
                .run(context -> assertThat(context.getBean(ResponsePlanning.class)
                                .dueBy("bievre", Urgency.D, null, TUESDAY_MORNING))
                        .isEqualTo(TUESDAY_MORNING.plusSeconds(10)));
    }

    @Test
    void aTerritoryWithoutRegulationTeamStopsTheStartWithEveryProblemListed() {
        runner.withPropertyValues(
                        "maillage.alert.territories.vercors.teams[0].id=cmp-villard",
                        "maillage.alert.territories.vercors.teams[0].name=CMP Villard",
                        "maillage.alert.territories.vercors.teams[0].institution=CHAI",
                        "maillage.alert.territories.vercors.teams[0].sector=vercors",
                        "maillage.alert.territories.vercors.teams[0].communes=38548,3854")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("maillage.alert.territories.vercors.regulation-team is missing")
                        .hasMessageContaining(
                                "maillage.alert.territories.vercors.teams[0].institution is missing or not kebab-case: CHAI")
                        .hasMessageContaining("'3854' is not an INSEE commune code"));
    }

    @Test
    void aCommuneInTwoSectorsStopsTheStart() {
        runner.withPropertyValues(
                        "maillage.alert.territories.vercors.regulation-team.id=chai-regulation",
                        "maillage.alert.territories.vercors.regulation-team.name=Régulation",
                        "maillage.alert.territories.vercors.regulation-team.institution=chai",
                        "maillage.alert.territories.vercors.teams[0].id=cmp-villard",
                        "maillage.alert.territories.vercors.teams[0].name=CMP Villard",
                        "maillage.alert.territories.vercors.teams[0].institution=chai",
                        "maillage.alert.territories.vercors.teams[0].sector=vercors-nord",
                        "maillage.alert.territories.vercors.teams[0].communes=38548",
                        "maillage.alert.territories.vercors.teams[1].id=cmp-lans",
                        "maillage.alert.territories.vercors.teams[1].name=CMP Lans",
                        "maillage.alert.territories.vercors.teams[1].institution=chai",
                        "maillage.alert.territories.vercors.teams[1].sector=vercors-sud",
                        "maillage.alert.territories.vercors.teams[1].communes=38548")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("38548 already belongs to team cmp-villard"));
    }

    @Test
    void officeHoursThatCloseBeforeTheyOpenStopTheStart() {
        runner.withPropertyValues("maillage.alert.business-hours.opens=19:00")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining(
                                "maillage.alert.business-hours: opens (19:00) must be before closes (18:00)"));
    }

    @Test
    void aMisspeltKeyStopsTheStart() {
        runner.withPropertyValues("maillage.alert.territories.bievre.bussiness-hours.opens=08:00")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("maillage.alert.territories.bievre.bussiness-hours.opens"));
    }

    @Test
    void theSystemTestProfileIsAccepted() {
        // What system-tests give the platform (RunningPlatform.TEST_PROFILE): a short B target and a
        // fast escalation watcher; escalation keys belong to the escalation package.
        runner.withPropertyValues(
                        "maillage.alert.targets.B.duration=PT30S",
                        "maillage.alert.escalation.interval=PT2S",
                        "maillage.alert.escalation.second-level-after=PT10M")
                .run(context -> assertThat(context.getBean(ResponsePlanning.class)
                                .dueBy("bievre", Urgency.B, null, TUESDAY_MORNING))
                        .isEqualTo(TUESDAY_MORNING.plusSeconds(30)));
    }
}
