package fr.maillage.workshop.group;

import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.events.PublishesEvents;
import fr.maillage.workshop.group.GroupEvent.EnrolmentConfirmed;
import fr.maillage.workshop.group.GroupEvent.EnrolmentWaitlisted;
import fr.maillage.workshop.group.GroupEvent.GroupOpened;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A workshop group (a cohort of one programme): two facilitators, a number of places, and the
 * people enrolled in it, confirmed while places remain, then waitlisted. The document is the unit of
 * consistency: {@code @Version} makes concurrent enrolments retry, so the capacity always holds.
 */
@Document("groups")
public class Group implements PublishesEvents {

    public static final int MIN_CAPACITY = 1;
    public static final int MAX_CAPACITY = 50;
    public static final String CAPACITY_RULE = "capacity-out-of-range";

    @Id
    private final String id;

    @Version
    private Long version;

    private final String programmeId;
    private final String programmeInstitution;
    private final String territory;
    private final int capacity;
    private final List<String> facilitatorIds;
    private GroupStatus status;
    private final Instant openedAt;
    private final List<Enrolment> enrolments;
    private final List<OutboundEvent> pendingEvents;

    @PersistenceCreator
    Group(
            String id,
            Long version,
            String programmeId,
            String programmeInstitution,
            String territory,
            int capacity,
            List<String> facilitatorIds,
            GroupStatus status,
            Instant openedAt,
            List<Enrolment> enrolments,
            List<OutboundEvent> pendingEvents) {
        this.id = id;
        this.version = version;
        this.programmeId = programmeId;
        this.programmeInstitution = programmeInstitution;
        this.territory = territory;
        this.capacity = capacity;
        this.facilitatorIds = facilitatorIds == null ? List.of() : List.copyOf(facilitatorIds);
        this.status = status;
        this.openedAt = openedAt;
        this.enrolments = enrolments == null ? new ArrayList<>() : new ArrayList<>(enrolments);
        this.pendingEvents = pendingEvents == null ? new ArrayList<>() : new ArrayList<>(pendingEvents);
    }

    /** Opens a group for a programme; the group lives in the programme's territory. */
    public static Opened open(
            String id,
            String programmeId,
            String programmeInstitution,
            String territory,
            int capacity,
            Facilitators facilitators,
            Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(programmeId, "programmeId");
        Objects.requireNonNull(programmeInstitution, "programmeInstitution");
        Objects.requireNonNull(territory, "territory");
        Objects.requireNonNull(facilitators, "facilitators");
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY) {
            throw new GroupRuleViolation(
                    CAPACITY_RULE,
                    "A workshop group has between " + MIN_CAPACITY + " and " + MAX_CAPACITY + " places; " + capacity
                            + " asked.");
        }
        Group group = new Group(
                id,
                null,
                programmeId,
                programmeInstitution,
                territory,
                capacity,
                facilitators.ids(),
                GroupStatus.OPEN,
                now,
                List.of(),
                List.of());
        return new Opened(
                group,
                new GroupOpened(id, programmeId, programmeInstitution, territory, capacity, facilitators.ids(), now));
    }

    /** A newly opened group and the event that says so. */
    public record Opened(Group group, GroupOpened event) {}

    /**
     * Enrols a candidate: confirmed while a place remains, else waitlisted at their position by the
     * {@link WaitlistPolicy}. A referral already in this group is refused (nothing happens): the same
     * acceptance delivered twice never takes two places.
     *
     * @return the event, or empty when the referral was already enrolled here
     */
    public Optional<GroupEvent> enrol(Candidate candidate, String enrolmentId, Instant now) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(enrolmentId, "enrolmentId");
        if (status != GroupStatus.OPEN) {
            throw new IllegalStateException("Group " + id + " is " + status + " and takes no enrolment");
        }
        if (enrolmentOf(candidate.referralId()).isPresent()) {
            return Optional.empty();
        }
        if (hasPlace()) {
            enrolments.add(Enrolment.of(enrolmentId, candidate, EnrolmentStatus.CONFIRMED, now));
            return Optional.of(new EnrolmentConfirmed(
                    id,
                    enrolmentId,
                    programmeId,
                    programmeInstitution,
                    territory,
                    candidate.referralId(),
                    candidate.personRef(),
                    candidate.referrerInstitution(),
                    now));
        }
        enrolments.add(Enrolment.of(enrolmentId, candidate, EnrolmentStatus.WAITLISTED, now));
        return Optional.of(new EnrolmentWaitlisted(
                id,
                enrolmentId,
                programmeId,
                programmeInstitution,
                territory,
                candidate.referralId(),
                candidate.personRef(),
                candidate.referrerInstitution(),
                positionOf(candidate.referralId()).orElseThrow(),
                now));
    }

    /**
     * Removes the person from their enrolments here (they were erased from the registry): counts,
     * statuses, positions and dates stay as they are.
     *
     * @return how many enrolments were anonymised (0 when the person has none here, or no longer)
     */
    public int anonymise(String personRef) {
        int anonymised = 0;
        for (int i = 0; i < enrolments.size(); i++) {
            if (enrolments.get(i).isOf(personRef)) {
                enrolments.set(i, enrolments.get(i).withoutPerson());
                anonymised++;
            }
        }
        return anonymised;
    }

    public boolean hasPlace() {
        return confirmedCount() < capacity;
    }

    public int confirmedCount() {
        return (int) enrolments.stream().filter(Enrolment::isConfirmed).count();
    }

    public Optional<Enrolment> enrolmentOf(String referralId) {
        return enrolments.stream()
                .filter(enrolment -> enrolment.referralId().equals(referralId))
                .findFirst();
    }

    /** The waiting list in the order places will be offered. */
    public List<Enrolment> waitlist() {
        return enrolments.stream()
                .filter(Enrolment::isWaitlisted)
                .sorted(WaitlistPolicy.ORDER)
                .toList();
    }

    /** 1-based position of a waitlisted referral, empty if it is not waiting here. */
    public Optional<Integer> positionOf(String referralId) {
        List<Enrolment> waiting = waitlist();
        for (int i = 0; i < waiting.size(); i++) {
            if (waiting.get(i).referralId().equals(referralId)) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    public boolean isFacilitatedBy(String userId) {
        return facilitatorIds.contains(userId);
    }

    public String id() {
        return id;
    }

    public Long version() {
        return version;
    }

    public String programmeId() {
        return programmeId;
    }

    public String programmeInstitution() {
        return programmeInstitution;
    }

    public String territory() {
        return territory;
    }

    public int capacity() {
        return capacity;
    }

    public List<String> facilitatorIds() {
        return facilitatorIds;
    }

    public GroupStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public List<Enrolment> enrolments() {
        return Collections.unmodifiableList(enrolments);
    }

    @Override
    public List<OutboundEvent> pendingEvents() {
        return pendingEvents;
    }
}
