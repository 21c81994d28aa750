package fr.maillage.workshop.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.workshop.group.GroupEvent.EnrolmentConfirmed;
import fr.maillage.workshop.group.GroupEvent.EnrolmentWaitlisted;
import fr.maillage.workshop.group.GroupEvent.GroupOpened;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Facilitators PAIR = Facilitators.of(List.of("psy-durand", "ide-bernard"));

    private static Group group(int capacity) {
        return Group.open("g1", "programme-1", "lieu-dit", "bievre", capacity, PAIR, NOW)
                .group();
    }

    private static Candidate candidate(String referralId, Priority priority, int minutes) {
        return new Candidate(
                referralId, "person-" + referralId, priority, "msp-bievre", NOW.plusSeconds(60L * minutes));
    }

    @Test
    void openingAGroupSaysSoWithItsProgrammeTerritoryAndFacilitators() {
        Group.Opened opened = Group.open("g1", "programme-1", "lieu-dit", "bievre", 8, PAIR, NOW);

        assertThat(opened.group().status()).isEqualTo(GroupStatus.OPEN);
        assertThat(opened.group().territory()).isEqualTo("bievre");
        assertThat(opened.group().isFacilitatedBy("ide-bernard")).isTrue();
        assertThat(opened.event())
                .isEqualTo(new GroupOpened(
                        "g1", "programme-1", "lieu-dit", "bievre", 8, List.of("psy-durand", "ide-bernard"), NOW));
    }

    @Test
    void capacityIsBetweenOneAndFifty() {
        assertThatThrownBy(() -> group(0))
                .isInstanceOfSatisfying(
                        GroupRuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo("capacity-out-of-range"));
        assertThatThrownBy(() -> group(51)).isInstanceOf(GroupRuleViolation.class);
        assertThat(group(1).capacity()).isEqualTo(1);
        assertThat(group(50).capacity()).isEqualTo(50);
    }

    @Test
    void peopleAreConfirmedWhilePlacesRemainThenWaitlisted() {
        Group group = group(2);

        Optional<GroupEvent> first = group.enrol(candidate("r1", Priority.ROUTINE, 0), "e1", NOW);
        Optional<GroupEvent> second = group.enrol(candidate("r2", Priority.ROUTINE, 1), "e2", NOW);
        Optional<GroupEvent> third = group.enrol(candidate("r3", Priority.ROUTINE, 2), "e3", NOW);

        assertThat(first).containsInstanceOf(EnrolmentConfirmed.class);
        assertThat(second).containsInstanceOf(EnrolmentConfirmed.class);
        assertThat(third).get().isInstanceOfSatisfying(EnrolmentWaitlisted.class, waitlisted -> {
            assertThat(waitlisted.position()).isEqualTo(1);
            assertThat(waitlisted.referralId()).isEqualTo("r3");
            assertThat(waitlisted.referrerInstitution()).isEqualTo("msp-bievre");
            assertThat(waitlisted.programmeInstitution()).isEqualTo("lieu-dit");
        });
        assertThat(group.confirmedCount()).isEqualTo(2);
        assertThat(group.hasPlace()).isFalse();
        assertThat(group.enrolmentOf("r3")).get().extracting(Enrolment::status).isEqualTo(EnrolmentStatus.WAITLISTED);
    }

    @Test
    void theConfirmedEventCarriesOnlyPseudonymousFacts() {
        Group group = group(8);

        GroupEvent event =
                group.enrol(candidate("r1", Priority.URGENT, 0), "e1", NOW).orElseThrow();

        assertThat(event)
                .isEqualTo(new EnrolmentConfirmed(
                        "g1", "e1", "programme-1", "lieu-dit", "bievre", "r1", "person-r1", "msp-bievre", NOW));
    }

    @Test
    void anUrgentReferralOvertakesRoutineOnesOnTheWaitlist() {
        Group group = group(1);
        group.enrol(candidate("confirmed", Priority.ROUTINE, 0), "e0", NOW);
        group.enrol(candidate("routine-early", Priority.ROUTINE, 1), "e1", NOW);

        GroupEvent urgent = group.enrol(candidate("urgent-late", Priority.URGENT, 9), "e2", NOW)
                .orElseThrow();

        assertThat(((EnrolmentWaitlisted) urgent).position()).isEqualTo(1);
        assertThat(group.waitlist()).extracting(Enrolment::referralId).containsExactly("urgent-late", "routine-early");
        assertThat(group.positionOf("routine-early")).contains(2);
        assertThat(group.positionOf("confirmed")).isEmpty();
    }

    @Test
    void theSameReferralIsNeverEnrolledTwice() {
        Group group = group(8);
        group.enrol(candidate("r1", Priority.ROUTINE, 0), "e1", NOW);

        Optional<GroupEvent> again = group.enrol(candidate("r1", Priority.ROUTINE, 0), "e2", NOW.plusSeconds(5));

        assertThat(again).isEmpty();
        assertThat(group.enrolments())
                .hasSize(1)
                .first()
                .extracting(Enrolment::id)
                .isEqualTo("e1");
        assertThat(group.confirmedCount()).isEqualTo(1);
    }

    @Test
    void aWaitlistedReferralDeliveredAgainKeepsItsSingleEnrolment() {
        Group group = group(1);
        group.enrol(candidate("r1", Priority.ROUTINE, 0), "e1", NOW);
        group.enrol(candidate("r2", Priority.ROUTINE, 1), "e2", NOW);

        assertThat(group.enrol(candidate("r2", Priority.ROUTINE, 1), "e3", NOW)).isEmpty();
        assertThat(group.waitlist()).hasSize(1);
    }
}
