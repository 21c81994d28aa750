package fr.maillage.meeting.meeting;

import static fr.maillage.meeting.meeting.TestMeetings.GP;
import static fr.maillage.meeting.meeting.TestMeetings.NOW;
import static fr.maillage.meeting.meeting.TestMeetings.NURSE;
import static fr.maillage.meeting.meeting.TestMeetings.PSY;
import static fr.maillage.meeting.meeting.TestMeetings.SECOND_GP;
import static fr.maillage.meeting.meeting.TestMeetings.START;
import static fr.maillage.meeting.meeting.TestMeetings.meeting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.meeting.meeting.MeetingAgenda.ProposedItem;
import fr.maillage.meeting.meeting.MeetingEvent.CaseReviewed;
import fr.maillage.meeting.meeting.MeetingEvent.MeetingHeld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;

class MeetingTests {

    private static final Instant DURING = START.plus(Duration.ofMinutes(5));
    private static final Quorum QUORUM = new Quorum(3);

    private static ThrowingConsumer<Throwable> rule(String slug) {
        return error -> assertThat(((MeetingRuleViolation) error).rule()).isEqualTo(slug);
    }

    private static Meeting held(MeetingKind kind, Participant... present) {
        Meeting meeting = meeting(kind);
        meeting.recordAttendance(
                List.of(present).stream().map(Participant::userId).toList(), "coord", DURING);
        return meeting;
    }

    private static ProposedItem proposal(String cause, String personRef) {
        return new ProposedItem(cause, ItemKind.CASE_REVIEW, personRef, "ALERT", "alert-1", "alert-escalated");
    }

    // ---- scheduling and status

    @Test
    void aScheduledMeetingSaysWhatToPublish() {
        Meeting.Scheduled scheduled = TestMeetings.scheduled(MeetingKind.PRACTICE_GROUP, List.of(GP, NURSE));

        assertThat(scheduled.meeting().status()).isEqualTo(MeetingStatus.SCHEDULED);
        assertThat(scheduled.meeting().endsAt()).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(scheduled.event().invitedCount()).isEqualTo(2);
        assertThat(scheduled.meeting().institutions()).containsExactly("msp-bievre");
    }

    @Test
    void aMeetingStartsInTheFuture() {
        assertThatThrownBy(() -> Meeting.schedule(
                        new Meeting.Plan(
                                "m", MeetingKind.PRACTICE_GROUP, "bievre", "t", NOW, 60, null, null, List.of(GP), "c"),
                        NOW))
                .satisfies(rule(Meeting.MEETING_IN_THE_PAST));
    }

    @Test
    void someoneInvitedTwiceIsRefused() {
        assertThatThrownBy(() -> TestMeetings.scheduled(MeetingKind.PRACTICE_GROUP, List.of(GP, NURSE, GP)))
                .satisfies(rule(Meeting.DUPLICATE_PARTICIPANT));
    }

    @Test
    void aMeetingInvitesSomebody() {
        assertThatThrownBy(() -> TestMeetings.scheduled(MeetingKind.PRACTICE_GROUP, List.of()))
                .satisfies(rule(Meeting.NO_PARTICIPANTS));
    }

    @Test
    void aCancelledMeetingCannotBeCancelledHeldOrMovedAgain() {
        Meeting meeting = meeting(MeetingKind.PRACTICE_GROUP);
        meeting.cancel("room-unavailable", NOW);

        assertThat(meeting.status()).isEqualTo(MeetingStatus.CANCELLED);
        assertThatThrownBy(() -> meeting.cancel(null, NOW)).isInstanceOf(IllegalMeetingTransition.class);
        assertThatThrownBy(() -> meeting.recordAttendance(List.of("gp"), "c", DURING))
                .isInstanceOf(IllegalMeetingTransition.class);
        assertThatThrownBy(() -> meeting.move(START.plusSeconds(3600), null, null, NOW))
                .isInstanceOf(IllegalMeetingTransition.class);
    }

    @Test
    void aMeetingMovesBeforeItStartsAndNeverToThePast() {
        Meeting meeting = meeting(MeetingKind.SUPERVISION);

        meeting.move(START.plus(Duration.ofDays(7)), 90, "Salle B", NOW);
        assertThat(meeting.startsAt()).isEqualTo(START.plus(Duration.ofDays(7)));
        assertThat(meeting.endsAt()).isEqualTo(START.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(90)));
        assertThat(meeting.venue()).isEqualTo("Salle B");

        assertThatThrownBy(() -> meeting.move(NOW.minusSeconds(1), null, null, NOW))
                .satisfies(rule(Meeting.MEETING_IN_THE_PAST));
        assertThatThrownBy(() -> meeting.move(null, null, "Salle C", meeting.startsAt()))
                .satisfies(rule(Meeting.MEETING_STARTED));
    }

    // ---- attendance

    @Test
    void theFirstAttendanceAfterTheStartHoldsTheMeetingAndLaterOnesCorrectIt() {
        Meeting meeting = meeting(MeetingKind.CASE_CONFERENCE);

        Optional<MeetingHeld> held = meeting.recordAttendance(List.of("gp", "gp2", "ide"), "coord", DURING);

        assertThat(meeting.status()).isEqualTo(MeetingStatus.HELD);
        assertThat(meeting.heldAt()).isEqualTo(START);
        assertThat(held).hasValueSatisfying(event -> {
            assertThat(event.attendees()).isEqualTo(3);
            assertThat(event.professions()).isEqualTo(2);
        });
        assertThat(meeting.recordAttendance(List.of("gp", "ide", "psy"), "coord", DURING.plusSeconds(60)))
                .isEmpty();
        assertThat(meeting.presentProfessions())
                .containsExactly("clinical-psychologist", "general-practitioner", "nurse");
    }

    @Test
    void attendanceWaitsForTheStart() {
        Meeting meeting = meeting(MeetingKind.PRACTICE_GROUP);

        assertThatThrownBy(() -> meeting.recordAttendance(List.of("gp"), "coord", START.minusMillis(1)))
                .satisfies(rule(Meeting.MEETING_NOT_STARTED));
        assertThat(meeting.status()).isEqualTo(MeetingStatus.SCHEDULED);
    }

    @Test
    void attendanceMayOpenEarlierWhenConfiguredSo() {
        Meeting meeting = meeting(MeetingKind.PRACTICE_GROUP);
        java.time.Duration hour = java.time.Duration.ofHours(1);

        assertThatThrownBy(() -> meeting.recordAttendance(
                        List.of("gp"), "coord", START.minus(hour).minusMillis(1), hour))
                .satisfies(rule(Meeting.MEETING_NOT_STARTED));
        assertThat(meeting.recordAttendance(List.of("gp"), "coord", START.minus(hour), hour))
                .isPresent();
        assertThat(meeting.status()).isEqualTo(MeetingStatus.HELD);
    }

    @Test
    void onlyTheInvitedCanBePresent() {
        Meeting meeting = meeting(MeetingKind.PRACTICE_GROUP);

        assertThatThrownBy(() -> meeting.recordAttendance(List.of("gp", "stranger"), "coord", DURING))
                .satisfies(rule(Meeting.NOT_INVITED))
                .satisfies(error -> assertThat(((MeetingRuleViolation) error).properties())
                        .containsEntry("notInvited", List.of("stranger")));
        assertThat(meeting.present()).isEmpty();
        assertThat(meeting.status()).isEqualTo(MeetingStatus.SCHEDULED);
    }

    // ---- agenda

    @Test
    void aCaseReviewNeedsAPersonAndTheirConsent() {
        Meeting meeting = meeting(MeetingKind.PRACTICE_GROUP);

        assertThatThrownBy(() -> meeting.addItem(
                        new Meeting.NewItem(ItemKind.CASE_REVIEW, "person-1", null, null, null), false, "i", "c", NOW))
                .satisfies(rule(Meeting.CONSENT_MISSING));
        assertThatThrownBy(() -> meeting.addItem(
                        new Meeting.NewItem(ItemKind.CASE_REVIEW, " ", null, null, null), true, "i", "c", NOW))
                .satisfies(rule(Meeting.PERSON_REF_REQUIRED));
        assertThat(meeting.items()).isEmpty();

        AgendaItem item = meeting.addItem(
                new Meeting.NewItem(ItemKind.CASE_REVIEW, "person-1", "ALERT", "alert-9", null), true, "i", "c", NOW);
        assertThat(item.status()).isEqualTo(ItemStatus.KEPT);
        assertThat(item.personRef()).isEqualTo("person-1");
    }

    @Test
    void aPracticeExchangeSaysItsTopic() {
        Meeting meeting = meeting(MeetingKind.PRACTICE_GROUP);

        assertThatThrownBy(() -> meeting.addItem(
                        new Meeting.NewItem(ItemKind.PRACTICE_EXCHANGE, null, null, null, null), false, "i", "c", NOW))
                .satisfies(rule(Meeting.TOPIC_REQUIRED));
    }

    @Test
    void aSteeringCommitteeDiscussesNoPerson() {
        Meeting committee = meeting(MeetingKind.STEERING_COMMITTEE);

        assertThatThrownBy(() -> committee.addItem(
                        new Meeting.NewItem(ItemKind.CASE_REVIEW, "person-1", null, null, null), true, "i", "c", NOW))
                .satisfies(rule(Meeting.CASE_REVIEW_NOT_ALLOWED));
    }

    @Test
    void theSameCauseIsProposedOnceAndStillRecognisedOnceThePersonIsErased() {
        Meeting group = meeting(MeetingKind.PRACTICE_GROUP);

        AgendaItem first = group.propose(proposal("alert-escalated:a1", "person-1"), "item-1", NOW);
        AgendaItem again = group.propose(proposal("alert-escalated:a1", "person-1"), "item-2", NOW);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(group.items()).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(ItemStatus.PROPOSED);
            assertThat(item.summaryCode()).isEqualTo("alert-escalated");
        });

        group.anonymise("person-1");
        assertThat(group.items().getFirst().causeKey())
                .startsWith(AgendaItem.ERASED_CAUSE)
                .doesNotContain("a1");
        assertThat(group.itemCausedBy("alert-escalated:a1")).isPresent();
        assertThat(group.propose(proposal("alert-escalated:a1", "person-1"), "item-3", NOW)
                        .id())
                .isEqualTo("item-1");
    }

    @Test
    void onlyAPracticeGroupAheadTakesProposals() {
        assertThat(meeting(MeetingKind.CASE_CONFERENCE).acceptsProposals(NOW)).isFalse();
        Meeting group = meeting(MeetingKind.PRACTICE_GROUP);
        assertThat(group.acceptsProposals(NOW)).isTrue();
        assertThat(group.acceptsProposals(START)).as("started").isFalse();
        assertThatThrownBy(() -> group.propose(proposal("c", null), "i", START))
                .isInstanceOf(IllegalMeetingTransition.class);
    }

    @Test
    void aProposedCaseReviewIsKeptOnlyWithConsentAndEitherKeptOrDroppedOnce() {
        Meeting group = meeting(MeetingKind.PRACTICE_GROUP);
        group.propose(proposal("c1", "person-1"), "i1", NOW);
        group.propose(proposal("c2", null), "i2", NOW);

        assertThatThrownBy(() -> group.keep("i1", false, NOW)).satisfies(rule(Meeting.CONSENT_MISSING));
        assertThatThrownBy(() -> group.keep("i2", true, NOW))
                .as("nobody named, nobody consented")
                .satisfies(rule(Meeting.CONSENT_MISSING));
        assertThat(group.keep("i1", true, NOW).status()).isEqualTo(ItemStatus.KEPT);
        assertThat(group.drop("i2", NOW).status()).isEqualTo(ItemStatus.DROPPED);
        assertThatThrownBy(() -> group.drop("i1", NOW)).isInstanceOf(IllegalMeetingTransition.class);
        assertThatThrownBy(() -> group.keep("i2", true, NOW)).isInstanceOf(IllegalMeetingTransition.class);
    }

    // ---- minutes

    @Test
    void aDecisionOnACaseReviewNeedsThreeProfessionsPresent() {
        Meeting twoProfessions = held(MeetingKind.PRACTICE_GROUP, GP, SECOND_GP, NURSE);
        twoProfessions.addItem(new Meeting.NewItem(ItemKind.CASE_REVIEW, "p", null, null, null), true, "i", "c", NOW);

        assertThatThrownBy(() -> twoProfessions.recordDecision("i", "d", "Orienter", List.of(), "gp", QUORUM, DURING))
                .satisfies(rule(Meeting.QUORUM_NOT_REACHED))
                .satisfies(error -> assertThat(((MeetingRuleViolation) error).properties())
                        .containsEntry("missing", 1)
                        .containsEntry("professionsPresent", List.of("general-practitioner", "nurse")));
        assertThat(twoProfessions.item("i").orElseThrow().decisions()).isEmpty();

        Meeting threeProfessions = held(MeetingKind.PRACTICE_GROUP, GP, NURSE, PSY);
        threeProfessions.addItem(new Meeting.NewItem(ItemKind.CASE_REVIEW, "p", null, null, null), true, "i", "c", NOW);
        PlannedAction call = new PlannedAction(0, "gp", "Appeler le CMP", "2026-12-15", null);
        Meeting.RecordedDecision decided =
                threeProfessions.recordDecision("i", "d", "Orienter vers le CMP", List.of(call), "gp", QUORUM, DURING);

        assertThat(decided.event())
                .hasValueSatisfying(reviewed -> assertThat(reviewed)
                        .isEqualTo(new CaseReviewed(threeProfessions.id(), "i", "bievre", "p", 1, DURING)));
        assertThat(threeProfessions.actionsPending()).isTrue();
        assertThat(threeProfessions.decisionsWithUnassignedActions()).hasSize(1);
        threeProfessions.actionsAssigned("i", "d", List.of(call.assigned("action-1")));
        assertThat(threeProfessions.actionsPending()).isFalse();
    }

    @Test
    void aPracticeExchangeOfAPracticeGroupNeedsNoQuorumButACaseConferenceAlwaysDoes() {
        Meeting group = held(MeetingKind.PRACTICE_GROUP, GP);
        group.addItem(
                new Meeting.NewItem(ItemKind.PRACTICE_EXCHANGE, null, null, null, "Sevrage"), false, "i", "c", NOW);
        assertThat(group.recordDecision("i", "d", "Fiche réflexe", List.of(), "gp", QUORUM, DURING)
                        .event())
                .isEmpty();

        Meeting conference = held(MeetingKind.CASE_CONFERENCE, GP, NURSE);
        conference.addItem(
                new Meeting.NewItem(ItemKind.PROJECT_FOLLOW_UP, null, null, null, "Suivi"), false, "i", "c", NOW);
        assertThatThrownBy(() -> conference.recordDecision("i", "d", "x", List.of(), "gp", QUORUM, DURING))
                .satisfies(rule(Meeting.QUORUM_NOT_REACHED));
    }

    @Test
    void decisionsAreRecordedOnKeptItemsOfAHeldMeeting() {
        Meeting scheduled = meeting(MeetingKind.PRACTICE_GROUP);
        scheduled.addItem(
                new Meeting.NewItem(ItemKind.PROJECT_FOLLOW_UP, null, null, null, null), false, "i", "c", NOW);
        assertThatThrownBy(() -> scheduled.recordDecision("i", "d", "x", List.of(), "gp", QUORUM, NOW))
                .isInstanceOf(IllegalMeetingTransition.class);

        Meeting held = meeting(MeetingKind.PRACTICE_GROUP);
        held.propose(proposal("c", "p"), "proposed", NOW);
        held.recordAttendance(List.of("gp", "ide", "psy"), "coord", DURING);
        assertThatThrownBy(() -> held.recordDecision("proposed", "d", "x", List.of(), "gp", QUORUM, DURING))
                .isInstanceOf(IllegalMeetingTransition.class);
    }

    @Test
    void anErasedPersonsItemsKeepTheirKindAndDecisionsCountButNoNameNotesOrText() {
        Meeting held = held(MeetingKind.CASE_CONFERENCE, GP, NURSE, PSY);
        held.addItem(new Meeting.NewItem(ItemKind.CASE_REVIEW, "p", null, null, null), true, "i", "c", NOW);
        held.addItem(new Meeting.NewItem(ItemKind.CASE_REVIEW, "other", null, null, null), true, "j", "c", NOW);
        held.writeNotes("i", "Situation difficile", "gp", DURING);
        held.recordDecision("i", "d", "Hospitalisation de jour", List.of(), "gp", QUORUM, DURING);

        assertThat(held.anonymise("p")).isEqualTo(1);

        AgendaItem erased = held.item("i").orElseThrow();
        assertThat(erased.personRef()).isNull();
        assertThat(erased.notes()).isNull();
        assertThat(erased.isAnonymised()).isTrue();
        assertThat(erased.kind()).isEqualTo(ItemKind.CASE_REVIEW);
        assertThat(erased.decisions())
                .singleElement()
                .satisfies(d -> assertThat(d.text()).isNull());
        assertThat(held.item("j").orElseThrow().personRef()).isEqualTo("other");
        assertThat(held.anonymise("p")).as("idempotent").isZero();
    }
}
