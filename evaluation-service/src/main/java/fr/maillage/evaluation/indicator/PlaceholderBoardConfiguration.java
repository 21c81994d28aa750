package fr.maillage.evaluation.indicator;

import fr.maillage.evaluation.period.Period;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// PLACEHOLDER (issue 7 merge): the reports helper's stand-in for the IndicatorBoard, which the indicators
// helper implements in its own worktree. Delete this file when merging the real board.
/**
 * PLACEHOLDER (issue 7 merge): an empty {@link IndicatorBoard} with the catalogue ids of the contract and no
 * values, so that the service starts without the real projection. Delete at merge.
 */
@Configuration(proxyBeanMethods = false)
class PlaceholderBoardConfiguration {

    @Bean
    IndicatorBoard indicatorBoard(Clock clock) {
        return new EmptyBoard(clock);
    }

    /** PLACEHOLDER (issue 7 merge): no figure at all. */
    static final class EmptyBoard implements IndicatorBoard {

        private static final List<IndicatorDefinition> CATALOGUE = List.of(
                definition("referrals.by-status", "REFERRALS", "Referrals by status", Unit.COUNT),
                definition("referrals.by-source", "REFERRALS", "Referrals by source", Unit.COUNT),
                definition("referrals.acceptance-rate", "REFERRALS", "Referral acceptance rate", Unit.PERCENT),
                definition("referrals.median-time-to-answer", "REFERRALS", "Median time to answer", Unit.HOURS),
                definition(
                        "referrals.answered-within-target",
                        "REFERRALS",
                        "Referrals answered within target",
                        Unit.PERCENT),
                definition("alerts.by-urgency", "ALERTS", "Alerts by urgency", Unit.COUNT),
                definition("alerts.responded-within-target", "ALERTS", "Alerts responded within target", Unit.PERCENT),
                definition(
                        "alerts.responded-within-target.A", "ALERTS", "Alerts A responded within target", Unit.PERCENT),
                definition(
                        "alerts.responded-within-target.B", "ALERTS", "Alerts B responded within target", Unit.PERCENT),
                definition(
                        "alerts.responded-within-target.C", "ALERTS", "Alerts C responded within target", Unit.PERCENT),
                definition(
                        "alerts.responded-within-target.D", "ALERTS", "Alerts D responded within target", Unit.PERCENT),
                definition(
                        "alerts.responded-within-target.E", "ALERTS", "Alerts E responded within target", Unit.PERCENT),
                definition(
                        "alerts.median-time-to-qualification", "ALERTS", "Median time to qualification", Unit.MINUTES),
                definition("alerts.escalated", "ALERTS", "Alerts escalated", Unit.COUNT),
                definition("alerts.feedback-to-emitter", "ALERTS", "Alerts with feedback to the emitter", Unit.PERCENT),
                definition("workshops.fill-rate", "WORKSHOPS", "Workshop fill rate", Unit.PERCENT),
                definition("workshops.attendance-rate", "WORKSHOPS", "Workshop attendance rate", Unit.PERCENT),
                definition("workshops.completion-rate", "WORKSHOPS", "Workshop completion rate", Unit.PERCENT),
                definition("workshops.disengagement-rate", "WORKSHOPS", "Workshop disengagement rate", Unit.PERCENT),
                definition("workshops.waitlist-length", "WORKSHOPS", "People on waiting lists", Unit.COUNT),
                definition("meetings.held-vs-planned", "MEETINGS", "Meetings held as planned", Unit.PERCENT),
                definition("meetings.mean-professions-present", "MEETINGS", "Mean professions present", Unit.MEAN),
                definition("meetings.actions-done-on-time", "MEETINGS", "Actions done on time", Unit.PERCENT),
                definition("questionnaires.who5-change", "QUESTIONNAIRES", "WHO-5 change", Unit.POINTS),
                definition(
                        "questionnaires.participant-satisfaction",
                        "QUESTIONNAIRES",
                        "Participant satisfaction",
                        Unit.PERCENT),
                definition(
                        "questionnaires.professional-satisfaction",
                        "QUESTIONNAIRES",
                        "Professional satisfaction",
                        Unit.PERCENT));

        private final Clock clock;

        EmptyBoard(Clock clock) {
            this.clock = clock;
        }

        @Override
        public List<IndicatorDefinition> definitions() {
            return CATALOGUE;
        }

        @Override
        public TerritoryIndicators indicators(String territory, Period period) {
            Instant now = clock.instant();
            return new TerritoryIndicators(
                    territory,
                    period,
                    now,
                    period.isClosedAt(now),
                    CATALOGUE.stream()
                            .map(definition ->
                                    new IndicatorValue(definition, null, 0, Map.of(), null, TargetStatus.NO_TARGET))
                            .toList());
        }

        @Override
        public Set<String> territories() {
            return Set.of();
        }

        private static IndicatorDefinition definition(String id, String domain, String name, Unit unit) {
            return new IndicatorDefinition(id, domain, name, "PLACEHOLDER (issue 7 merge)", unit, List.of());
        }
    }
}
