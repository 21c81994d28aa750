package fr.maillage.meeting.action;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.maillage.meeting.action.ActionEvent.ActionOverdue;
import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import fr.maillage.platform.web.Problems;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Hands out the actions of meetings' decisions (the {@link ActionDesk} of meeting/), shows them to their
 * owners, the coordinators of their territory and admins, and moves them along: completed by their owner
 * or a coordinator, cancelled by a coordinator, flagged overdue by the {@link ActionOverdueWatcher}. Every
 * change is saved against the version read and retried from a fresh read when someone changed the action
 * meanwhile; nothing is written unless every rule holds.
 */
@Service
public class ActionService implements ActionDesk {

    private static final Logger log = LoggerFactory.getLogger(ActionService.class);

    /** Concurrent changes of one action are rare and short: a few retries always get through. */
    static final int MAX_ATTEMPTS = 20;

    /** The {@code owner} that means the caller. */
    static final String ME = "me";

    private final ActionRepository actions;
    private final ActionMessages messages;
    private final MongoTemplate mongo;
    private final Clock clock;

    ActionService(ActionRepository actions, ActionMessages messages, MongoTemplate mongo, Clock clock) {
        this.actions = actions;
        this.messages = messages;
        this.mongo = mongo;
        this.clock = clock;
        var indexes = mongo.indexOps(Action.class);
        indexes.createIndex(new Index().on("meetingId", Sort.Direction.ASC));
        // The owners' lists, sorted by due day.
        indexes.createIndex(new Index()
                .on("ownerId", Sort.Direction.ASC)
                .on("dueOn", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC));
        // The overdue sweep: open, not yet flagged, by the end of the due day.
        indexes.createIndex(new Index()
                .on("status", Sort.Direction.ASC)
                .on("overdue", Sort.Direction.ASC)
                .on("deadline", Sort.Direction.ASC));
    }

    public Instant now() {
        return clock.instant();
    }

    // ---- ActionDesk (meeting/)

    /**
     * Creates the action of a decision, or returns the one already made for the same decision and index
     * (a retry), unchanged: action-assigned is published once. A broken field answers 400
     * {@code invalid-action} naming it; nothing is written then.
     */
    @Override
    public AssignedAction assign(NewAction spec) {
        if (spec != null && spec.decisionId() != null) {
            Optional<Action> existing = actions.findById(Action.idOf(spec.decisionId(), spec.index()));
            if (existing.isPresent()) {
                return new AssignedAction(existing.get().id());
            }
        }
        Action.Assigned assigned = obeying(() -> Action.assign(spec, clock.instant()));
        Action action = assigned.action();
        messages.append(action, assigned.event());
        try {
            actions.insert(action);
            log.info("Action {} assigned (meeting {}, due {})", action.id(), action.meetingId(), action.dueOn());
        } catch (DuplicateKeyException sameDecisionMeanwhile) {
            // The same decision handed out at the same time by another request: that one published it.
            log.debug("Action {} was assigned meanwhile", action.id());
        }
        return new AssignedAction(action.id());
    }

    @Override
    public List<ActionView> ofMeeting(String meetingId) {
        return actions.findByMeetingIdOrderByAssignedAtAscDecisionIdAscIndexAsc(meetingId).stream()
                .map(action -> new ActionView(
                        action.id(),
                        action.itemId(),
                        action.decisionId(),
                        action.ownerId(),
                        action.title(),
                        action.dueOn(),
                        action.status().name(),
                        action.overdue()))
                .toList();
    }

    // ---- reading

    /**
     * An owner's actions, by due day (then id). {@code owner} is {@code me} (the caller) or a user id: the
     * caller's own actions are all theirs to see; another owner's only to a coordinator, within the
     * coordinator's territories, and to an admin. Anyone else asking for another owner gets an empty page.
     *
     * @param status null: any
     * @param overdue null: either; true: only those flagged overdue (even if done since); false: never flagged
     */
    Page<Action> list(String owner, ActionStatus status, Boolean overdue, int page, int size, CurrentUser user) {
        PageRequest pageable = PageRequest.of(page, size, Sort.by(Sort.Order.asc("dueOn"), Sort.Order.asc("id")));
        String ownerId = owner == null || ME.equals(owner) ? user.id() : owner;
        Criteria criteria = where("ownerId").is(ownerId);
        if (!ownerId.equals(user.id()) && !user.hasRole(Role.ADMIN)) {
            if (!user.hasRole(Role.COORDINATOR) || user.territories().isEmpty()) {
                return new PageImpl<>(List.of(), pageable, 0);
            }
            criteria = criteria.and("territory").in(user.territories());
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (overdue != null) {
            criteria = criteria.and("overdue").is(overdue);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Action.class);
        List<Action> content = mongo.find(Query.of(query).with(pageable), Action.class);
        return new PageImpl<>(content, pageable, total);
    }

    /** The action if this user may see it: its owner, coordinators of its territory, admins; else 404. */
    Action find(String actionId, CurrentUser user) {
        return actions.findById(actionId)
                .filter(visibleTo(user))
                .orElseThrow(() -> Problems.notFound("action", actionId));
    }

    private static Predicate<Action> visibleTo(CurrentUser user) {
        return action -> action.isOwnedBy(user.id()) || coordinates(user, action);
    }

    /** A coordinator of the action's territory, or an admin. */
    private static boolean coordinates(CurrentUser user, Action action) {
        return user.hasRole(Role.ADMIN) || (user.hasRole(Role.COORDINATOR) && user.coversTerritory(action.territory()));
    }

    // ---- changes

    /** OPEN -> DONE, by its owner or a coordinator of its territory (or an admin); publishes action-completed. */
    Action complete(String actionId, CurrentUser user) {
        // Whoever may see it may complete it: its owner, a coordinator of its territory, an admin.
        return change(actionId, user, action -> Optional.of(action.complete(user.id(), clock.instant())));
    }

    /** OPEN -> CANCELLED, by a coordinator of its territory (or an admin); publishes nothing. */
    Action cancel(String actionId, CurrentUser user) {
        return change(actionId, user, action -> {
            if (!coordinates(user, action)) {
                throw Problems.forbidden("Only a coordinator of the action's territory cancels it.");
            }
            action.cancel(user.id(), clock.instant());
            return Optional.empty();
        });
    }

    /**
     * Reads the action (404 unless visible), applies the change, puts its event in the outbox and saves
     * against the version read; from a fresh read again if someone changed the action meanwhile.
     */
    private Action change(String actionId, CurrentUser user, Function<Action, Optional<? extends ActionEvent>> change) {
        for (int attempt = 1; ; attempt++) {
            Action action = find(actionId, user);
            Optional<? extends ActionEvent> event = obeying(() -> change.apply(action));
            event.ifPresent(happened -> messages.append(action, happened));
            try {
                Action saved = actions.save(action);
                log.info("Action {} is {}", saved.id(), saved.status());
                return saved;
            } catch (OptimisticLockingFailureException concurrentChange) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw concurrentChange;
                }
                log.debug("Action {} changed meanwhile; change retried", actionId);
            }
        }
    }

    // ---- overdue (ActionOverdueWatcher)

    /** OPEN actions not yet flagged whose due day ended by {@code now}, the longest overdue first. */
    List<Action> dueForOverdue(Instant now, int limit) {
        Query due = Query.query(where("status")
                        .is(ActionStatus.OPEN)
                        .and("overdue")
                        .is(false)
                        .and("deadline")
                        .lte(now))
                .with(Sort.by("deadline"))
                .limit(limit);
        return mongo.find(due, Action.class);
    }

    /** Saves the flag against the version read: throws OptimisticLockingFailureException if it moved. */
    void saveOverdue(Action action, ActionOverdue event) {
        messages.append(action, event);
        actions.save(action);
    }

    // A broken rule of a new action is a 400 naming the field; an illegal transition a 409.
    private static <T> T obeying(Supplier<T> rule) {
        try {
            return rule.get();
        } catch (InvalidAction invalid) {
            throw Problems.badRequest("invalid-action", invalid.getMessage()).with("field", invalid.field());
        } catch (IllegalActionTransition transition) {
            throw Problems.illegalTransition(transition.action(), transition.currentState());
        }
    }
}
