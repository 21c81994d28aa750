package fr.maillage.alert.alert;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import fr.maillage.platform.web.ETags;
import fr.maillage.platform.web.ProblemException;
import fr.maillage.platform.web.Problems;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
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
 * Runs the alert circuit: raises alerts (over HTTP and for the platform itself), shows the queue and
 * each alert to those entitled, applies every step with its access rule, anonymises on erasure, and
 * lets the escalation watcher save what it escalates. Logs carry ids and codes only.
 */
@Service
public class AlertService {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    /** A step a coordinator asked for without If-Match is retried when the watcher saved meanwhile. */
    private static final int ATTEMPTS_ON_CONFLICT = 3;

    private static final int MAX_DUPLICATE_CANDIDATES = 20;

    static final String TERRITORY_NOT_COVERED = "territory-not-covered";
    static final String CHANNEL_NOT_ALLOWED = "channel-not-allowed";

    private final AlertRepository alerts;
    private final AlertMessages messages;
    private final ResponsePlanning planning;
    private final Clock clock;
    private final MongoTemplate mongo;

    AlertService(
            AlertRepository alerts,
            AlertMessages messages,
            ResponsePlanning planning,
            Clock clock,
            MongoTemplate mongo) {
        this.alerts = alerts;
        this.messages = messages;
        this.planning = planning;
        this.clock = clock;
        this.mongo = mongo;
        var indexes = mongo.indexOps(Alert.class);
        indexes.createIndex(new Index()
                .on("territory", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC)
                .on("dueBy", Sort.Direction.ASC)
                .named("queue"));
        indexes.createIndex(
                new Index().on("nextEscalationAt", Sort.Direction.ASC).named("escalation"));
        indexes.createIndex(new Index()
                .on("personRef", Sort.Direction.ASC)
                .on("raisedAt", Sort.Direction.ASC)
                .named("person"));
        indexes.createIndex(new Index()
                .on("emitterFingerprint", Sort.Direction.ASC)
                .on("commune", Sort.Direction.ASC)
                .on("raisedAt", Sort.Direction.ASC)
                .named("emitter"));
        indexes.createIndex(new Index().on("linkedAlerts", Sort.Direction.ASC).named("links"));
    }

    // ---- raising

    Alert raise(Raising raising, CurrentUser user) {
        // Every refusal comes before the first write: a refused alert leaves nothing behind.
        if (!AlertAccessPolicy.mayRaiseIn(raising.territory(), caller(user))) {
            throw territoryNotCovered(raising.territory());
        }
        if (raising.channel() == Channel.INTERNAL) {
            throw Problems.unprocessable(
                            CHANNEL_NOT_ALLOWED, "Channel INTERNAL is for alerts the platform raises itself.")
                    .with("field", "channel");
        }
        Emitter given = raising.emitter();
        Emitter emitter = new Emitter(
                given.kind(),
                given.name(),
                given.organisation(),
                given.callbackContact(),
                given.wantsFeedback(),
                user.institution());
        Raising recorded = new Raising(
                raising.channel(),
                raising.territory(),
                raising.commune(),
                emitter,
                raising.personRef(),
                raising.subject(),
                raising.situation(),
                raising.riskFactors(),
                raising.personAware());
        Alert alert = raise(UUID.randomUUID().toString(), recorded, user.id());
        log.info(
                "Alert {} raised in {} via {}: suggested {} ({}), {} possible duplicate(s)",
                alert.id(),
                alert.territory(),
                alert.channel(),
                alert.suggestedUrgency(),
                alert.suggestionRule(),
                alert.linkedAlerts().size());
        return alert;
    }

    private Alert raise(String id, Raising raising, String raisedBy) {
        Instant now = now();
        List<String> duplicates = possibleDuplicates(raising, now);
        Alert.Raised raised = Alert.raise(id, raising, raisedBy, now, planning, duplicates);
        messages.stage(raised.alert(), List.of(raised.event()));
        return alerts.insert(raised.alert());
    }

    private List<String> possibleDuplicates(Raising raising, Instant now) {
        Instant since = DuplicateRule.windowStart(now);
        String fingerprint = EmitterFingerprint.of(raising.emitter());
        Pageable latest = PageRequest.of(0, MAX_DUPLICATE_CANDIDATES, Sort.by(Sort.Direction.DESC, "raisedAt"));
        Set<Alert> candidates = new LinkedHashSet<>();
        if (raising.personRef() != null) {
            candidates.addAll(alerts.findByTerritoryAndPersonRefAndRaisedAtGreaterThanEqual(
                    raising.territory(), raising.personRef(), since, latest));
        }
        if (fingerprint != null && raising.commune() != null) {
            candidates.addAll(alerts.findByTerritoryAndEmitterFingerprintAndCommuneAndRaisedAtGreaterThanEqual(
                    raising.territory(), fingerprint, raising.commune(), since, latest));
        }
        // The store narrows, the rule decides.
        return candidates.stream()
                .filter(earlier -> DuplicateRule.isPossibleDuplicate(
                        earlier, raising.territory(), raising.personRef(), fingerprint, raising.commune(), now))
                .map(Alert::id)
                .distinct()
                .toList();
    }

    /**
     * Raises, once, the follow-up alert of a workshop disengagement (channel INTERNAL, suggested E).
     * The id is derived from (group, person, episode), so a redelivered or replayed event finds it
     * already there.
     *
     * @return whether a new alert was raised
     */
    boolean raiseDisengagementFollowUp(
            String groupId, String personRef, String territory, int episode, Integer consecutiveAbsences) {
        String id = UUID.nameUUIDFromBytes(("workshop-disengagement:" + groupId + ":" + personRef + ":" + episode)
                        .getBytes(StandardCharsets.UTF_8))
                .toString();
        if (alerts.existsById(id)) {
            return false;
        }
        String situation = "Follow-up: the person stopped attending workshop group " + groupId + " (episode " + episode
                + (consecutiveAbsences == null ? "" : ", " + consecutiveAbsences + " consecutive absences")
                + "). Contact them to see how they are and whether care should continue.";
        Raising raising = new Raising(
                Channel.INTERNAL,
                territory,
                null,
                new Emitter(EmitterKind.PROFESSIONAL, null, "workshop group " + groupId, null, false, null),
                personRef,
                null,
                situation,
                List.of(RiskFactor.CARE_DISRUPTION),
                false);
        try {
            Alert alert = raise(id, raising, null);
            log.info("Alert {} raised in {} after disengagement from group {}", alert.id(), territory, groupId);
            return true;
        } catch (DuplicateKeyException concurrentlyRaised) {
            return false;
        }
    }

    // ---- reading

    /** Open = every status but CLOSED. */
    static final Set<AlertStatus> OPEN =
            EnumSet.of(AlertStatus.RAISED, AlertStatus.QUALIFIED, AlertStatus.ASSIGNED, AlertStatus.RESPONDED);

    /** How the queue is sorted. */
    enum QueueOrder {
        /** Soonest due first (the default): the triage order. */
        DUE_BY(Sort.by(Sort.Order.asc("dueBy"), Sort.Order.asc("raisedAt"), Sort.Order.asc("_id"))),
        /** Latest raised first. */
        RAISED_AT(Sort.by(Sort.Order.desc("raisedAt"), Sort.Order.asc("_id")));

        private final Sort sort;

        QueueOrder(Sort sort) {
            this.sort = sort;
        }
    }

    /** The triage queue of the caller's territories, or of one of them. */
    Page<Alert> queue(
            Set<AlertStatus> statuses, String territory, QueueOrder order, int page, int size, CurrentUser user) {
        Set<String> territories;
        if (territory == null) {
            territories = user.territories();
        } else if (user.coversTerritory(territory)) {
            territories = Set.of(territory);
        } else {
            throw territoryNotCovered(territory);
        }
        return alerts.findByTerritoryInAndStatusIn(territories, statuses, PageRequest.of(page, size, order.sort));
    }

    /** What this caller is shown of an alert; 404 when nothing. */
    record Shown(Alert alert, AlertAccessPolicy.View view) {}

    Shown find(String id, CurrentUser user) {
        Caller caller = caller(user);
        return alerts.findById(id)
                .map(alert -> new Shown(alert, AlertAccessPolicy.view(alert, caller)))
                .filter(shown -> shown.view() != AlertAccessPolicy.View.NONE)
                .orElseThrow(() -> Problems.notFound("alert", id));
    }

    /** The record of an alert: staff of its territory only. */
    List<HistoryEntry> history(String id, CurrentUser user) {
        Caller caller = caller(user);
        Alert alert = visible(id, caller);
        Permission.STAFF.require(alert, caller);
        return alert.history();
    }

    /** Both directions of the duplicate links of these alerts: their own and those of the alerts linking to them. */
    Map<String, List<String>> links(Collection<Alert> shown) {
        Map<String, Set<String>> links = new HashMap<>();
        for (Alert alert : shown) {
            links.put(alert.id(), new LinkedHashSet<>(alert.linkedAlerts()));
        }
        Query linking = Query.query(Criteria.where("linkedAlerts").in(links.keySet()));
        linking.fields().include("_id", "linkedAlerts");
        for (Document other : mongo.find(linking, Document.class, mongo.getCollectionName(Alert.class))) {
            String otherId = String.valueOf(other.get("_id"));
            for (Object target : other.getList("linkedAlerts", Object.class, List.of())) {
                Set<String> of = links.get(String.valueOf(target));
                if (of != null) {
                    of.add(otherId);
                }
            }
        }
        Map<String, List<String>> result = new HashMap<>();
        links.forEach((id, ids) -> result.put(id, List.copyOf(ids)));
        return result;
    }

    // ---- steps

    Alert qualify(
            String id,
            String ifMatch,
            Urgency urgency,
            ResponseLevel level,
            String rationale,
            String overrideReason,
            CurrentUser user) {
        return step(
                id,
                ifMatch,
                user,
                Permission.STAFF,
                (alert, at) -> alert.qualify(urgency, level, rationale, overrideReason, user.id(), at, planning));
    }

    Alert assign(String id, String ifMatch, String teamId, CurrentUser user) {
        return step(
                id,
                ifMatch,
                user,
                Permission.COORDINATOR,
                (alert, at) -> alert.assign(teamId, user.id(), at, planning));
    }

    Alert respond(
            String id,
            String ifMatch,
            List<ResponseAction> actions,
            String summary,
            String referralId,
            String respondedBy,
            Instant respondedAt,
            CurrentUser user) {
        Instant when = respondedAt == null ? null : respondedAt.truncatedTo(ChronoUnit.MILLIS);
        return step(
                id,
                ifMatch,
                user,
                Permission.STAFF,
                (alert, at) -> alert.respond(actions, summary, referralId, respondedBy, when, user.id(), at));
    }

    Alert recordFeedback(String id, String ifMatch, String message, FeedbackChannel channel, CurrentUser user) {
        return step(
                id,
                ifMatch,
                user,
                Permission.STAFF,
                (alert, at) -> alert.recordFeedback(message, channel, user.id(), at));
    }

    Alert close(String id, String ifMatch, Outcome outcome, String feedbackWaiverReason, CurrentUser user) {
        return step(
                id,
                ifMatch,
                user,
                Permission.COORDINATOR,
                (alert, at) -> alert.close(
                        outcome, feedbackWaiverReason, alerts.existsByLinkedAlerts(alert.id()), user.id(), at));
    }

    /** Who may take a step on an alert they can see (403 for the others). */
    enum Permission {
        STAFF(AlertAccessPolicy::isStaff, "Only staff of territory"),
        COORDINATOR(AlertAccessPolicy::coordinates, "Only a coordinator of territory");

        private final BiPredicate<Alert, Caller> allowed;
        private final String refusal;

        Permission(BiPredicate<Alert, Caller> allowed, String refusal) {
            this.allowed = allowed;
            this.refusal = refusal;
        }

        void require(Alert alert, Caller caller) {
            if (!allowed.test(alert, caller)) {
                throw Problems.forbidden(refusal + " '" + alert.territory() + "' may do this.");
            }
        }
    }

    /** One step of a circuit: found (404), allowed (403), current (412), legal (409/422), then saved once. */
    private Alert step(String id, String ifMatch, CurrentUser user, Permission permission, Step change) {
        Caller caller = caller(user);
        for (int attempt = 1; ; attempt++) {
            Alert alert = visible(id, caller);
            permission.require(alert, caller);
            if (ifMatch != null) {
                ETags.requireMatch(ifMatch, alert.version());
            }
            List<AlertEvent> events;
            try {
                events = change.apply(alert, now());
            } catch (IllegalTransitionException e) {
                throw Problems.illegalTransition(e.action() + " an alert", e.currentStatus());
            } catch (AlertRuleViolation violation) {
                throw violation.isConflict()
                        ? Problems.conflict(violation.rule(), violation.getMessage())
                                .with("currentState", alert.status().name())
                        : Problems.unprocessable(violation.rule(), violation.getMessage());
            }
            messages.stage(alert, events);
            try {
                Alert saved = alerts.save(alert);
                log.info("Alert {} is {} (version {})", saved.id(), saved.status(), saved.version());
                return saved;
            } catch (OptimisticLockingFailureException concurrentChange) {
                // With If-Match the caller decides (412); without, the escalation watcher may have saved meanwhile.
                if (ifMatch != null || attempt >= ATTEMPTS_ON_CONFLICT) {
                    throw concurrentChange;
                }
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        List<AlertEvent> apply(Alert alert, Instant at);
    }

    private Alert visible(String id, Caller caller) {
        return alerts.findById(id)
                .filter(alert -> AlertAccessPolicy.view(alert, caller) != AlertAccessPolicy.View.NONE)
                .orElseThrow(() -> Problems.notFound("alert", id));
    }

    // ---- erasure

    /**
     * Anonymises every alert about an erased person (idempotent: anonymised alerts are not found again).
     *
     * @return how many alerts were anonymised now
     */
    int anonymise(String personRef) {
        int anonymised = 0;
        for (Alert found : alerts.findByPersonRefAndAnonymisedFalse(personRef)) {
            if (saveWithRetry(found.id(), alert -> alert.anonymise(now()))) {
                anonymised++;
            }
        }
        log.info("{} alert(s) anonymised after the erasure of person {}", anonymised, personRef);
        return anonymised;
    }

    private boolean saveWithRetry(String id, Function<Alert, Boolean> change) {
        for (int attempt = 1; ; attempt++) {
            Alert alert = alerts.findById(id).orElse(null);
            if (alert == null || !change.apply(alert)) {
                return false;
            }
            try {
                alerts.save(alert);
                return true;
            } catch (OptimisticLockingFailureException concurrentChange) {
                if (attempt >= ATTEMPTS_ON_CONFLICT) {
                    throw concurrentChange;
                }
            }
        }
    }

    // ---- escalation (used by the escalation package)

    /** Alerts still waiting for a response whose next escalation time has come, the most late first. */
    public List<Alert> dueForEscalation(Instant now, int max) {
        return alerts.findByNextEscalationAtLessThanEqualAndStatusIn(
                now,
                EnumSet.of(AlertStatus.RAISED, AlertStatus.QUALIFIED, AlertStatus.ASSIGNED),
                PageRequest.of(0, max, Sort.by(Sort.Direction.ASC, "nextEscalationAt")));
    }

    /**
     * Saves an alert the watcher escalated, with its events.
     *
     * @throws OptimisticLockingFailureException when another instance (or a person) changed it since it
     *     was read: that escalation is then theirs to make, or no longer due
     */
    public Alert saveEscalation(Alert alert, List<AlertEvent> events) {
        messages.stage(alert, events);
        Alert saved = alerts.save(alert);
        for (AlertEvent event : events) {
            if (event instanceof AlertEvent.AlertEscalated escalated) {
                log.info(
                        "Alert {} escalated to level {} ({} due {})",
                        saved.id(),
                        escalated.level(),
                        escalated.urgency(),
                        escalated.dueBy());
            }
        }
        return saved;
    }

    /** Now, to the millisecond (what MongoDB keeps). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ProblemException territoryNotCovered(String territory) {
        return new ProblemException(
                        HttpStatus.FORBIDDEN,
                        TERRITORY_NOT_COVERED,
                        "Forbidden",
                        "Your token does not cover territory '" + territory + "'.")
                .with("territory", territory);
    }

    static Caller caller(CurrentUser user) {
        return new Caller(
                user.id(),
                user.institution(),
                user.territories(),
                user.hasRole(Role.COORDINATOR),
                user.hasRole(Role.CLINICIAN),
                user.hasRole(Role.PARTNER));
    }
}
