package fr.maillage.workshop.group;

import static fr.maillage.workshop.group.TestGroups.NOW;
import static fr.maillage.workshop.group.TestGroups.PAIR;
import static fr.maillage.workshop.group.TestGroups.candidate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.workshop.group.GroupEvent.EnrolmentConfirmed;
import fr.maillage.workshop.group.GroupEvent.EnrolmentWaitlisted;
import fr.maillage.workshop.group.GroupEvent.GroupCancelled;
import fr.maillage.workshop.group.GroupEvent.GroupCompleted;
import fr.maillage.workshop.group.GroupEvent.GroupOpened;
import fr.maillage.workshop.group.GroupEvent.GroupScheduled;
import fr.maillage.workshop.group.GroupEvent.Participant;
import fr.maillage.workshop.group.GroupEvent.ParticipantCompleted;
import fr.maillage.workshop.group.GroupEvent.ParticipantWithdrew;
import fr.maillage.workshop.group.GroupEvent.Participation;
import fr.maillage.workshop.schedule.SessionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupTests {

    private static final CompletionPolicy THREE_QUARTERS = new CompletionPolicy(0.75);

    @Test
    void schedulingAnOpenGroupSaysScheduledThenOpenedWithItsCalendar() {
        Group.Scheduled scheduled = TestGroups.scheduled("g1", 8, 4, true);
        Group group = scheduled.group();

        assertThat(group.status()).isEqualTo(GroupStatus.OPEN);
        assertThat(group.territory()).isEqualTo("bievre");
        assertThat(group.groupSessions()).isEqualTo(4);
        assertThat(group.individualSlots()).isEqualTo(3);
        assertThat(group.sessions())
                .extracting(Session::kind)
                .containsExactly(
                        SessionKind.GROUP,
                        SessionKind.INDIVIDUAL,
                        SessionKind.GROUP,
                        SessionKind.INDIVIDUAL,
                        SessionKind.GROUP,
                        SessionKind.INDIVIDUAL,
                        SessionKind.GROUP);
        assertThat(group.startsAt()).isEqualTo(Instant.parse("2026-12-01T13:00:00Z"));
        assertThat(group.endsAt()).isEqualTo(Instant.parse("2027-01-12T15:00:00Z"));
        assertThat(group.sessions()).allSatisfy(session -> {
            assertThat(session.facilitatorIds()).containsExactly("psy-durand", "ide-bernard");
            assertThat(session.materials()).containsExactly("livres", "goûter");
            assertThat(session.venue()).isEqualTo("Salle des Tilleuls");
        });
        assertThat(scheduled.events())
                .containsExactly(
                        new GroupScheduled(
                                "g1",
                                "programme-1",
                                "lieu-dit",
                                "bievre",
                                8,
                                4,
                                List.of("psy-durand", "ide-bernard"),
                                4,
                                3,
                                group.startsAt(),
                                group.endsAt(),
                                GroupStatus.OPEN),
                        new GroupOpened(
                                "g1",
                                "programme-1",
                                "lieu-dit",
                                "bievre",
                                8,
                                List.of("psy-durand", "ide-bernard"),
                                NOW));
    }

    @Test
    void aPlannedGroupTakesNoEnrolmentUntilOpenedOnce() {
        Group.Scheduled scheduled = TestGroups.scheduled("g1", 8, 1, false);
        Group group = scheduled.group();
        assertThat(group.status()).isEqualTo(GroupStatus.PLANNED);
        assertThat(group.openedAt()).isNull();
        assertThat(scheduled.events()).singleElement().isInstanceOf(GroupScheduled.class);

        assertThatThrownBy(() -> group.enrol(candidate("r1", Priority.ROUTINE, 0), "e1", NOW))
                .isInstanceOf(IllegalGroupTransition.class);

        GroupOpened opened = group.open(NOW.plusSeconds(60));
        assertThat(opened.openedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(group.status()).isEqualTo(GroupStatus.OPEN);
        assertThat(group.enrol(candidate("r1", Priority.ROUTINE, 0), "e1", NOW)).isPresent();
        assertThatThrownBy(() -> group.open(NOW))
                .isInstanceOfSatisfying(
                        IllegalGroupTransition.class,
                        transition -> assertThat(transition.currentState()).isEqualTo("OPEN"));
    }

    @Test
    void capacityIsBetweenOneAndFiftyAndTheMinimumWithinIt() {
        assertThatThrownBy(() -> TestGroups.group(0))
                .isInstanceOfSatisfying(
                        GroupRuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo("capacity-out-of-range"));
        assertThatThrownBy(() -> TestGroups.group(51)).isInstanceOf(GroupRuleViolation.class);
        assertThatThrownBy(() -> TestGroups.group(4, 5)).isInstanceOf(GroupRuleViolation.class);
        assertThat(TestGroups.group(1).capacity()).isEqualTo(1);
        assertThat(TestGroups.group(50).capacity()).isEqualTo(50);
    }

    @Test
    void theFirstSessionIsInTheFuture() {
        Group.Plan plan = new Group.Plan(
                "g1", "programme-1", "lieu-dit", "bievre", 8, 4, PAIR, "Salle", TestGroups.calendar(4, false));

        assertThatThrownBy(() -> Group.schedule(plan, true, Instant.parse("2026-12-01T13:00:00Z")))
                .isInstanceOfSatisfying(GroupRuleViolation.class, violation -> {
                    assertThat(violation.rule()).isEqualTo("session-in-the-past");
                    assertThat(violation.isUnprocessable()).isTrue();
                });
    }

    @Test
    void peopleAreConfirmedWhilePlacesRemainThenWaitlisted() {
        Group group = TestGroups.group(2);

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
        Group group = TestGroups.group(8);

        GroupEvent event =
                group.enrol(candidate("r1", Priority.URGENT, 0), "e1", NOW).orElseThrow();

        assertThat(event)
                .isEqualTo(new EnrolmentConfirmed(
                        new Participation(
                                "g1", "e1", "programme-1", "lieu-dit", "bievre", "r1", "person-r1", "msp-bievre"),
                        NOW,
                        false));
    }

    @Test
    void anUrgentReferralOvertakesRoutineOnesOnTheWaitlist() {
        Group group = TestGroups.group(1);
        group.enrol(candidate("confirmed", Priority.ROUTINE, 0), "e0", NOW);
        group.enrol(candidate("routine-early", Priority.ROUTINE, 1), "e1", NOW);

        GroupEvent urgent = group.enrol(candidate("urgent-late", Priority.URGENT, 9), "e2", NOW)
                .orElseThrow();

        assertThat(((EnrolmentWaitlisted) urgent).position()).isEqualTo(1);
        assertThat(group.waitlist()).extracting(Enrolment::referralId).containsExactly("urgent-late", "routine-early");
        assertThat(group.positionOf("e1")).contains(2);
        assertThat(group.positionOf("e0")).isEmpty();
    }

    @Test
    void theSameReferralIsNeverEnrolledTwice() {
        Group group = TestGroups.group(8);
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
        Group group = TestGroups.group(1);
        group.enrol(candidate("r1", Priority.ROUTINE, 0), "e1", NOW);
        group.enrol(candidate("r2", Priority.ROUTINE, 1), "e2", NOW);

        assertThat(group.enrol(candidate("r2", Priority.ROUTINE, 1), "e3", NOW)).isEmpty();
        assertThat(group.waitlist()).hasSize(1);
    }

    @Test
    void aPersonAlreadyEnrolledByACoordinatorTakesNoSecondPlaceThroughAReferral() {
        Group group = TestGroups.group(8);
        group.enrol(new Candidate(null, "person-1", Priority.ROUTINE, null, NOW), "e1", NOW);

        Candidate referred = new Candidate("r1", "person-1", Priority.URGENT, "msp-bievre", NOW);
        assertThat(group.isEnrolled(referred)).isTrue();
        assertThat(group.enrol(referred, "e2", NOW)).isEmpty();
        assertThat(group.enrolments()).hasSize(1);
        assertThat(group.participant("person-1"))
                .get()
                .extracting(Enrolment::referralId)
                .isNull();
    }

    @Test
    void aWithdrawalGivesThePlaceToTheFirstWaitlistedUrgentFirst() {
        Group group = TestGroups.group(2);
        group.enrol(candidate("r1", Priority.ROUTINE, 0), "e1", NOW);
        group.enrol(candidate("r2", Priority.ROUTINE, 1), "e2", NOW);
        group.enrol(candidate("routine", Priority.ROUTINE, 2), "e3", NOW);
        group.enrol(candidate("urgent", Priority.URGENT, 3), "e4", NOW);
        Instant later = NOW.plus(Duration.ofDays(1));

        List<GroupEvent> events = group.withdraw("e1", "moved-away", later);

        assertThat(events)
                .containsExactly(
                        new ParticipantWithdrew(
                                new Participation(
                                        "g1",
                                        "e1",
                                        "programme-1",
                                        "lieu-dit",
                                        "bievre",
                                        "r1",
                                        "person-r1",
                                        "msp-bievre"),
                                "moved-away",
                                later),
                        new EnrolmentConfirmed(
                                new Participation(
                                        "g1",
                                        "e4",
                                        "programme-1",
                                        "lieu-dit",
                                        "bievre",
                                        "urgent",
                                        "person-urgent",
                                        "msp-bievre"),
                                later,
                                true));
        Enrolment withdrawn = group.enrolment("e1").orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(EnrolmentStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawalReason()).isEqualTo("moved-away");
        assertThat(withdrawn.statusChangedAt()).isEqualTo(later);
        assertThat(group.enrolment("e4").orElseThrow().status()).isEqualTo(EnrolmentStatus.CONFIRMED);
        assertThat(group.confirmedCount()).isEqualTo(2);
        assertThat(group.positionOf("e3")).contains(1);
    }

    @Test
    void leavingTheWaitingListFreesNoPlaceAndMovesTheOthersUp() {
        Group group = TestGroups.group(1);
        group.enrol(candidate("r1", Priority.ROUTINE, 0), "e1", NOW);
        group.enrol(candidate("r2", Priority.ROUTINE, 1), "e2", NOW);
        group.enrol(candidate("r3", Priority.ROUTINE, 2), "e3", NOW);

        List<GroupEvent> events = group.withdraw("e2", "no-longer-needed", NOW);

        assertThat(events).singleElement().isInstanceOf(ParticipantWithdrew.class);
        assertThat(group.positionOf("e3")).contains(1);
        assertThat(group.confirmedCount()).isEqualTo(1);
    }

    @Test
    void aWithdrawalIsOnceAndItsReasonIsACode() {
        Group group = TestGroups.group(2);
        group.enrol(candidate("r1", Priority.ROUTINE, 0), "e1", NOW);

        assertThatThrownBy(() -> group.withdraw("e1", "Il a déménagé à Lyon", NOW))
                .isInstanceOfSatisfying(
                        GroupRuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo("reason-code"));
        group.withdraw("e1", "moved-away", NOW);
        assertThatThrownBy(() -> group.withdraw("e1", "moved-away", NOW))
                .isInstanceOfSatisfying(
                        IllegalGroupTransition.class,
                        transition -> assertThat(transition.currentState()).isEqualTo("WITHDRAWN"));
    }

    @Test
    void atItsFirstSessionAGroupWithTooFewConfirmedIsCancelledAndEveryoneIsNamed() {
        Group group = TestGroups.group(1, 1);
        Group small = TestGroups.scheduled("g2", 3, 2, true).group();
        small.enrol(candidate("r1", Priority.ROUTINE, 0), "e1", NOW);
        small.enrol(new Candidate(null, "person-2", Priority.ROUTINE, null, NOW), "e2", NOW);
        small.withdraw("e2", "moved-away", NOW);

        assertThatThrownBy(() -> small.start(NOW)).isInstanceOf(IllegalStateException.class);
        List<GroupEvent> events = small.start(small.startsAt());

        assertThat(small.status()).isEqualTo(GroupStatus.CANCELLED);
        assertThat(small.cancellationReason()).isEqualTo("minimum-not-reached");
        assertThat(small.closedAt()).isEqualTo(small.startsAt());
        assertThat(events)
                .containsExactly(new GroupCancelled(
                        "g2",
                        "programme-1",
                        "lieu-dit",
                        "bievre",
                        "minimum-not-reached",
                        1,
                        2,
                        List.of(new Participant("e1", "r1", "person-r1", "msp-bievre", EnrolmentStatus.CONFIRMED)),
                        small.startsAt()));
        assertThatThrownBy(() -> small.start(small.startsAt())).isInstanceOf(IllegalGroupTransition.class);
        assertThat(group.status()).isEqualTo(GroupStatus.OPEN);
    }

    @Test
    void atItsFirstSessionAGroupWithEnoughConfirmedRunsAndStopsTakingEnrolments() {
        Group group = TestGroups.group(2, 1);
        group.enrol(candidate("r1", Priority.ROUTINE, 0), "e1", NOW);

        assertThat(group.start(group.startsAt().plusSeconds(1))).isEmpty();

        assertThat(group.status()).isEqualTo(GroupStatus.RUNNING);
        assertThat(group.startedAt()).isEqualTo(group.startsAt().plusSeconds(1));
        assertThatThrownBy(() -> group.enrol(candidate("r2", Priority.ROUTINE, 1), "e2", NOW))
                .isInstanceOf(IllegalGroupTransition.class);
    }

    @Test
    void atTheEndEachParticipantIsCompletedOrNotByTheShareOfGroupSessionsAttended() {
        Group group = TestGroups.group(4, 1);
        group.enrol(candidate("r1", Priority.ROUTINE, 0), "e1", NOW);
        group.enrol(candidate("r2", Priority.ROUTINE, 1), "e2", NOW);
        group.enrol(candidate("r3", Priority.ROUTINE, 2), "e3", NOW);
        group.enrol(new Candidate(null, "person-4", Priority.ROUTINE, null, NOW), "e4", NOW);
        group.withdraw("e3", "moved-away", NOW);
        group.start(group.startsAt());
        assertThatThrownBy(() -> group.complete(Map.of(), THREE_QUARTERS, group.startsAt()))
                .isInstanceOf(IllegalStateException.class);

        // 4 group sessions: 3 of 4 is enough, 2 is not; e4 never came (absent from the ledger).
        List<GroupEvent> events = group.complete(Map.of("e1", 3, "e2", 2, "e3", 1), THREE_QUARTERS, group.endsAt());

        assertThat(group.status()).isEqualTo(GroupStatus.COMPLETED);
        assertThat(group.enrolment("e1").orElseThrow())
                .satisfies(e -> assertThat(e.status()).isEqualTo(EnrolmentStatus.COMPLETED))
                .satisfies(e -> assertThat(e.sessionsAttended()).isEqualTo(3));
        assertThat(group.enrolment("e2").orElseThrow().status()).isEqualTo(EnrolmentStatus.NOT_COMPLETED);
        assertThat(group.enrolment("e3").orElseThrow().status()).isEqualTo(EnrolmentStatus.WITHDRAWN);
        assertThat(group.enrolment("e4").orElseThrow().status()).isEqualTo(EnrolmentStatus.NOT_COMPLETED);
        assertThat(group.participant("person-r2")).isPresent();
        assertThat(group.participant("person-r3")).isEmpty();
        assertThat(events)
                .containsExactly(
                        new ParticipantCompleted(
                                new Participation(
                                        "g1",
                                        "e1",
                                        "programme-1",
                                        "lieu-dit",
                                        "bievre",
                                        "r1",
                                        "person-r1",
                                        "msp-bievre"),
                                3,
                                4,
                                group.endsAt()),
                        new GroupCompleted("g1", "programme-1", "lieu-dit", "bievre", 4, 1, 2, 1, group.endsAt()));
        assertThatThrownBy(() -> group.complete(Map.of(), THREE_QUARTERS, group.endsAt()))
                .isInstanceOf(IllegalGroupTransition.class);
        assertThatThrownBy(() -> group.cancel("too-late", group.endsAt())).isInstanceOf(IllegalGroupTransition.class);
    }

    @Test
    void aCoordinatorMayCancelALiveGroupOnceWithACode() {
        Group group = TestGroups.group(2);
        group.enrol(candidate("r1", Priority.ROUTINE, 0), "e1", NOW);

        assertThatThrownBy(() -> group.cancel("", NOW)).isInstanceOf(GroupRuleViolation.class);
        List<GroupEvent> events = group.cancel("facilitator-unavailable", NOW);

        assertThat(events).singleElement().isInstanceOfSatisfying(GroupCancelled.class, cancelled -> {
            assertThat(cancelled.reason()).isEqualTo("facilitator-unavailable");
            assertThat(cancelled.participants())
                    .extracting(Participant::enrolmentId)
                    .containsExactly("e1");
        });
        assertThat(group.status()).isEqualTo(GroupStatus.CANCELLED);
        assertThatThrownBy(() -> group.cancel("again", NOW)).isInstanceOf(IllegalGroupTransition.class);
        assertThatThrownBy(() -> group.withdraw("e1", "moved-away", NOW)).isInstanceOf(IllegalGroupTransition.class);
    }

    @Test
    void aSessionMovesChangesRoomOrGetsASubstituteStillLedByTwo() {
        Group group = TestGroups.group(8);
        Session third = group.session(3).orElseThrow();
        Facilitator substitute = new Facilitator("ide-martin", "nurse");
        Instant later = third.startsAt().plus(Duration.ofHours(3));

        Session changed = group.change(
                3,
                new Group.SessionChange(
                        later, "Salle B", Facilitators.of(List.of(TestGroups.PSY, substitute)), List.of("crayons")),
                NOW);

        assertThat(changed.startsAt()).isEqualTo(later);
        assertThat(changed.endsAt()).isEqualTo(later.plus(Duration.ofHours(2)));
        assertThat(changed.venue()).isEqualTo("Salle B");
        assertThat(changed.facilitatorIds()).containsExactly("psy-durand", "ide-martin");
        assertThat(changed.materials()).containsExactly("crayons");
        assertThat(group.session(3)).contains(changed);
        assertThat(group.session(1).orElseThrow().facilitatorIds()).containsExactly("psy-durand", "ide-bernard");
        assertThat(group.isFacilitatedBy("ide-martin")).isTrue();
        assertThat(group.isFacilitatedBy("someone-else")).isFalse();
        assertThat(group.facilitatorIds()).containsExactly("psy-durand", "ide-bernard");
    }

    @Test
    void aSessionStaysInTheFutureAndInItsPlaceInTheCalendar() {
        Group group = TestGroups.group(8);
        Session second = group.session(2).orElseThrow();
        Session third = group.session(3).orElseThrow();

        assertThatThrownBy(() -> group.change(2, new Group.SessionChange(NOW.minusSeconds(60), null, null, null), NOW))
                .isInstanceOfSatisfying(
                        GroupRuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo("session-in-the-past"));
        assertThatThrownBy(() -> group.change(
                        2, new Group.SessionChange(third.startsAt().minusSeconds(60), null, null, null), NOW))
                .isInstanceOfSatisfying(
                        GroupRuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo("session-out-of-order"));
        assertThatThrownBy(() -> group.change(2, new Group.SessionChange(null, null, null, null), second.startsAt()))
                .isInstanceOfSatisfying(
                        GroupRuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo("session-in-the-past"));
        assertThat(group.session(2)).contains(second);
    }

    @Test
    void movingTheLastSessionMovesTheGroupsEnd() {
        Group group = TestGroups.group(8);
        Session last = group.session(7).orElseThrow();

        group.change(7, new Group.SessionChange(last.startsAt().plus(Duration.ofDays(2)), null, null, null), NOW);

        assertThat(group.endsAt()).isEqualTo(last.endsAt().plus(Duration.ofDays(2)));
    }
}
