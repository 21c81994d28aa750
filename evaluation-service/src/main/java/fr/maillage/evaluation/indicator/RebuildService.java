package fr.maillage.evaluation.indicator;

import fr.maillage.evaluation.indicator.RebuildStore.RebuildRun;
import fr.maillage.platform.web.Problems;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the facts from the start of the topics ({@link FactStore#rebuildFrom}): every projected topic is
 * replayed up to its end offsets of that moment, through the same fold as the live listener, into a new
 * generation of the facts, which then becomes current in one write; the events that arrived meanwhile are
 * replayed on top. The live listener keeps running (the facts are idempotent and order-insensitive, so
 * writing twice is harmless), and readers (reports, the closed-period review) never see half-built figures.
 * One rebuild at a time across instances; it runs in the background.
 */
@Service
class RebuildService {

    private static final Logger log = LoggerFactory.getLogger(RebuildService.class);

    private final RebuildStore store;
    private final FactStore facts;
    private final TopicReplayClient replay;
    private final Clock clock;
    private final Duration lease;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("indicator-rebuild").daemon(true).factory());

    RebuildService(
            RebuildStore store,
            FactStore facts,
            TopicReplayClient replay,
            Clock clock,
            IndicatorsProperties properties) {
        this.store = store;
        this.facts = facts;
        this.replay = replay;
        this.clock = clock;
        this.lease = properties.rebuild().lease();
    }

    /**
     * Starts a rebuild.
     *
     * @throws fr.maillage.platform.web.ProblemException 409 {@code rebuild-running} while one runs
     */
    RebuildRun start(String startedBy) {
        String rebuildId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Optional<String> abandoned = store.lock(rebuildId, now, lease)
                .orElseThrow(() -> Problems.conflict(
                        "rebuild-running", "A rebuild of the indicators is running; wait for it to finish."));
        abandoned.ifPresent(previous -> store.abandon(previous, now));
        RebuildRun run = new RebuildRun(rebuildId, RebuildRun.Status.RUNNING, now, null, 0, startedBy, null);
        store.insert(run);
        try {
            executor.execute(() -> run(rebuildId));
        } catch (RuntimeException e) {
            store.finish(rebuildId, RebuildRun.Status.FAILED, clock.instant(), 0, "not started: " + e);
            store.unlock(rebuildId);
            throw e;
        }
        log.info("Rebuild {} of the indicators started by {}", rebuildId, startedBy);
        return run;
    }

    Optional<RebuildRun> latest() {
        return store.latest();
    }

    private void run(String rebuildId) {
        long[] records = {0};
        Instant[] renewed = {clock.instant()};
        try {
            FactStore.Rebuilt rebuilt = facts.rebuildFrom(replay, read -> {
                records[0] = read;
                store.progress(rebuildId, read);
                Instant now = clock.instant();
                if (Duration.between(renewed[0], now).compareTo(lease.dividedBy(4)) >= 0) {
                    if (!store.renew(rebuildId, now, lease)) {
                        throw new IllegalStateException("the rebuild lock was taken over");
                    }
                    renewed[0] = now;
                }
            });
            store.finish(rebuildId, RebuildRun.Status.DONE, clock.instant(), rebuilt.records(), null);
            log.info(
                    "Rebuild {} of the indicators done: {} events replayed ({} invalid skipped)",
                    rebuildId,
                    rebuilt.records(),
                    rebuilt.invalid());
        } catch (RuntimeException e) {
            log.warn("Rebuild {} of the indicators failed after {} events: {}", rebuildId, records[0], e.toString());
            store.finish(
                    rebuildId,
                    RebuildRun.Status.FAILED,
                    clock.instant(),
                    records[0],
                    e.getClass().getSimpleName());
        } finally {
            store.unlock(rebuildId);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
