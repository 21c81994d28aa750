package fr.maillage.subscription.subscription;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import fr.maillage.platform.web.ETags;
import fr.maillage.platform.web.ProblemException;
import fr.maillage.platform.web.Problems;
import fr.maillage.subscription.eventtype.EventTypePattern;
import fr.maillage.subscription.eventtype.EventTypePattern.InvalidEventTypePattern;
import fr.maillage.subscription.outbound.CallbackPolicy;
import fr.maillage.subscription.outbound.CallbackRefused;
import fr.maillage.subscription.subscription.VerificationClient.Verification;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The partners' and admins' steps on subscriptions. A partner sees and changes only its institution's
 * subscriptions (anything else answers 404); an admin sees all. Signing secrets are shown in clear only in
 * the answers that create them (creation, rotation); at rest they are sealed.
 */
@Service
public class SubscriptionService {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);
    private static final Pattern INSTITUTION = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final int MAX_ATTEMPTS = 10;

    private final SubscriptionRepository subscriptions;
    private final EventNumberStore numbers;
    private final SigningSecrets secrets;
    private final CallbackPolicy callbackPolicy;
    private final VerificationClient verification;
    private final SubscriptionProperties properties;
    private final Clock clock;
    private final MongoTemplate mongo;

    SubscriptionService(
            SubscriptionRepository subscriptions,
            EventNumberStore numbers,
            SigningSecrets secrets,
            CallbackPolicy callbackPolicy,
            VerificationClient verification,
            SubscriptionProperties properties,
            Clock clock,
            MongoTemplate mongo) {
        mongo.indexOps(Subscription.class)
                .createIndex(new Index()
                        .on("institution", Sort.Direction.ASC)
                        .on("slot", Sort.Direction.ASC)
                        .unique()
                        .named("institution_slot"));
        this.mongo = mongo;
        this.subscriptions = subscriptions;
        this.numbers = numbers;
        this.secrets = secrets;
        this.callbackPolicy = callbackPolicy;
        this.verification = verification;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a partner asks for. */
    public record NewSubscription(
            List<String> eventTypes, String callbackUrl, String description, String institution) {}

    /** A subscription and, only right after creating or rotating it, its secret in clear. */
    public record WithSecret(Subscription subscription, String signingSecret) {}

    /**
     * Checks everything first (nothing is stored for a refused request), stores it REQUESTED, then runs the
     * verification handshake before answering: ACTIVE on a 2xx, else REQUESTED with the error shown.
     */
    public WithSecret create(NewSubscription request, CurrentUser user) {
        String institution = institutionFor(request.institution(), user);
        List<EventTypePattern> patterns = patterns(request.eventTypes());
        URI callback = checkedCallback(request.callbackUrl());
        String id = UUID.randomUUID().toString();
        String secret = secrets.newSecret();
        String sealed = secrets.seal(secret, id);
        Subscription subscription = null;
        Set<Integer> taken = slotsOf(institution);
        for (int slot = 0; slot < properties.maxPerInstitution() && subscription == null; slot++) {
            if (taken.contains(slot)) {
                continue;
            }
            try {
                subscription = subscriptions.insert(Subscription.request(
                        id,
                        institution,
                        slot,
                        patterns,
                        callback.toString(),
                        blankToNull(request.description()),
                        sealed,
                        clock.instant()));
            } catch (DuplicateKeyException raced) {
                // a concurrent creation took this place first: try the next one
            }
        }
        if (subscription == null) {
            throw Problems.unprocessable(
                            "too-many-subscriptions",
                            "Institution " + institution + " already holds " + properties.maxPerInstitution()
                                    + " subscriptions (the most allowed): delete one first.")
                    .with("limit", properties.maxPerInstitution());
        }
        log.info("Subscription {} requested for institution {}", id, institution);
        return new WithSecret(handshake(subscription, "verify"), secret);
    }

    /** The places the institution's subscriptions hold now. */
    private Set<Integer> slotsOf(String institution) {
        Query query = Query.query(where("institution").is(institution));
        query.fields().include("slot");
        return mongo.find(query, Document.class, mongo.getCollectionName(Subscription.class)).stream()
                .map(found -> found.getInteger("slot"))
                .collect(Collectors.toSet());
    }

    public Page<Subscription> list(String institution, int page, int size, CurrentUser user) {
        PageRequest request = PageRequest.of(page, size, Sort.by("createdAt", "id"));
        if (user.hasRole(Role.ADMIN)) {
            return institution == null || institution.isBlank()
                    ? subscriptions.findAll(request)
                    : subscriptions.findByInstitution(institution, request);
        }
        return subscriptions.findByInstitution(ownInstitution(user), request);
    }

    public Subscription find(String id, CurrentUser user) {
        return subscriptions
                .findById(id)
                .filter(subscription -> visible(subscription, user))
                .orElseThrow(() -> Problems.notFound("Subscription", id));
    }

    public Subscription pause(String id, String ifMatch, CurrentUser user) {
        return change(id, ifMatch, user, Subscription::pause);
    }

    /** PAUSED -> ACTIVE; DISABLED -> the verification handshake again (ACTIVE on a 2xx). */
    public Subscription resume(String id, String ifMatch, CurrentUser user) {
        Subscription subscription = current(id, ifMatch, user);
        if (subscription.status() == SubscriptionStatus.DISABLED) {
            return handshake(subscription, "resume");
        }
        return change(id, ifMatch, user, Subscription::resume);
    }

    /** Runs the verification handshake again (REQUESTED or DISABLED). */
    public Subscription verify(String id, String ifMatch, CurrentUser user) {
        Subscription subscription = current(id, ifMatch, user);
        return handshake(subscription, "verify");
    }

    public WithSecret rotateSecret(String id, String ifMatch, CurrentUser user) {
        String secret = secrets.newSecret();
        Subscription rotated = change(
                id,
                ifMatch,
                user,
                subscription -> subscription.rotateSecret(
                        secrets.seal(secret, id), clock.instant(), properties.secretOverlap()));
        log.info("Subscription {} signing secret rotated", id);
        return new WithSecret(rotated, secret);
    }

    public void delete(String id, String ifMatch, CurrentUser user) {
        Subscription subscription = current(id, ifMatch, user);
        subscriptions.delete(subscription); // its slot is free again
        numbers.forget(id);
        log.info("Subscription {} deleted", id);
    }

    // ---- the handshake

    private Subscription handshake(Subscription subscription, String action) {
        if (!subscription.awaitsVerification()) {
            throw Problems.illegalTransition(action, subscription.status());
        }
        String id = subscription.id();
        List<String> signing = subscription.sealedSigningSecrets(clock.instant()).stream()
                .map(box -> secrets.open(box, id))
                .toList();
        Verification answer = verification.verify(id, URI.create(subscription.callbackUrl()), signing);
        for (int attempt = 1; ; attempt++) {
            Subscription fresh = subscriptions.findById(id).orElseThrow(() -> Problems.notFound("Subscription", id));
            if (!fresh.awaitsVerification()) {
                return fresh; // verified meanwhile by a concurrent request: nothing more to say
            }
            if (answer.verified()) {
                fresh.verified(answer.at());
            } else {
                fresh.verificationFailed(answer.at(), answer.statusCode(), answer.error());
            }
            try {
                Subscription saved = subscriptions.save(fresh);
                log.info("Subscription {} verification: {}", id, answer.verified() ? "verified" : "failed");
                return saved;
            } catch (OptimisticLockingFailureException concurrentChange) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw concurrentChange;
                }
            }
        }
    }

    // ---- reading and changing with access rules

    private interface Step {
        void apply(Subscription subscription);
    }

    private Subscription change(String id, String ifMatch, CurrentUser user, Step step) {
        Subscription subscription = current(id, ifMatch, user);
        try {
            step.apply(subscription);
        } catch (IllegalSubscriptionTransition illegal) {
            throw illegalTransition(illegal);
        }
        // @Version: a change made meanwhile by someone else answers 412 (the kit's handler).
        return subscriptions.save(subscription);
    }

    private Subscription current(String id, String ifMatch, CurrentUser user) {
        Subscription subscription = find(id, user);
        if (ifMatch != null && !ifMatch.isBlank() && !ETags.matches(ifMatch, subscription.version())) {
            throw Problems.preconditionFailed("If-Match " + ifMatch.trim() + " is stale: the current version is "
                            + ETags.of(subscription.version()) + ". Read the subscription again and retry.")
                    .with("currentETag", ETags.of(subscription.version()));
        }
        return subscription;
    }

    static ProblemException illegalTransition(IllegalSubscriptionTransition illegal) {
        return Problems.illegalTransition(illegal.action(), illegal.current());
    }

    private static boolean visible(Subscription subscription, CurrentUser user) {
        if (user.hasRole(Role.ADMIN)) {
            return true;
        }
        return user.isPartner()
                && user.institution() != null
                && user.institution().equals(subscription.institution());
    }

    private static String ownInstitution(CurrentUser user) {
        if (user.institution() == null || user.institution().isBlank()) {
            throw Problems.forbidden("This partner client has no institution.");
        }
        return user.institution();
    }

    private static String institutionFor(String asked, CurrentUser user) {
        String wanted = blankToNull(asked);
        if (user.hasRole(Role.ADMIN)) {
            if (wanted == null) {
                throw Problems.unprocessable(
                        "institution-required", "An admin names the institution the subscription is for.");
            }
            if (!INSTITUTION.matcher(wanted).matches()) {
                throw Problems.unprocessable(
                        "invalid-institution", "Not an institution id: lower-case letters, digits and '-'.");
            }
            return wanted;
        }
        String own = ownInstitution(user);
        if (wanted != null && !wanted.equals(own)) {
            throw Problems.forbidden("A partner subscribes for its own institution only.");
        }
        return own;
    }

    private static List<EventTypePattern> patterns(List<String> eventTypes) {
        try {
            return EventTypePattern.parseAll(eventTypes);
        } catch (InvalidEventTypePattern invalid) {
            throw Problems.unprocessable("unknown-event-type", invalid.getMessage())
                    .with("pattern", invalid.pattern())
                    .with(
                            "knownFamilies",
                            EventTypePattern.KNOWN_FAMILIES.stream()
                                    .map(f -> f + "*")
                                    .toList());
        }
    }

    private URI checkedCallback(String callbackUrl) {
        URI callback;
        try {
            callback = new URI(callbackUrl.strip());
        } catch (URISyntaxException e) {
            throw callbackRefused("invalid-url", "The callback URL is not a valid URL.");
        }
        if (!callback.isAbsolute() || callback.getHost() == null || callback.getRawUserInfo() != null) {
            throw callbackRefused("invalid-url", "The callback URL must be absolute, with a host and no user info.");
        }
        try {
            callbackPolicy.check(callback);
        } catch (CallbackRefused refused) {
            throw callbackRefused(refused.reason(), refused.getMessage());
        }
        return callback;
    }

    private static ProblemException callbackRefused(String reason, String detail) {
        return Problems.unprocessable("callback-refused", detail).with("reason", reason);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
