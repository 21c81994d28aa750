package fr.maillage.evaluation.indicator;

import fr.maillage.evaluation.indicator.RebuildStore.RebuildRun;
import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.Problems;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/indicators/rebuild} (admins only): recompute every fact from the start of the topics, which
 * keep their events forever ({@code retention.ms=-1}); and how the latest rebuild went.
 */
@RestController
@RequestMapping("/api/indicators/rebuild")
@PreAuthorize("hasRole('admin')")
class RebuildController {

    private final RebuildService rebuilds;

    RebuildController(RebuildService rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** 202 with the running rebuild; 409 {@code rebuild-running} while one runs. */
    @PostMapping
    ResponseEntity<RebuildView> start(CurrentUser user) {
        RebuildRun run = rebuilds.start(user.id());
        return ResponseEntity.accepted()
                .location(URI.create("/api/indicators/rebuild"))
                .body(RebuildView.of(run));
    }

    /** The latest rebuild; 404 when none ever ran. */
    @GetMapping
    RebuildView latest() {
        return rebuilds.latest().map(RebuildView::of).orElseThrow(() -> Problems.notFound("Rebuild", "(any)"));
    }

    /**
     * @param status RUNNING, DONE or FAILED
     * @param finishedAt null while running
     * @param events the events replayed (so far)
     */
    record RebuildView(String rebuildId, RebuildRun.Status status, Instant startedAt, Instant finishedAt, long events) {

        static RebuildView of(RebuildRun run) {
            return new RebuildView(run.id(), run.status(), run.startedAt(), run.finishedAt(), run.events());
        }
    }
}
