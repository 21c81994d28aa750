package fr.maillage.referral.referral;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import fr.maillage.platform.web.ETags;
import fr.maillage.platform.web.Problems;
import fr.maillage.referral.person.Identity;
import fr.maillage.referral.person.PersonStore;
import fr.maillage.referral.resource.Resource;
import fr.maillage.referral.resource.ResourceRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/** Submits, accepts and shows referrals, and applies what the receiving services report. */
@Service
public class ReferralService {

    private static final Logger log = LoggerFactory.getLogger(ReferralService.class);
    private static final int ATTEMPTS_ON_CONFLICT = 3;

    private final ReferralRepository referrals;
    private final ResourceRepository resources;
    private final PersonStore persons;
    private final ReferralMessages messages;

    ReferralService(
            ReferralRepository referrals,
            ResourceRepository resources,
            PersonStore persons,
            ReferralMessages messages) {
        this.referrals = referrals;
        this.resources = resources;
        this.persons = persons;
        this.messages = messages;
    }

    /** What a referrer sends. */
    record Submit(Identity person, String resourceId, Priority priority, String reason, boolean consentGiven) {}

    Referral submit(Submit command, CurrentUser user) {
        // Every refusal comes before the first write: a refused referral leaves no person and no referral behind.
        if (!command.consentGiven()) {
            throw Problems.unprocessable(
                    "consent-required",
                    "The person's consent to share their data with the receiving resource is required"
                            + " (consent.given must be true)");
        }
        if (user.institution() == null || user.institution().isBlank()) {
            throw Problems.forbidden("A referral comes from an institution, and this token names none");
        }
        Resource resource = resources
                .findById(command.resourceId())
                .orElseThrow(() -> Problems.unprocessable(
                        "unknown-resource", "No resource '" + command.resourceId() + "' in the directory"));
        if (!resource.takesReferrals()) {
            throw Problems.unprocessable(
                    "resource-inactive",
                    "Resource '" + resource.id() + "' is " + resource.status() + " and takes no referrals");
        }
        Instant now = now();
        String personRef = persons.register(command.person(), now);
        Referral.Submission submission = Referral.submit(
                UUID.randomUUID().toString(),
                personRef,
                resource,
                command.priority(),
                command.reason(),
                new Referrer(
                        user.id(),
                        user.username(),
                        user.institution(),
                        user.hasRole(Role.PARTNER) ? user.clientId() : null),
                true,
                now);
        messages.stage(submission.referral(), List.of(submission.event()));
        Referral saved = referrals.save(submission.referral());
        log.info("Referral {} submitted to resource {} for person {}", saved.id(), resource.id(), personRef);
        return saved;
    }

    Referral accept(String id, String ifMatch, CurrentUser user) {
        Referral referral = find(id, user);
        if (!ReferralAccessPolicy.canAccept(referral, actor(user))) {
            throw Problems.forbidden(
                    "Only a coordinator of territory '" + referral.territory() + "' or an admin accepts this referral");
        }
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, referral.version());
        }
        try {
            messages.stage(referral, referral.accept(user.id(), now()));
        } catch (IllegalTransitionException e) {
            throw Problems.illegalTransition(e.action(), e.currentStatus());
        }
        return referrals.save(referral);
    }

    /** The referral if this user may see it; otherwise it does not exist for them (404). */
    Referral find(String id, CurrentUser user) {
        return referrals
                .findById(id)
                .filter(referral -> ReferralAccessPolicy.canView(referral, actor(user)))
                .orElseThrow(() -> Problems.notFound("referral", id));
    }

    /** A workshop group confirmed the person (from {@code workshop.events.v1}). */
    void recordEnrolment(String referralId, String sourceEventId, Instant at) {
        apply(referralId, referral -> referral.recordEnrolment(sourceEventId, at));
    }

    /** A workshop group put the person on its waiting list (from {@code workshop.events.v1}). */
    void recordWaitlisting(String referralId, String sourceEventId, Integer position, Instant at) {
        apply(referralId, referral -> referral.recordWaitlisting(sourceEventId, position, at));
    }

    private void apply(String referralId, Function<Referral, List<ReferralEvent>> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<Referral> found = referralId == null ? Optional.empty() : referrals.findById(referralId);
            if (found.isEmpty()) {
                // Not one of ours (an enrolment made without a referral, or one erased since): nothing to update.
                log.info("No referral {} here: the enrolment event does not concern a referral", referralId);
                return;
            }
            Referral referral = found.get();
            List<ReferralEvent> events = change.apply(referral);
            if (events.isEmpty()) {
                return;
            }
            messages.stage(referral, events);
            try {
                referrals.save(referral);
                return;
            } catch (OptimisticLockingFailureException concurrentChange) {
                if (attempt >= ATTEMPTS_ON_CONFLICT) {
                    throw concurrentChange;
                }
            }
        }
    }

    static Actor actor(CurrentUser user) {
        return new Actor(
                user.id(),
                user.institution(),
                user.territories(),
                user.hasRole(Role.ADMIN),
                user.hasRole(Role.COORDINATOR),
                user.hasRole(Role.PARTNER));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
