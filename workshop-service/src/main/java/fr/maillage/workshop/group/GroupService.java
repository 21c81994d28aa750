package fr.maillage.workshop.group;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import fr.maillage.platform.web.Problems;
import fr.maillage.workshop.programme.Programme;
import fr.maillage.workshop.programme.ProgrammeService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Service;

/** Opens groups, shows them to those entitled, and enrols people in them under concurrency. */
@Service
public class GroupService {

    private static final Logger log = LoggerFactory.getLogger(GroupService.class);

    /** Concurrent enrolments in one group are rare and short: a few retries always get through. */
    static final int MAX_ENROLMENT_ATTEMPTS = 20;

    private final GroupRepository groups;
    private final GroupMessages messages;
    private final ProgrammeService programmes;
    private final ApplicationEventPublisher applicationEvents;
    private final Clock clock;

    GroupService(
            GroupRepository groups,
            GroupMessages messages,
            ProgrammeService programmes,
            ApplicationEventPublisher applicationEvents,
            MongoTemplate mongo) {
        this.groups = groups;
        this.messages = messages;
        this.programmes = programmes;
        this.applicationEvents = applicationEvents;
        // MongoDB keeps milliseconds: the stored and the published instants agree.
        this.clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
        mongo.indexOps(Group.class)
                .createIndex(new Index()
                        .on("programmeId", Sort.Direction.ASC)
                        .on("status", Sort.Direction.ASC)
                        .on("openedAt", Sort.Direction.ASC));
        mongo.indexOps(Group.class).createIndex(new Index().on("enrolments.referralId", Sort.Direction.ASC));
        mongo.indexOps(Group.class).createIndex(new Index().on("enrolments.personRef", Sort.Direction.ASC));
    }

    /** Told (in-process) when a group opened, so enrolment requests waiting for one can be placed. */
    public record GroupOpenedNotice(String groupId, String programmeId) {}

    /** Where an enrolment landed. */
    public record Placement(String groupId, String enrolmentId, EnrolmentStatus status) {}

    Group open(String programmeId, int capacity, List<String> facilitatorIds, CurrentUser user) {
        Facilitators facilitators = obeying(() -> Facilitators.of(facilitatorIds));
        Programme programme = programmes
                .find(programmeId)
                .orElseThrow(() -> Problems.unprocessable(
                        "unknown-programme",
                        "No workshop programme " + programmeId + " is known here. If it was just registered in the "
                                + "directory it may not have arrived yet: try again in a moment."));
        if (!user.hasRole(Role.ADMIN) && !user.coversTerritory(programme.territory())) {
            throw Problems.notFound("programme", programmeId);
        }
        if (!programme.acceptsGroups()) {
            throw Problems.unprocessable(
                    "programme-not-open",
                    "Programme " + programmeId + " is " + programme.status() + " (" + programme.type()
                            + ") in the directory and takes no new group.");
        }
        Group.Opened opened = obeying(() -> Group.open(
                UUID.randomUUID().toString(),
                programme.id(),
                programme.institution(),
                programme.territory(),
                capacity,
                facilitators,
                clock.instant()));
        messages.append(opened.group(), opened.event());
        Group saved = groups.save(opened.group());
        applicationEvents.publishEvent(new GroupOpenedNotice(saved.id(), saved.programmeId()));
        return saved;
    }

    // A broken group rule is a bad request whose problem type names the rule.
    private static <T> T obeying(Supplier<T> rule) {
        try {
            return rule.get();
        } catch (GroupRuleViolation violation) {
            throw Problems.badRequest(violation.rule(), violation.getMessage()).with("rule", violation.rule());
        }
    }

    /** The group if this user may see it: coordinators of its territory, its facilitators, admins. */
    Group find(String groupId, CurrentUser user) {
        return groups.findById(groupId)
                .filter(group -> user.hasRole(Role.ADMIN)
                        || (user.hasRole(Role.COORDINATOR) && user.coversTerritory(group.territory()))
                        || group.isFacilitatedBy(user.id()))
                .orElseThrow(() -> Problems.notFound("group", groupId));
    }

    /** The group and enrolment already holding this referral in one of the programme's groups, if any. */
    public Optional<Placement> placementOf(String programmeId, String referralId) {
        return groups.findByProgrammeIdAndEnrolmentsReferralId(programmeId, referralId).stream()
                .findFirst()
                .flatMap(group -> group.enrolmentOf(referralId)
                        .map(enrolment -> new Placement(group.id(), enrolment.id(), enrolment.status())));
    }

    /**
     * Places a candidate in the programme: the oldest open group with a free place confirms them;
     * when every open group is full, the oldest one waitlists them. A referral already placed in one
     * of the programme's groups stays where it is. Concurrent enrolments in the same group retry on
     * the group's version, so the capacity holds.
     *
     * @return where the candidate is, or empty when the programme has no open group
     */
    public Optional<Placement> enrol(String programmeId, Candidate candidate) {
        for (int attempt = 1; ; attempt++) {
            Optional<Placement> existing = placementOf(programmeId, candidate.referralId());
            if (existing.isPresent()) {
                return existing;
            }
            List<Group> open = groups.findByProgrammeIdAndStatusOrderByOpenedAtAscIdAsc(programmeId, GroupStatus.OPEN);
            if (open.isEmpty()) {
                return Optional.empty();
            }
            Group group = open.stream().filter(Group::hasPlace).findFirst().orElse(open.getFirst());
            String enrolmentId = UUID.randomUUID().toString();
            Instant now = clock.instant();
            Optional<GroupEvent> event = group.enrol(candidate, enrolmentId, now);
            event.ifPresent(happened -> messages.append(group, happened));
            try {
                groups.save(group);
            } catch (OptimisticLockingFailureException concurrentChange) {
                if (attempt >= MAX_ENROLMENT_ATTEMPTS) {
                    throw concurrentChange;
                }
                log.debug(
                        "Group {} changed meanwhile, enrolment of referral {} retried",
                        group.id(),
                        candidate.referralId());
                continue;
            }
            Enrolment enrolment = group.enrolmentOf(candidate.referralId()).orElseThrow();
            return Optional.of(new Placement(group.id(), enrolment.id(), enrolment.status()));
        }
    }

    /**
     * Anonymises the person's enrolments in every group (the person was erased from the registry).
     * Naturally idempotent: once anonymised, no enrolment names them any more.
     *
     * @return how many enrolments were anonymised
     */
    public int anonymise(String personRef) {
        int anonymised = 0;
        for (Group group : groups.findByEnrolmentsPersonRef(personRef)) {
            anonymised += anonymiseIn(group.id(), personRef);
        }
        return anonymised;
    }

    private int anonymiseIn(String groupId, String personRef) {
        for (int attempt = 1; ; attempt++) {
            Optional<Group> found = groups.findById(groupId);
            if (found.isEmpty()) {
                return 0;
            }
            Group group = found.get();
            int anonymised = group.anonymise(personRef);
            if (anonymised == 0) {
                return 0;
            }
            try {
                groups.save(group);
                return anonymised;
            } catch (OptimisticLockingFailureException concurrentChange) {
                if (attempt >= MAX_ENROLMENT_ATTEMPTS) {
                    throw concurrentChange;
                }
            }
        }
    }
}
