package fr.maillage.workshop.enrolment;

import fr.maillage.workshop.group.GroupService;
import fr.maillage.workshop.group.GroupService.Placement;
import fr.maillage.workshop.group.Priority;
import fr.maillage.workshop.group.WaitlistPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns accepted referrals into enrolments. Every acceptance becomes an {@link EnrolmentRequest};
 * requests are then placed programme by programme in the {@link WaitlistPolicy} order (urgent
 * first, then first come). When the programme has no open group yet, requests stay pending and
 * the next group opened for it takes them, in that order.
 */
@Service
public class EnrolmentService {

    private static final Logger log = LoggerFactory.getLogger(EnrolmentService.class);

    static final Duration LEASE = Duration.ofSeconds(30);

    private final EnrolmentRequestStore requests;
    private final GroupService groups;
    private final Clock clock;
    private final String worker = "workshop-" + UUID.randomUUID();

    EnrolmentService(EnrolmentRequestStore requests, GroupService groups, Clock clock) {
        this.requests = requests;
        this.groups = groups;
        this.clock = clock;
    }

    /** An accepted referral for a workshop programme: record the request, then place what can be placed. */
    public void request(
            String referralId,
            String programmeId,
            String personRef,
            Priority priority,
            String territory,
            String referrerInstitution,
            Instant acceptedAt,
            String sourceEventId) {
        EnrolmentRequest request = EnrolmentRequest.pending(
                referralId,
                programmeId,
                personRef,
                priority,
                territory,
                referrerInstitution,
                acceptedAt,
                sourceEventId,
                clock.instant());
        if (requests.isErased(personRef)) {
            // Accepted before the erasure, heard after it (another key, so another partition): kept for
            // the counts, never placed.
            requests.addIfAbsent(request.withoutPerson());
            log.info("Referral {} is for an erased person: recorded anonymised, not placed", referralId);
            return;
        }
        boolean added = requests.addIfAbsent(request);
        if (!added) {
            log.info("Referral {} was already received for programme {}", referralId, programmeId);
        }
        placePending(programmeId);
    }

    /**
     * The person was erased from the registry: their requests and enrolments are anonymised (states,
     * counts and dates kept) and any acceptance for them heard later is anonymised too. Idempotent.
     */
    public void anonymise(String personRef, Instant erasedAt) {
        requests.rememberErased(personRef, erasedAt);
        long anonymisedRequests = requests.anonymise(personRef);
        int anonymisedEnrolments = groups.anonymise(personRef);
        log.info(
                "Erased person {}: {} enrolment request(s) and {} enrolment(s) anonymised",
                personRef,
                anonymisedRequests,
                anonymisedEnrolments);
    }

    /** Places the programme's pending requests in waiting order; stops when it has no open group. */
    public void placePending(String programmeId) {
        List<EnrolmentRequest> pending = requests.pendingFor(programmeId).stream()
                .sorted(WaitlistPolicy.ORDER)
                .toList();
        for (EnrolmentRequest request : pending) {
            if (!place(request.referralId())) {
                return;
            }
        }
    }

    /** Every programme with pending requests: the recovery sweep after a crash or a missed wake-up. */
    public void placeAllPending() {
        requests.programmesWithPendingRequests().forEach(this::placePending);
    }

    /** @return false when the programme has no open group (nothing further can be placed now) */
    private boolean place(String referralId) {
        Optional<EnrolmentRequest> claimed = requests.claim(referralId, worker, LEASE);
        if (claimed.isEmpty()) {
            return true; // placed meanwhile, or another worker is on it
        }
        EnrolmentRequest request = claimed.get();
        try {
            Optional<Placement> placement = groups.enrol(request.programmeId(), request.candidate());
            if (placement.isEmpty()) {
                return false;
            }
            requests.markPlaced(
                    referralId, placement.get().groupId(), placement.get().enrolmentId());
            log.info(
                    "Referral {} is {} in group {}",
                    referralId,
                    placement.get().status(),
                    placement.get().groupId());
            return true;
        } finally {
            requests.release(referralId, worker);
        }
    }
}
