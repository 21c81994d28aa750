package fr.maillage.meeting.proposal;

import fr.maillage.meeting.consent.ConsentService;
import fr.maillage.meeting.meeting.CaseItemErasure;
import fr.maillage.meeting.meeting.MeetingAgenda;
import fr.maillage.meeting.meeting.MeetingAgenda.ProposedItem;
import fr.maillage.meeting.meeting.MeetingAgenda.ProposedItemPlaced;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The automatic agenda. Each cause (an escalated alert, a disengaged participant, a person declined twice)
 * is stored once as a {@link Proposal} (its cause key is unique: a cause heard again does nothing more),
 * then offered to the next practice group of its territory through {@link MeetingAgenda}. Without one it
 * stays pending until a practice group is scheduled, or until the sweep finds one. Logs say ids only.
 */
@Service
public class ProposalService {

    private static final Logger log = LoggerFactory.getLogger(ProposalService.class);

    static final Duration LEASE = Duration.ofSeconds(30);

    private final ProposalStore proposals;
    private final DeclineStore declines;
    private final ConsentService consents;
    private final MeetingAgenda agenda;
    private final CaseItemErasure caseItems;
    private final ProposalProperties properties;
    private final Clock clock;
    private final String worker = "meeting-" + UUID.randomUUID();

    ProposalService(
            ProposalStore proposals,
            DeclineStore declines,
            ConsentService consents,
            MeetingAgenda agenda,
            CaseItemErasure caseItems,
            ProposalProperties properties,
            Clock clock) {
        this.proposals = proposals;
        this.declines = declines;
        this.consents = consents;
        this.agenda = agenda;
        this.caseItems = caseItems;
        this.properties = properties;
        this.clock = clock;
    }

    // ---- causes

    /** {@code alert.escalated.v1}, any level: one proposal per alert. */
    public void alertEscalated(String alertId, String territory, String personRef) {
        propose(territory, ProposalCauses.alertEscalated(alertId, personRef));
    }

    /** {@code workshop.participant-disengaged.v1}: one proposal per group, person and episode. */
    public void participantDisengaged(String groupId, String personRef, int episode, String territory) {
        propose(territory, ProposalCauses.participantDisengaged(groupId, personRef, episode));
    }

    /** {@code referral.declined.v1}: remembered; the second decline within the window proposes (see {@link DeclineHistory}). */
    public void referralDeclined(String referralId, String personRef, String territory, Instant declinedAt) {
        if (proposals.isErased(personRef)) {
            log.info("Referral {} declined for erased person {}: not remembered", referralId, personRef);
            return;
        }
        if (declines.decline(personRef, referralId, declinedAt, properties.declineWindow())) {
            propose(territory, ProposalCauses.declinedTwice(personRef, referralId));
        }
    }

    /** Stores the cause's proposal (nothing more if it is known already), then tries to place it. */
    void propose(String territory, ProposedItem item) {
        if (proposals.isErased(item.personRef())) {
            log.info("Cause {} is about an erased person: not proposed", item.causeKey());
            return;
        }
        Proposal proposal = Proposal.pending(territory, item, clock.instant());
        if (!proposals.addIfAbsent(proposal)) {
            log.debug("Cause {} already proposed", item.causeKey());
            return;
        }
        log.info("Cause {} proposed in territory {} (proposal {})", item.causeKey(), territory, proposal.id());
        try {
            if (!place(proposal.id())) {
                log.info("Proposal {} waits for a practice group in territory {}", proposal.id(), territory);
            }
        } catch (RuntimeException e) {
            // Stored and pending: the next practice group's notice or the sweep places it.
            log.warn("Placing proposal {} failed; it stays pending", proposal.id(), e);
        }
    }

    // ---- placement

    /** Places the territory's pending proposals, oldest first; stops when it has no practice group ahead. */
    public void placePending(String territory) {
        for (Proposal proposal : proposals.pendingIn(territory)) {
            if (!place(proposal.id())) {
                return;
            }
        }
    }

    /** Every territory with pending proposals: the recovery sweep after a crash or a missed notice. */
    public void placeAllPending() {
        for (String territory : proposals.territoriesWithPending()) {
            try {
                placePending(territory);
            } catch (RuntimeException e) {
                log.warn("Placing pending proposals of territory {} failed; the next sweep retries", territory, e);
            }
        }
    }

    /** @return false when the territory has no practice group ahead (nothing further can be placed now) */
    private boolean place(String proposalId) {
        Optional<Proposal> claimed = proposals.claim(proposalId, worker, LEASE);
        if (claimed.isEmpty()) {
            return true; // placed meanwhile, forgotten, or another worker is on it
        }
        Proposal proposal = claimed.get();
        try {
            Optional<ProposedItemPlaced> placed =
                    agenda.proposeOnNextPracticeGroup(proposal.territory(), proposal.item());
            if (placed.isEmpty()) {
                return false;
            }
            if (proposals.markPlaced(
                    proposalId, placed.get().meetingId(), placed.get().itemId())) {
                log.info(
                        "Proposal {} placed as item {} of meeting {}",
                        proposalId,
                        placed.get().itemId(),
                        placed.get().meetingId());
            } else if (proposals.isErased(proposal.item().personRef())) {
                // The person was erased while the item was being added: anonymise what just landed.
                caseItems.anonymise(proposal.item().personRef());
            }
            return true;
        } finally {
            proposals.release(proposalId, worker);
        }
    }

    // ---- erasure

    /**
     * {@code referral.person-erased.v1}: the person's consents, declines and pending proposals are forgotten,
     * placed proposals and the meetings' case items no longer name them, and later causes about them
     * propose nothing. Idempotent.
     */
    public void personErased(String personRef, Instant erasedAt) {
        proposals.rememberErased(personRef, erasedAt);
        consents.forget(personRef);
        declines.forget(personRef);
        long pending = proposals.forgetPending(personRef);
        int placed = proposals.anonymisePlaced(personRef);
        int items = caseItems.anonymise(personRef);
        log.info(
                "Erased person {}: {} pending proposal(s) forgotten, {} placed proposal(s) and {} case item(s) anonymised",
                personRef,
                pending,
                placed,
                items);
    }
}
