package fr.maillage.evaluation.indicator;

import fr.maillage.evaluation.period.Period;
import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.Problems;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/indicators}: a territory's figures for a month or quarter, with targets and statuses, small
 * numbers suppressed ({@link Disclosure}); and the catalogue. Figures are for the territory's steering
 * members and coordinators, and admins; other roles get 403, a territory outside the caller's 404.
 */
@RestController
@RequestMapping("/api/indicators")
class IndicatorController {

    private final IndicatorBoard board;
    private final Disclosure disclosure;
    private final Clock clock;

    IndicatorController(IndicatorBoard board, Disclosure disclosure, Clock clock) {
        this.board = board;
        this.disclosure = disclosure;
        this.clock = clock;
    }

    /**
     * @param territory required
     * @param period {@code 2026-Q4} or {@code 2026-11}; the current quarter (Paris) by default
     */
    @GetMapping
    IndicatorsResponse indicators(
            @RequestParam(required = false) String territory,
            @RequestParam(required = false) String period,
            CurrentUser user) {
        FigureRequests.checkReader(user, territory);
        Period asked = FigureRequests.period(period, clock.instant());
        TerritoryIndicators indicators = board.indicators(territory, asked);
        return new IndicatorsResponse(
                indicators.territory(),
                indicators.period().code(),
                indicators.period().start(),
                indicators.period().end(),
                indicators.computedAt(),
                indicators.closed(),
                disclosure.threshold(),
                indicators.values().stream().map(disclosure::disclose).toList());
    }

    /** The catalogue: id, domain, name, formula in words, unit, source events; any authenticated caller. */
    @GetMapping("/definitions")
    List<IndicatorDefinition> definitions() {
        return board.definitions();
    }

    /**
     * @param from the period's first instant (midnight in Paris)
     * @param to the instant after its last (exclusive)
     * @param closed whether the period was over at {@code computedAt} (statuses final)
     * @param smallNumberThreshold counts below it show as {@code < threshold}
     */
    record IndicatorsResponse(
            String territory,
            String period,
            Instant from,
            Instant to,
            Instant computedAt,
            boolean closed,
            int smallNumberThreshold,
            List<DisclosedIndicator> indicators) {}

    /** The checks every figure request makes, in order: role (403), territory (400), scope (404), period. */
    static final class FigureRequests {

        private FigureRequests() {}

        static void checkReader(CurrentUser user, String territory) {
            check(FigureAccess.toRead(user, territory), user, territory, "read indicators");
        }

        static void checkTargetSetter(CurrentUser user, String territory) {
            check(FigureAccess.toSetTargets(user, territory), user, territory, "set targets");
        }

        private static void check(FigureAccess access, CurrentUser user, String territory, String what) {
            if (access == FigureAccess.FORBIDDEN) {
                throw Problems.forbidden("Your roles do not allow you to " + what + ".");
            }
            if (territory == null || territory.isBlank()) {
                throw Problems.badRequest("missing-territory", "Say which territory: ?territory=<id>.");
            }
            if (!territory.matches(IndicatorEvents.TERRITORY)) {
                throw Problems.badRequest("invalid-territory", "A territory id is lower-case letters, digits and -.")
                        .with("territory", territory);
            }
            if (access == FigureAccess.OUT_OF_SCOPE) {
                throw Problems.notFound("Territory", territory);
            }
        }

        /** The period asked for, or the current quarter; 400 when malformed, 422 when it has not started. */
        static Period period(String code, Instant now) {
            if (code == null || code.isBlank()) {
                return Period.quarterOf(now);
            }
            Period period;
            try {
                period = Period.parse(code.trim());
            } catch (IllegalArgumentException e) {
                throw Problems.badRequest(
                                "invalid-period",
                                "A period is a month (YYYY-MM, e.g. 2026-11) or a quarter (YYYY-Qn, e.g. 2026-Q4),"
                                        + " not " + code + ".")
                        .with("expected", List.of("YYYY-MM", "YYYY-Qn"));
            }
            if (!period.hasStartedAt(now)) {
                throw Problems.unprocessable(
                                "period-not-started",
                                "Period " + period.code() + " has not started: it begins " + period.start() + ".")
                        .with("period", period.code());
            }
            return period;
        }
    }
}
