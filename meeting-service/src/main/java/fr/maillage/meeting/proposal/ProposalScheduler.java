package fr.maillage.meeting.proposal;

import fr.maillage.meeting.meeting.PracticeGroupScheduled;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Places pending proposals as soon as a practice group is scheduled in their territory (off the caller's
 * thread: scheduling a meeting never waits for, nor fails because of, the proposals), and sweeps
 * regularly so a proposal left pending by a crash or a lost notice lands anyway.
 */
@Component
class ProposalScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProposalScheduler.class);

    private final ProposalService proposals;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("pending-proposals").factory());

    ProposalScheduler(ProposalService proposals) {
        this.proposals = proposals;
    }

    @EventListener
    void practiceGroupScheduled(PracticeGroupScheduled scheduled) {
        worker.execute(() -> {
            try {
                proposals.placePending(scheduled.territory());
            } catch (RuntimeException e) {
                log.warn(
                        "Placing pending proposals on meeting {} of territory {} failed; the sweep retries",
                        scheduled.meetingId(),
                        scheduled.territory(),
                        e);
            }
        });
    }

    @Scheduled(
            fixedDelayString = "${maillage.meeting.proposals.sweep-interval:PT1M}",
            initialDelayString = "${maillage.meeting.proposals.sweep-interval:PT1M}")
    void sweep() {
        proposals.placeAllPending();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
