package fr.maillage.evaluation.indicator;

import fr.maillage.evaluation.indicator.IndicatorController.FigureRequests;
import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.Problems;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/indicators/targets}: a territory's targets (its own over the configured defaults). Read by the
 * figure readers of the territory; set and reset by its steering members and admins.
 */
@RestController
@RequestMapping("/api/indicators/targets")
class TargetController {

    private final IndicatorBoardService board;
    private final TargetStore store;
    private final Clock clock;

    TargetController(IndicatorBoardService board, TargetStore store, Clock clock) {
        this.board = board;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping
    TargetsResponse targets(@RequestParam(required = false) String territory, CurrentUser user) {
        FigureRequests.checkReader(user, territory);
        Set<String> own = store.of(territory).stream()
                .map(TargetStore.TerritoryTarget::indicatorId)
                .collect(Collectors.toSet());
        Map<String, Target> targets = board.targetsOf(territory);
        List<TargetView> views = new ArrayList<>();
        for (IndicatorDefinition definition : IndicatorCatalogue.all()) {
            Target target = targets.get(definition.id());
            if (target != null) {
                views.add(TargetView.of(definition, target, own.contains(definition.id())));
            }
        }
        return new TargetsResponse(territory, views);
    }

    /** Sets the territory's own target for an indicator: {@code {comparison: AT_LEAST|AT_MOST, threshold}}. */
    @PutMapping("/{territory}/{indicatorId}")
    TargetView put(
            @PathVariable String territory,
            @PathVariable String indicatorId,
            @RequestBody(required = false) TargetRequest body,
            CurrentUser user) {
        IndicatorDefinition definition = settable(territory, indicatorId, user);
        if (body == null || body.comparison() == null || body.threshold() == null) {
            throw Problems.badRequest(
                            "invalid-target",
                            "A target is {\"comparison\": \"AT_LEAST\" or \"AT_MOST\", \"threshold\": <number>}.")
                    .with("indicatorId", indicatorId);
        }
        Targets.problem(definition, body.comparison(), body.threshold()).ifPresent(problem -> {
            throw Problems.unprocessable("invalid-target", "Invalid target for " + indicatorId + ": " + problem + ".")
                    .with("indicatorId", indicatorId);
        });
        Target target = new Target(indicatorId, body.comparison(), body.threshold());
        store.put(territory, target, user.id(), clock.instant());
        return TargetView.of(definition, target, true);
    }

    /** Back to the default target (none if there is no default); 204 either way. */
    @DeleteMapping("/{territory}/{indicatorId}")
    ResponseEntity<Void> reset(@PathVariable String territory, @PathVariable String indicatorId, CurrentUser user) {
        settable(territory, indicatorId, user);
        store.remove(territory, indicatorId);
        return ResponseEntity.noContent().build();
    }

    private static IndicatorDefinition settable(String territory, String indicatorId, CurrentUser user) {
        FigureRequests.checkTargetSetter(user, territory);
        return IndicatorCatalogue.find(indicatorId).orElseThrow(() -> Problems.notFound("Indicator", indicatorId));
    }

    /** @param comparison AT_LEAST or AT_MOST; @param threshold in the indicator's unit */
    record TargetRequest(Comparison comparison, Double threshold) {}

    record TargetsResponse(String territory, List<TargetView> targets) {}

    /**
     * @param display e.g. {@code ≥ 90 %}
     * @param source TERRITORY (its own) or DEFAULT (configuration)
     */
    record TargetView(
            String indicatorId, Unit unit, Comparison comparison, double threshold, String display, String source) {

        static TargetView of(IndicatorDefinition definition, Target target, boolean own) {
            String suffix = definition.unit() == Unit.PERCENT ? " %" : "";
            return new TargetView(
                    definition.id(),
                    definition.unit(),
                    target.comparison(),
                    target.threshold(),
                    target.describe() + suffix,
                    own ? "TERRITORY" : "DEFAULT");
        }
    }
}
