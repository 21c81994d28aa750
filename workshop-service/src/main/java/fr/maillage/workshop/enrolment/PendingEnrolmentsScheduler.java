package fr.maillage.workshop.enrolment;

import fr.maillage.workshop.group.GroupService.GroupOpenedNotice;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Places pending enrolment requests as soon as a group opens (off the HTTP thread), and sweeps
 * regularly so a request left pending by a crash or a lost wake-up is placed anyway.
 */
@Component
class PendingEnrolmentsScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PendingEnrolmentsScheduler.class);

    private final EnrolmentService enrolments;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("pending-enrolments").factory());

    PendingEnrolmentsScheduler(EnrolmentService enrolments) {
        this.enrolments = enrolments;
    }

    @EventListener
    void groupOpened(GroupOpenedNotice notice) {
        worker.execute(() -> {
            try {
                enrolments.placePending(notice.programmeId());
            } catch (RuntimeException e) {
                log.warn(
                        "Placing pending requests of programme {} failed; the sweep will retry",
                        notice.programmeId(),
                        e);
            }
        });
    }

    @Scheduled(
            fixedDelayString = "${maillage.workshop.pending-sweep-interval:PT15S}",
            initialDelayString = "${maillage.workshop.pending-sweep-interval:PT15S}")
    void sweep() {
        enrolments.placeAllPending();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
