package fr.maillage.subscription.feed;

import fr.maillage.subscription.events.EventLogStore;
import fr.maillage.subscription.events.EventPartition;
import fr.maillage.subscription.events.StoredEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Long polls without a thread each: a request with nothing to read yet parks a {@link DeferredResult}
 * here. One scheduler thread looks again at every waiting request when an event is logged by this
 * instance, and every {@code maillage.subscription.feed.poll-interval} for those logged by other instances
 * (one read of the partitions, then only partitions that moved are read). A request answers with its
 * first events, or with none and the same cursor when its wait ends.
 */
@Component
class FeedWaitScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FeedWaitScheduler.class);

    /** Beyond the wait, a margin before the container's own async timeout would step in. */
    private static final Duration MARGIN = Duration.ofSeconds(5);

    private final FeedService feed;
    private final EventLogStore store;
    private final ScheduledExecutorService scheduler;
    private final Set<Waiter<?>> waiters = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    FeedWaitScheduler(FeedService feed, EventLogStore store, FeedProperties properties) {
        this.feed = feed;
        this.store = store;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("feed-long-poll").daemon(true).factory());
        long interval = properties.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::checkAll, interval, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * The answer at once when the page has events (or {@code wait} is zero), else when events come or
     * {@code wait} ends (then an empty page with the same cursor).
     *
     * @param answer what a page is answered as
     */
    <T> DeferredResult<T> await(FeedQuery query, Duration wait, Function<FeedPage, T> answer) {
        FeedPage first = feed.page(query);
        if (!first.isEmpty() || wait.isZero()) {
            DeferredResult<T> now = new DeferredResult<>();
            now.setResult(answer.apply(first));
            return now;
        }
        FeedPage nothing = new FeedPage(List.of(), query.cursor());
        DeferredResult<T> result = new DeferredResult<>(wait.plus(MARGIN).toMillis(), () -> answer.apply(nothing));
        Waiter<T> waiter = new Waiter<>(query, result, answer);
        result.onCompletion(() -> waiters.remove(waiter));
        waiters.add(waiter);
        scheduler.schedule(() -> waiter.answer(nothing), wait.toMillis(), TimeUnit.MILLISECONDS);
        return result;
    }

    /** An event was logged by this instance: look again now (once, however many came meanwhile). */
    @EventListener
    void logged(StoredEvent event) {
        if (wakeQueued.compareAndSet(false, true)) {
            scheduler.execute(() -> {
                wakeQueued.set(false);
                checkAll();
            });
        }
    }

    private void checkAll() {
        if (waiters.isEmpty()) {
            return;
        }
        try {
            List<EventPartition> partitions = store.partitions();
            for (Waiter waiter : waiters) {
                check(waiter, partitions);
            }
        } catch (RuntimeException e) {
            log.warn("Long polls could not read the event log; the next round retries", e);
        }
    }

    private void check(Waiter<?> waiter, List<EventPartition> partitions) {
        if (waiter.result().isSetOrExpired()) {
            waiters.remove(waiter);
            return;
        }
        try {
            FeedPage page = feed.page(waiter.query(), partitions);
            if (!page.isEmpty()) {
                waiter.answer(page);
            }
        } catch (RuntimeException e) {
            // e.g. the cursor expired meanwhile: the reader is told.
            waiter.result().setErrorResult(e);
        }
    }

    /** How many long polls are waiting. */
    int waiting() {
        return waiters.size();
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }

    private record Waiter<T>(FeedQuery query, DeferredResult<T> result, Function<FeedPage, T> answers) {

        void answer(FeedPage page) {
            result.setResult(answers.apply(page));
        }
    }
}
