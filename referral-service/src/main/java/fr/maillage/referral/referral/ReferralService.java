package fr.maillage.referral.referral;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import fr.maillage.platform.web.ETags;
import fr.maillage.platform.web.ProblemException;
import fr.maillage.platform.web.Problems;
import fr.maillage.referral.person.CareTeamMember;
import fr.maillage.referral.person.CareTeamRole;
import fr.maillage.referral.person.CareTeams;
import fr.maillage.referral.person.ConsentPurpose;
import fr.maillage.referral.person.ConsentRecord;
import fr.maillage.referral.person.ConsentRequest;
import fr.maillage.referral.person.Consents;
import fr.maillage.referral.person.Identity;
import fr.maillage.referral.person.PersonStore;
import fr.maillage.referral.person.Recorder;
import fr.maillage.referral.resource.Resource;
import fr.maillage.referral.resource.ResourceRepository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Submits referrals and moves them through their closed loop on behalf of the referrer and the receiving
 * side, lists them by side, flags unanswered ones, and applies what the receiving services report.
 */
@Service
public class ReferralService {

    private static final Logger log = LoggerFactory.getLogger(ReferralService.class);
    private static final int ATTEMPTS_ON_CONFLICT = 3;
    private static final Set<String> BAD_REQUEST_RULES = Set.of("comment-required", "reason-required");

    private final ReferralRepository referrals;
    private final ResourceRepository resources;
    private final PersonStore persons;
    private final Consents consents;
    private final CareTeams careTeams;
    private final ReferralMessages messages;
    private final AnswerTargets answerTargets;
    private final MongoTemplate mongo;

    ReferralService(
            ReferralRepository referrals,
            ResourceRepository resources,
            PersonStore persons,
            Consents consents,
            CareTeams careTeams,
            ReferralMessages messages,
            AnswerTargets answerTargets,
            MongoTemplate mongo) {
        this.referrals = referrals;
        this.resources = resources;
        this.persons = persons;
        this.consents = consents;
        this.careTeams = careTeams;
        this.messages = messages;
        this.answerTargets = answerTargets;
        this.mongo = mongo;
        var indexes = mongo.indexOps(Referral.class);
        indexes.createIndex(new Index()
                .on("referrer.id", Sort.Direction.ASC)
                .on("submittedAt", Sort.Direction.DESC)
                .named("referrals_mine"));
        indexes.createIndex(new Index()
                .on("referrer.institution", Sort.Direction.ASC)
                .on("submittedAt", Sort.Direction.DESC)
                .named("referrals_mine_institution"));
        indexes.createIndex(new Index()
                .on("resourceInstitution", Sort.Direction.ASC)
                .on("submittedAt", Sort.Direction.DESC)
                .named("referrals_incoming"));
        indexes.createIndex(new Index()
                .on("territory", Sort.Direction.ASC)
                .on("submittedAt", Sort.Direction.DESC)
                .named("referrals_territory"));
        indexes.createIndex(new Index()
                .on("status", Sort.Direction.ASC)
                .on("answerDueBy", Sort.Direction.ASC)
                .named("referrals_overdue"));
    }

    /**
     * What a referrer sends: a person by identity or by personRef, and the consent inline ({@code
     * consentGiven}) or already on record ({@code consentId}, or none: any active consent covering the
     * target).
     */
    record Submit(
            Identity identity,
            String personRef,
            String resourceId,
            Priority priority,
            String reason,
            Boolean consentGiven,
            String consentId) {}

    /** What the receiving side sends to redirect a referral. */
    record Redirect(String resourceId, DeclineReason reason, String comment, Boolean consentGiven, String consentId) {}

    /** Which referrals a list shows: exactly one of mine, incoming or territory. */
    record ListQuery(Boolean mine, Boolean incoming, String territory, ReferralStatus status, int page, int size) {}

    Referral submit(Submit command, CurrentUser user) {
        // Every refusal comes before the first write: a refused referral leaves no person, consent or referral.
        if (user.institution() == null || user.institution().isBlank()) {
            throw Problems.forbidden("A referral comes from an institution, and this token names none");
        }
        boolean inline = Boolean.TRUE.equals(command.consentGiven());
        if (Boolean.FALSE.equals(command.consentGiven())) {
            throw consentRequired("The person did not consent: there is no referral without their consent.");
        }
        if (!inline && command.identity() != null) {
            // An existing consent can only be looked up for a known person, and looking a new identity up
            // would register it: a person given by identity consents here, inline.
            throw consentRequired("Record the person's consent with the referral (consent.given: true), or refer a"
                    + " person of the registry by personRef with a consent on record covering the target.");
        }
        Target target = Target.of(activeResource(command.resourceId()));
        Instant now = now();
        String personRef;
        Consent consent;
        if (inline) {
            personRef = command.identity() != null ? persons.register(command.identity(), now) : command.personRef();
            consent = recordConsent(personRef, target, user, now);
        } else {
            personRef = command.personRef();
            consent = coveringConsent(personRef, target, now)
                    .orElseThrow(() -> consentRequired("No active consent of this person covers resource '"
                            + target.resourceId() + "' or institution '" + target.institution()
                            + "': record it with the referral (consent.given: true)."));
        }
        Referral.Submission submission = applying(() -> Referral.submit(
                UUID.randomUUID().toString(),
                personRef,
                target,
                command.priority(),
                command.reason(),
                new Referrer(
                        user.id(),
                        user.username(),
                        user.institution(),
                        user.hasRole(Role.PARTNER) ? user.clientId() : null),
                consent,
                answerTargets.dueBy(command.priority(), now),
                now));
        Referral referral = submission.referral();
        messages.stage(referral, List.of(submission.event()));
        // Before the referral: a retry after a failure here finds the same care team (add is idempotent).
        joinCareTeam(referral, now);
        Referral saved = referrals.save(referral);
        log.info("Referral {} submitted to resource {} for person {}", saved.id(), target.resourceId(), personRef);
        return saved;
    }

    Referral accept(String id, String ifMatch, CurrentUser user) {
        return transition(id, ifMatch, user, Side.RECEIVING, (referral, actor, now) -> referral.accept(actor, now));
    }

    Referral decline(String id, String ifMatch, DeclineReason reason, String comment, CurrentUser user) {
        return transition(
                id,
                ifMatch,
                user,
                Side.RECEIVING,
                (referral, actor, now) -> referral.decline(reason, comment, actor, now));
    }

    Referral recordFirstContact(String id, String ifMatch, Instant contactAt, CurrentUser user) {
        return transition(
                id,
                ifMatch,
                user,
                Side.RECEIVING,
                (referral, actor, now) -> referral.recordFirstContact(contactAt, actor, now));
    }

    Referral complete(String id, String ifMatch, String outcome, CurrentUser user) {
        return transition(
                id, ifMatch, user, Side.RECEIVING, (referral, actor, now) -> referral.complete(outcome, actor, now));
    }

    Referral cancel(String id, String ifMatch, String why, CurrentUser user) {
        return transition(id, ifMatch, user, Side.REFERRER, (referral, actor, now) -> referral.cancel(why, actor, now));
    }

    /**
     * This referral ends REDIRECTED and a new linked one is submitted to the other resource. Two documents
     * and no transaction, so the new referral is written first, with an id derived from the old one (a
     * referral is redirected at most once): a crash before the old one is saved leaves it redirectable, and
     * redirecting it again finds the new referral already there instead of losing or doubling it. The care
     * team comes last, so a failure leaves no one with access they should not have.
     *
     * @return the redirected (old) referral
     */
    Referral redirect(String id, String ifMatch, Redirect command, CurrentUser user) {
        Referral referral = find(id, user);
        Actor actor = actor(user);
        Side.RECEIVING.require(referral, actor);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, referral.version());
        }
        applying(() -> {
            referral.check(ReferralAction.REDIRECTED);
            command.reason().requireCommentIfNeeded(command.comment());
            return null;
        });
        if (Boolean.FALSE.equals(command.consentGiven())) {
            throw consentRequired("The person did not consent to the new resource: it cannot be referred to.");
        }
        Target target = Target.of(activeResource(command.resourceId()));
        if (target.resourceId().equals(referral.resourceId())) {
            throw Problems.unprocessable(
                    "same-resource", "A referral is redirected to another resource than the one it is addressed to");
        }
        Instant now = now();
        Consent consent = Boolean.TRUE.equals(command.consentGiven())
                ? recordConsent(referral.personRef(), target, user, now)
                : coveringConsent(referral.personRef(), target, now)
                        .orElseThrow(() -> consentRequired("No active consent of this person covers resource '"
                                + target.resourceId() + "' or institution '" + target.institution()
                                + "': give it with the redirection (consent.given: true)."));
        Referral.Redirection redirection = applying(() -> referral.redirect(
                redirectionId(referral.id()),
                target,
                command.reason(),
                command.comment(),
                consent,
                answerTargets.dueBy(referral.priority(), now),
                actor,
                now));
        messages.stage(referral, redirection.events());
        messages.stage(redirection.next(), List.of(redirection.nextEvent()));
        try {
            referrals.insert(redirection.next());
        } catch (DuplicateKeyException writtenByAnEarlierAttempt) {
            log.info(
                    "Referral {} already exists: an earlier redirection of {} wrote it",
                    redirection.next().id(),
                    id);
        }
        Referral saved = referrals.save(referral);
        joinCareTeam(redirection.next(), now);
        log.info(
                "Referral {} redirected to resource {} as referral {}",
                saved.id(),
                target.resourceId(),
                redirection.next().id());
        return saved;
    }

    /** The id of the referral a redirection of {@code referralId} creates: the same on every attempt. */
    static String redirectionId(String referralId) {
        return UUID.nameUUIDFromBytes(("redirection:" + referralId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The referral if this user may see it; otherwise it does not exist for them (404). */
    Referral find(String id, CurrentUser user) {
        return referrals
                .findById(id)
                .filter(referral -> ReferralAccessPolicy.canView(referral, actor(user)))
                .orElseThrow(() -> Problems.notFound("referral", id));
    }

    /**
     * A page of referrals, newest first: the caller's own ({@code mine}: the referrer's; a partner system's
     * institution's), those addressed to the caller's institution ({@code incoming}), or a territory's
     * (coordinators of it, admins). Every referral listed is one {@link #find} would show.
     */
    Page<Referral> list(ListQuery query, CurrentUser user) {
        boolean mine = Boolean.TRUE.equals(query.mine());
        boolean incoming = Boolean.TRUE.equals(query.incoming());
        boolean territory = query.territory() != null && !query.territory().isBlank();
        if ((mine ? 1 : 0) + (incoming ? 1 : 0) + (territory ? 1 : 0) != 1) {
            throw Problems.badRequest(
                    "scope-required", "Say which referrals to list: mine=true, incoming=true or territory=<id>.");
        }
        Criteria criteria;
        if (mine) {
            criteria = user.hasRole(Role.PARTNER)
                    ? Criteria.where("referrer.institution").is(requireInstitution(user))
                    : Criteria.where("referrer.id").is(user.id());
        } else if (incoming) {
            if (!user.hasAnyRole(Role.CLINICIAN, Role.PARTNER)) {
                throw Problems.forbidden("Incoming referrals are for the clinicians and partner systems of an"
                        + " institution; coordinators list their territories (territory=<id>).");
            }
            criteria = Criteria.where("resourceInstitution").is(requireInstitution(user));
        } else {
            if (!user.hasRole(Role.ADMIN)
                    && !(user.hasRole(Role.COORDINATOR) && user.coversTerritory(query.territory()))) {
                throw new ProblemException(
                                HttpStatus.FORBIDDEN,
                                "territory-not-covered",
                                "Forbidden",
                                "Only coordinators of territory '" + query.territory() + "' list its referrals.")
                        .with("territory", query.territory());
            }
            criteria = Criteria.where("territory").is(query.territory());
        }
        if (query.status() != null) {
            criteria = criteria.and("status").is(query.status());
        }
        Pageable page = PageRequest.of(
                query.page(),
                query.size(),
                Sort.by(Sort.Direction.DESC, "submittedAt").and(Sort.by("_id")));
        List<Referral> found = mongo.find(Query.query(criteria).with(page), Referral.class);
        long total = mongo.count(Query.query(criteria), Referral.class);
        return new PageImpl<>(found, page, total);
    }

    /** Unanswered referrals past their answer target and not flagged yet, most overdue first. */
    List<Referral> dueForOverdue(Instant now, int max) {
        return referrals.findByStatusAndOverdueAtIsNullAndAnswerDueByLessThanEqual(
                ReferralStatus.SUBMITTED, now, PageRequest.of(0, max, Sort.by(Sort.Direction.ASC, "answerDueBy")));
    }

    /**
     * Saves a referral the watcher flagged overdue, with its event.
     *
     * @throws OptimisticLockingFailureException when another instance (or a person) changed it since it
     *     was read: the flag is then theirs to raise, or no longer due
     */
    Referral saveOverdue(Referral referral, List<ReferralEvent> events) {
        messages.stage(referral, events);
        Referral saved = referrals.save(referral);
        log.info("Referral {} is overdue (answer due by {})", saved.id(), saved.answerDueBy());
        return saved;
    }

    /** A workshop group confirmed the person (from {@code workshop.events.v1}). */
    void recordEnrolment(String referralId, String sourceEventId, Instant at) {
        apply(referralId, referral -> referral.recordEnrolment(sourceEventId, at));
    }

    /** A workshop group put the person on its waiting list (from {@code workshop.events.v1}). */
    void recordWaitlisting(String referralId, String sourceEventId, Integer position, Instant at) {
        apply(referralId, referral -> referral.recordWaitlisting(sourceEventId, position, at));
    }

    /**
     * A workshop reported a step of the person's participation (from {@code workshop.events.v1}): missed
     * sessions, a withdrawal, a cancelled group or a completed workshop. A closed referral takes no more
     * steps: the fact is logged (ids only) and dropped.
     */
    void recordParticipation(
            String referralId, ReferralAction step, String sourceEventId, String reasonCode, Instant at) {
        apply(referralId, referral -> {
            if (referral.status().isTerminal()) {
                log.info(
                        "Referral {} is {}: workshop step {} of event {} not recorded",
                        referral.id(),
                        referral.status(),
                        step,
                        sourceEventId);
                return List.of();
            }
            return referral.recordParticipation(step, sourceEventId, reasonCode, at);
        });
    }

    /** Who acts on a referral: the receiving side or the referrer's. */
    private enum Side {
        RECEIVING {
            @Override
            boolean allows(Referral referral, Actor actor) {
                return ReferralAccessPolicy.canReceive(referral, actor);
            }

            @Override
            String refusal(Referral referral) {
                return "Only the receiving side (a coordinator of territory '" + referral.territory()
                        + "', or a clinician or partner system of institution '" + referral.resourceInstitution()
                        + "') acts on this referral";
            }
        },
        REFERRER {
            @Override
            boolean allows(Referral referral, Actor actor) {
                return ReferralAccessPolicy.canCancel(referral, actor);
            }

            @Override
            String refusal(Referral referral) {
                return "Only the referrer (or a partner system of its institution) cancels this referral";
            }
        };

        abstract boolean allows(Referral referral, Actor actor);

        abstract String refusal(Referral referral);

        void require(Referral referral, Actor actor) {
            if (!allows(referral, actor)) {
                throw Problems.forbidden(refusal(referral));
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        List<ReferralEvent> apply(Referral referral, Actor actor, Instant now);
    }

    private Referral transition(String id, String ifMatch, CurrentUser user, Side side, Step step) {
        Referral referral = find(id, user);
        Actor actor = actor(user);
        side.require(referral, actor);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, referral.version());
        }
        List<ReferralEvent> events = applying(() -> step.apply(referral, actor, now()));
        messages.stage(referral, events);
        return referrals.save(referral);
    }

    /** Runs a domain step, turning its refusals into problems. */
    private static <T> T applying(Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalTransitionException e) {
            ProblemException problem = Problems.illegalTransition(e.action(), e.currentStatus());
            if (e.currentBusinessStatus() != null) {
                problem.with("currentBusinessStatus", e.currentBusinessStatus().name());
            }
            throw problem;
        } catch (ReferralRuleException e) {
            throw BAD_REQUEST_RULES.contains(e.slug())
                    ? Problems.badRequest(e.slug(), e.getMessage())
                    : Problems.unprocessable(e.slug(), e.getMessage());
        }
    }

    private Resource activeResource(String resourceId) {
        Resource resource = resources
                .findById(resourceId)
                .orElseThrow(() -> Problems.unprocessable(
                        "unknown-resource", "No resource '" + resourceId + "' in the directory"));
        if (!resource.takesReferrals()) {
            throw Problems.unprocessable(
                    "resource-inactive",
                    "Resource '" + resource.id() + "' is " + resource.status() + " and takes no referrals");
        }
        return resource;
    }

    /** A REFERRAL consent for the target (resource and institution), recorded now by the caller. */
    private Consent recordConsent(String personRef, Target target, CurrentUser user, Instant now) {
        ConsentRecord recorded = consents.record(
                personRef,
                new ConsentRequest(ConsentPurpose.REFERRAL, Set.of(target.institution()), Set.of(target.resourceId())),
                new Recorder(user.id(), user.institution()),
                now);
        return new Consent(true, recorded.givenAt(), recorded.recordedBy(), target.institution(), recorded.id(), true);
    }

    private Optional<Consent> coveringConsent(String personRef, Target target, Instant now) {
        return consents.covering(personRef, target.resourceId(), target.institution(), now)
                .map(found -> new Consent(
                        true, found.givenAt(), found.recordedBy(), target.institution(), found.id(), false));
    }

    /** The referrer and the receiving institution join the person's care team, in the referral's territory. */
    private void joinCareTeam(Referral referral, Instant now) {
        String source = "referral:" + referral.id();
        careTeams.add(
                referral.personRef(),
                new CareTeamMember(
                        referral.referrer().id(), referral.referrer().institution(), CareTeamRole.REFERRER, source),
                referral.territory(),
                now);
        careTeams.add(
                referral.personRef(),
                new CareTeamMember(null, referral.resourceInstitution(), CareTeamRole.TARGET_INSTITUTION, source),
                referral.territory(),
                now);
    }

    private static ProblemException consentRequired(String detail) {
        return Problems.unprocessable("consent-required", detail);
    }

    private static String requireInstitution(CurrentUser user) {
        if (user.institution() == null || user.institution().isBlank()) {
            throw Problems.forbidden("This token names no institution");
        }
        return user.institution();
    }

    private void apply(String referralId, Function<Referral, List<ReferralEvent>> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<Referral> found = referralId == null ? Optional.empty() : referrals.findById(referralId);
            if (found.isEmpty()) {
                // Not one of ours (an enrolment made without a referral, or one erased since): nothing to update.
                // Logged by id only: the event's personRef stays out of the logs.
                log.info("No referral {} here: the workshop event does not concern a referral", referralId);
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
                user.username(),
                user.institution(),
                user.territories(),
                user.hasRole(Role.ADMIN),
                user.hasRole(Role.COORDINATOR),
                user.hasRole(Role.CLINICIAN),
                user.hasRole(Role.PARTNER));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
