package fr.maillage.alert.alert;

import static fr.maillage.alert.alert.AlertFixtures.COORDINATOR;
import static fr.maillage.alert.alert.AlertFixtures.PERSON;
import static fr.maillage.alert.alert.AlertFixtures.PLANNING;
import static fr.maillage.alert.alert.AlertFixtures.RAISED_AT;
import static fr.maillage.alert.alert.AlertFixtures.SECOND_LEVEL_AFTER;
import static fr.maillage.alert.alert.AlertFixtures.emitter;
import static fr.maillage.alert.alert.AlertFixtures.raised;
import static fr.maillage.alert.alert.AlertFixtures.raising;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.alert.alert.AlertEvent.AlertAssigned;
import fr.maillage.alert.alert.AlertEvent.AlertClosed;
import fr.maillage.alert.alert.AlertEvent.AlertEscalated;
import fr.maillage.alert.alert.AlertEvent.AlertQualified;
import fr.maillage.alert.alert.AlertEvent.AlertRaised;
import fr.maillage.alert.alert.AlertEvent.AlertResponded;
import fr.maillage.alert.alert.AlertEvent.FeedbackSent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The state machine of the circuit: every step, every rule, every illegal transition. */
class AlertTests {

    private static final Instant LATER = RAISED_AT.plus(Duration.ofMinutes(30));

    // ---- raising

    @Test
    void raisingSuggestsAnUrgencyAndAProvisionalDueTime() {
        Alert.Raised raised = Alert.raise(
                "a1",
                raising(emitter(true), RiskFactor.SUICIDE_PLAN_OR_ATTEMPT),
                "partner-sub",
                RAISED_AT,
                PLANNING,
                List.of());

        Alert alert = raised.alert();
        assertThat(alert.status()).isEqualTo(AlertStatus.RAISED);
        assertThat(alert.suggestedUrgency()).isEqualTo(Urgency.B);
        assertThat(alert.suggestionRule()).isEqualTo("suicide-plan-or-attempt");
        assertThat(alert.urgency()).isNull();
        assertThat(alert.dueBy()).isEqualTo(RAISED_AT.plus(Duration.ofHours(4)));
        assertThat(alert.nextEscalationAt()).isEqualTo(alert.dueBy());
        assertThat(alert.escalationLevel()).isZero();
        assertThat(alert.raisedBy()).isEqualTo("partner-sub");
        assertThat(alert.emitterFingerprint()).hasSize(64);
        assertThat(raised.event())
                .isEqualTo(new AlertRaised(
                        "a1",
                        "bievre",
                        Channel.PARTNER_API,
                        EmitterKind.PARTNER_INSTITUTION,
                        "epsm-bievre",
                        PERSON,
                        Urgency.B,
                        RAISED_AT,
                        RAISED_AT.plus(Duration.ofHours(4)),
                        false));
        assertThat(alert.history()).extracting(HistoryEntry::action).containsExactly("raised");
    }

    @Test
    void possibleDuplicatesAreLinkedAndSaidInTheEvent() {
        Alert.Raised raised = Alert.raise(
                "a2",
                raising(emitter(true), RiskFactor.ISOLATION),
                "sub",
                RAISED_AT,
                PLANNING,
                List.of("a0", "a1", "a0"));

        assertThat(raised.alert().linkedAlerts()).containsExactly("a0", "a1");
        assertThat(raised.event().possibleDuplicate()).isTrue();
    }

    @Test
    void anAlertNeedsAPersonRefOrASubject() {
        Raising anonymousPerson =
                new Raising(Channel.PHONE, "bievre", null, emitter(false), null, null, "situation", List.of(), false);

        assertThatThrownBy(() -> Alert.raise("a3", anonymousPerson, "sub", RAISED_AT, PLANNING, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("personRef or a subject");
        Raising described = new Raising(
                Channel.PHONE,
                "bievre",
                null,
                emitter(false),
                null,
                new Subject("a man about 40", 40, "38130"),
                "situation",
                List.of(),
                false);
        assertThat(Alert.raise("a4", described, "sub", RAISED_AT, PLANNING, List.of())
                        .alert()
                        .suggestedUrgency())
                .isEqualTo(Urgency.G);
    }

    // ---- qualification

    @Test
    void qualifyingAsSuggestedSetsTheDueTimeAndProposesATeam() {
        Alert alert = raised();

        List<AlertEvent> events =
                alert.qualify(Urgency.B, ResponseLevel.CMP_APPOINTMENT, "risk", null, COORDINATOR, LATER, PLANNING);

        assertThat(alert.status()).isEqualTo(AlertStatus.QUALIFIED);
        assertThat(alert.urgency()).isEqualTo(Urgency.B);
        assertThat(alert.qualifiedAt()).isEqualTo(LATER);
        assertThat(alert.qualifiedBy()).isEqualTo(COORDINATOR);
        assertThat(alert.dueBy()).as("counted from the raising").isEqualTo(RAISED_AT.plus(Duration.ofHours(4)));
        assertThat(alert.assignment())
                .isEqualTo(new Assignment(
                        "cmp-bievre-nord", "CMP Bièvre Nord", "epsm-bievre", "sector-office-hours", true, LATER, null));
        assertThat(events)
                .containsExactly(
                        new AlertQualified(
                                alert.id(),
                                "bievre",
                                PERSON,
                                Urgency.B,
                                Urgency.B,
                                ResponseLevel.CMP_APPOINTMENT,
                                RAISED_AT,
                                LATER,
                                alert.dueBy()),
                        new AlertAssigned(alert.id(), "bievre", "cmp-bievre-nord", "epsm-bievre", true, LATER));
        assertThat(((AlertQualified) events.getFirst()).overridden()).isFalse();
    }

    @Test
    void departingFromTheSuggestionNeedsAnOverrideReason() {
        Alert alert = raised();

        assertThatThrownBy(() -> alert.qualify(
                        Urgency.D, ResponseLevel.CMP_APPOINTMENT, "risk", " ", COORDINATOR, LATER, PLANNING))
                .isInstanceOfSatisfying(AlertRuleViolation.class, violation -> {
                    assertThat(violation.rule()).isEqualTo("override-reason-required");
                    assertThat(violation.isConflict()).isFalse();
                });
        assertThat(alert.status()).isEqualTo(AlertStatus.RAISED);

        List<AlertEvent> events = alert.qualify(
                Urgency.D,
                ResponseLevel.CMP_APPOINTMENT,
                "risk",
                "known patient, seen yesterday",
                COORDINATOR,
                LATER,
                PLANNING);
        assertThat(alert.overrideReason()).isEqualTo("known patient, seen yesterday");
        assertThat(alert.dueBy()).isEqualTo(RAISED_AT.plus(Duration.ofHours(72)));
        assertThat(((AlertQualified) events.getFirst()).overridden()).isTrue();
    }

    @Test
    void anOnSiteInterventionIsRefusedForUrgenciesAFAndG() {
        for (Urgency urgency : List.of(Urgency.A, Urgency.F, Urgency.G)) {
            Alert alert = raised();
            assertThatThrownBy(() -> alert.qualify(
                            urgency, ResponseLevel.ON_SITE_INTERVENTION, "r", "because", COORDINATOR, LATER, PLANNING))
                    .isInstanceOfSatisfying(
                            AlertRuleViolation.class,
                            violation -> assertThat(violation.rule()).isEqualTo("response-level-not-applicable"));
        }
        Alert alert = raised();
        alert.qualify(Urgency.C, ResponseLevel.ON_SITE_INTERVENTION, "r", "because", COORDINATOR, LATER, PLANNING);
        assertThat(alert.dueBy()).isEqualTo(RAISED_AT.plus(Duration.ofHours(24)));
    }

    @Test
    void urgencyAProposesTheRegulationTeam() {
        Alert alert = raised();

        alert.qualify(Urgency.A, ResponseLevel.EMERGENCY_SERVICES, "r", "danger now", COORDINATOR, LATER, PLANNING);

        assertThat(alert.assignment().teamId()).isEqualTo("epsm-bievre-regulation");
        assertThat(alert.assignment().rule()).isEqualTo("emergency-regulation");
        assertThat(alert.dueBy()).isEqualTo(RAISED_AT.plus(Duration.ofMinutes(15)));
    }

    @Test
    void reQualifyingAnAssignedAlertKeepsTheConfirmedTeam() {
        Alert alert = AlertFixtures.assigned();

        List<AlertEvent> events = alert.qualify(
                Urgency.C, ResponseLevel.CMP_APPOINTMENT, "r", "calmer now", COORDINATOR, LATER, PLANNING);

        assertThat(alert.status()).isEqualTo(AlertStatus.ASSIGNED);
        assertThat(alert.assignment().proposed()).isFalse();
        assertThat(alert.dueBy()).isEqualTo(RAISED_AT.plus(Duration.ofHours(24)));
        assertThat(events).singleElement().isInstanceOf(AlertQualified.class);
    }

    @Test
    void reQualifyingAQualifiedAlertProposesAgainOnlyWhenTheTeamChanges() {
        Alert alert = AlertFixtures.qualified();

        List<AlertEvent> same =
                alert.qualify(Urgency.C, ResponseLevel.CMP_APPOINTMENT, "r", "calmer", COORDINATOR, LATER, PLANNING);
        List<AlertEvent> other =
                alert.qualify(Urgency.A, ResponseLevel.EMERGENCY_SERVICES, "r", "worse", COORDINATOR, LATER, PLANNING);

        assertThat(same).hasSize(1);
        assertThat(other).hasSize(2).last().isInstanceOf(AlertAssigned.class);
        assertThat(alert.status()).isEqualTo(AlertStatus.QUALIFIED);
    }

    // ---- assignment

    @Test
    void acceptingTheProposalConfirmsIt() {
        Alert alert = AlertFixtures.qualified();

        List<AlertEvent> events = alert.assign(null, COORDINATOR, LATER, PLANNING);

        assertThat(alert.status()).isEqualTo(AlertStatus.ASSIGNED);
        assertThat(alert.assignment().proposed()).isFalse();
        assertThat(alert.assignment().rule()).isEqualTo("sector-office-hours");
        assertThat(alert.assignment().assignedBy()).isEqualTo(COORDINATOR);
        assertThat(events)
                .containsExactly(
                        new AlertAssigned(alert.id(), "bievre", "cmp-bievre-nord", "epsm-bievre", false, LATER));
    }

    @Test
    void aCoordinatorMayChooseAnotherTeamOfTheTerritory() {
        Alert alert = AlertFixtures.qualified();

        alert.assign("cmp-bievre-sud", COORDINATOR, LATER, PLANNING);

        assertThat(alert.assignment().teamId()).isEqualTo("cmp-bievre-sud");
        assertThat(alert.assignment().rule()).isEqualTo(Assignment.COORDINATOR_CHOICE);
        assertThat(alert.assignment().proposed()).isFalse();
    }

    @Test
    void anUnknownTeamIsRefused() {
        Alert alert = AlertFixtures.qualified();

        assertThatThrownBy(() -> alert.assign("cmp-lyon-nord", COORDINATOR, LATER, PLANNING))
                .isInstanceOfSatisfying(
                        AlertRuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo("unknown-team"));
        assertThat(alert.status()).isEqualTo(AlertStatus.QUALIFIED);
    }

    @Test
    void thereIsNoProposalToAcceptOnceTheTeamIsConfirmed() {
        Alert alert = AlertFixtures.assigned();

        assertThatThrownBy(() -> alert.assign(null, COORDINATOR, LATER, PLANNING))
                .isInstanceOfSatisfying(
                        AlertRuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo("no-proposal"));
    }

    // ---- escalation

    @Test
    void escalationRaisesLevelOneAtTheDueTimeThenLevelTwoLater() {
        Alert alert = raised();
        Instant dueBy = alert.dueBy();

        assertThat(alert.escalate(1, dueBy.minusMillis(1), SECOND_LEVEL_AFTER)).isEmpty();
        List<AlertEvent> first = alert.escalate(1, dueBy, SECOND_LEVEL_AFTER);
        assertThat(first).containsExactly(new AlertEscalated(alert.id(), "bievre", PERSON, 1, Urgency.B, dueBy, dueBy));
        assertThat(alert.escalationLevel()).isEqualTo(1);
        assertThat(alert.nextEscalationAt()).isEqualTo(dueBy.plus(SECOND_LEVEL_AFTER));

        assertThat(alert.escalate(2, dueBy.plus(Duration.ofMinutes(5)), SECOND_LEVEL_AFTER))
                .isEmpty();
        assertThat(alert.escalate(2, dueBy.plus(SECOND_LEVEL_AFTER), SECOND_LEVEL_AFTER))
                .singleElement()
                .isInstanceOfSatisfying(
                        AlertEscalated.class, event -> assertThat(event.level()).isEqualTo(2));
        assertThat(alert.nextEscalationAt()).isNull();
        assertThat(alert.history())
                .extracting(HistoryEntry::action)
                .containsExactly("raised", "escalated", "escalated");
    }

    @Test
    void aLevelAlreadyReachedIsNotRaisedAgain() {
        Alert alert = raised();
        alert.escalate(1, alert.dueBy(), SECOND_LEVEL_AFTER);

        assertThat(alert.escalate(1, alert.dueBy().plusSeconds(1), SECOND_LEVEL_AFTER))
                .isEmpty();
        assertThat(alert.escalationLevel()).isEqualTo(1);
    }

    @Test
    void levelsAreOneAndTwoInTurn() {
        Alert alert = raised();

        assertThatThrownBy(() -> alert.escalate(3, alert.dueBy(), SECOND_LEVEL_AFTER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> alert.escalate(2, alert.dueBy().plus(Duration.ofDays(1)), SECOND_LEVEL_AFTER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reQualifyingMovesTheNextEscalationWithTheDueTime() {
        Alert alert = raised();
        alert.escalate(1, alert.dueBy(), SECOND_LEVEL_AFTER);

        alert.qualify(Urgency.C, ResponseLevel.CMP_APPOINTMENT, "r", "less urgent", COORDINATOR, LATER, PLANNING);

        assertThat(alert.escalationLevel()).isEqualTo(1);
        assertThat(alert.nextEscalationAt()).isEqualTo(alert.dueBy().plus(SECOND_LEVEL_AFTER));
    }

    @Test
    void theFirstResponseStopsTheClockAndTheEscalation() {
        Alert alert = AlertFixtures.assigned();
        Instant respondedAt = alert.dueBy().plus(Duration.ofMinutes(10));

        List<AlertEvent> events = alert.respond(
                List.of(ResponseAction.HOME_VISIT, ResponseAction.ORIENTATION),
                "visited",
                "7f000000-0000-4000-8000-000000000001",
                "Dr Durand",
                respondedAt,
                "clinician-sub",
                respondedAt.plusSeconds(30));

        assertThat(alert.status()).isEqualTo(AlertStatus.RESPONDED);
        assertThat(alert.respondedAt()).isEqualTo(respondedAt);
        assertThat(alert.nextEscalationAt()).isNull();
        assertThat(alert.timeRemaining(respondedAt.plusSeconds(60))).isNull();
        assertThat(alert.isOverdue(respondedAt.plusSeconds(60)))
                .as("answered late")
                .isTrue();
        AlertResponded responded = (AlertResponded) events.getFirst();
        assertThat(responded.withinTarget()).isFalse();
        assertThat(responded.referralId()).isEqualTo("7f000000-0000-4000-8000-000000000001");
        assertThat(alert.responses().getFirst().respondedBy()).isEqualTo("Dr Durand");
        assertThat(alert.responses().getFirst().recordedBy()).isEqualTo("clinician-sub");
        assertThatThrownBy(() -> alert.escalate(1, alert.dueBy().plus(Duration.ofDays(1)), SECOND_LEVEL_AFTER))
                .isInstanceOf(IllegalTransitionException.class);
    }

    // ---- response

    @Test
    void furtherResponsesAreAppendedAndTheFirstOneCounts() {
        Alert alert = AlertFixtures.responded();
        Instant first = alert.respondedAt();

        List<AlertEvent> events = alert.respond(
                List.of(ResponseAction.CMP_APPOINTMENT_GIVEN), "appointment", null, null, null, COORDINATOR, LATER);

        assertThat(alert.responses()).hasSize(2);
        assertThat(alert.respondedAt()).isEqualTo(first);
        assertThat(((AlertResponded) events.getFirst()).withinTarget()).isTrue();
        assertThat(alert.responses().get(1).respondedBy())
                .as("the recorder by default")
                .isEqualTo(COORDINATOR);
    }

    @Test
    void aResponseCannotBeDatedInTheFutureNorBeforeTheAlert() {
        Alert alert = AlertFixtures.assigned();

        assertThatThrownBy(() -> alert.respond(
                        List.of(ResponseAction.CONTACT_MADE),
                        "s",
                        null,
                        null,
                        LATER.plus(Duration.ofHours(1)),
                        "c",
                        LATER))
                .isInstanceOfSatisfying(
                        AlertRuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo("response-time-invalid"));
        assertThatThrownBy(() -> alert.respond(
                        List.of(ResponseAction.CONTACT_MADE), "s", null, null, RAISED_AT.minusSeconds(1), "c", LATER))
                .isInstanceOf(AlertRuleViolation.class);
        assertThat(alert.status()).isEqualTo(AlertStatus.ASSIGNED);
        assertThat(alert.responses()).isEmpty();
    }

    @Test
    void aResponseSaysWhatWasDone() {
        Alert alert = AlertFixtures.assigned();

        assertThatThrownBy(() -> alert.respond(List.of(), "s", null, null, null, "c", LATER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- feedback and closure

    @Test
    void feedbackIsRecordedAndTheStatusStaysResponded() {
        Alert alert = AlertFixtures.responded();

        List<AlertEvent> events = alert.recordFeedback("seen at home", FeedbackChannel.SECURE_MESSAGING, "c", LATER);

        assertThat(alert.status()).isEqualTo(AlertStatus.RESPONDED);
        assertThat(alert.feedback())
                .isEqualTo(new Feedback("seen at home", FeedbackChannel.SECURE_MESSAGING, LATER, "c"));
        assertThat(events)
                .containsExactly(new FeedbackSent(alert.id(), "bievre", FeedbackChannel.SECURE_MESSAGING, LATER));
    }

    @Test
    void closingAfterFeedbackRecordsTheOutcome() {
        Alert alert = AlertFixtures.responded();
        alert.recordFeedback("done", FeedbackChannel.PHONE, "c", LATER);

        List<AlertEvent> events = alert.close(Outcome.ORIENTED_ELSEWHERE, null, false, COORDINATOR, LATER);

        assertThat(alert.status()).isEqualTo(AlertStatus.CLOSED);
        assertThat(alert.closure()).isEqualTo(new Closure(Outcome.ORIENTED_ELSEWHERE, null, LATER, COORDINATOR));
        assertThat(events)
                .containsExactly(new AlertClosed(
                        alert.id(), "bievre", Urgency.B, Outcome.ORIENTED_ELSEWHERE, true, false, RAISED_AT, LATER));
    }

    @Test
    void closingWithoutFeedbackIsRefusedWhenTheEmitterWantsIt() {
        Alert alert = AlertFixtures.responded();

        assertThatThrownBy(() -> alert.close(Outcome.RESOLVED, "no time", false, COORDINATOR, LATER))
                .isInstanceOfSatisfying(AlertRuleViolation.class, violation -> {
                    assertThat(violation.rule()).isEqualTo("feedback-required");
                    assertThat(violation.isConflict()).isTrue();
                });
        assertThat(alert.status()).isEqualTo(AlertStatus.RESPONDED);
    }

    @Test
    void closingWithoutFeedbackNeedsAWaiverWhenTheEmitterWantedNone() {
        Alert alert = respondedAlertOf(emitter(false));

        assertThatThrownBy(() -> alert.close(Outcome.RESOLVED, null, false, COORDINATOR, LATER))
                .isInstanceOfSatisfying(
                        AlertRuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo("feedback-required"));

        List<AlertEvent> events = alert.close(Outcome.RESOLVED, "emitter asked for none", false, COORDINATOR, LATER);
        assertThat(alert.closure().feedbackWaiverReason()).isEqualTo("emitter asked for none");
        AlertClosed closed = (AlertClosed) events.getFirst();
        assertThat(closed.feedbackGiven()).isFalse();
        assertThat(closed.feedbackWaived()).isTrue();
    }

    @Test
    void anAnonymousEmitterCannotBeToldSoAWaiverIsEnough() {
        Emitter anonymous = new Emitter(EmitterKind.FAMILY, " ", null, null, true, null);
        Alert alert = respondedAlertOf(anonymous);

        assertThat(anonymous.isAnonymous()).isTrue();
        alert.close(Outcome.UNREACHABLE, "anonymous caller", false, COORDINATOR, LATER);

        assertThat(alert.status()).isEqualTo(AlertStatus.CLOSED);
    }

    @Test
    void aLinkedAlertClosesAsDuplicateFromAnyOpenStatus() {
        Alert linking = Alert.raise(
                        "a9", raising(emitter(true), RiskFactor.ISOLATION), "s", RAISED_AT, PLANNING, List.of("a8"))
                .alert();
        List<AlertEvent> events = linking.close(Outcome.DUPLICATE, null, false, COORDINATOR, LATER);
        assertThat(linking.status()).isEqualTo(AlertStatus.CLOSED);
        assertThat(((AlertClosed) events.getFirst()).urgency())
                .as("the suggested one")
                .isEqualTo(Urgency.E);
        assertThat(linking.nextEscalationAt()).isNull();

        Alert linkedTo = AlertFixtures.assigned();
        linkedTo.close(Outcome.DUPLICATE, null, true, COORDINATOR, LATER);
        assertThat(linkedTo.closure().outcome()).isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void anAlertWithoutLinksIsNoDuplicate() {
        Alert alert = AlertFixtures.qualified();

        assertThatThrownBy(() -> alert.close(Outcome.DUPLICATE, null, false, COORDINATOR, LATER))
                .isInstanceOfSatisfying(
                        AlertRuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo("no-linked-alert"));
    }

    // ---- every illegal transition

    static Stream<Arguments> illegalTransitions() {
        return Stream.of(
                Arguments.of("qualify", AlertStatus.RESPONDED),
                Arguments.of("qualify", AlertStatus.CLOSED),
                Arguments.of("assign", AlertStatus.RAISED),
                Arguments.of("assign", AlertStatus.RESPONDED),
                Arguments.of("assign", AlertStatus.CLOSED),
                Arguments.of("respond", AlertStatus.RAISED),
                Arguments.of("respond", AlertStatus.CLOSED),
                Arguments.of("feedback", AlertStatus.RAISED),
                Arguments.of("feedback", AlertStatus.QUALIFIED),
                Arguments.of("feedback", AlertStatus.ASSIGNED),
                Arguments.of("feedback", AlertStatus.CLOSED),
                Arguments.of("close", AlertStatus.RAISED),
                Arguments.of("close", AlertStatus.QUALIFIED),
                Arguments.of("close", AlertStatus.ASSIGNED),
                Arguments.of("close", AlertStatus.CLOSED),
                Arguments.of("close-as-duplicate", AlertStatus.CLOSED),
                Arguments.of("escalate", AlertStatus.RESPONDED),
                Arguments.of("escalate", AlertStatus.CLOSED));
    }

    @ParameterizedTest(name = "{0} when {1} is refused")
    @MethodSource("illegalTransitions")
    void illegalTransitionsAreRefusedNamingTheCurrentStatus(String action, AlertStatus status) {
        Alert alert = AlertFixtures.in(status);
        long historyBefore = alert.history().size();

        assertThatThrownBy(() -> step(action).accept(alert))
                .isInstanceOfSatisfying(IllegalTransitionException.class, refusal -> {
                    assertThat(refusal.currentStatus()).isEqualTo(status);
                    assertThat(refusal.getMessage()).contains(status.name());
                });
        assertThat(alert.status()).isEqualTo(status);
        assertThat(alert.history()).hasSize((int) historyBefore);
    }

    private static Consumer<Alert> step(String action) {
        Instant at = RAISED_AT.plus(Duration.ofDays(2));
        return switch (action) {
            case "qualify" ->
                alert -> alert.qualify(Urgency.B, ResponseLevel.CMP_APPOINTMENT, "r", null, COORDINATOR, at, PLANNING);
            case "assign" -> alert -> alert.assign("cmp-bievre-sud", COORDINATOR, at, PLANNING);
            case "respond" ->
                alert -> alert.respond(List.of(ResponseAction.CONTACT_MADE), "s", null, null, null, COORDINATOR, at);
            case "feedback" -> alert -> alert.recordFeedback("m", FeedbackChannel.EMAIL, COORDINATOR, at);
            case "close" -> alert -> alert.close(Outcome.RESOLVED, "waived", true, COORDINATOR, at);
            case "close-as-duplicate" -> alert -> alert.close(Outcome.DUPLICATE, null, true, COORDINATOR, at);
            case "escalate" -> alert -> alert.escalate(1, at, SECOND_LEVEL_AFTER);
            default -> throw new IllegalArgumentException(action);
        };
    }

    // ---- time to target

    @Test
    void timeRemainingIsNegativeOnceOverdue() {
        Alert alert = raised();

        assertThat(alert.timeRemaining(RAISED_AT)).isEqualTo(Duration.ofHours(4));
        assertThat(alert.isOverdue(RAISED_AT)).isFalse();
        assertThat(alert.timeRemaining(RAISED_AT.plus(Duration.ofHours(5)))).isEqualTo(Duration.ofHours(-1));
        assertThat(alert.isOverdue(RAISED_AT.plus(Duration.ofHours(5)))).isTrue();
    }

    // ---- erasure

    @Test
    void anonymisingBlanksIdentityAndFreeTextButKeepsTimingsAndUrgency() {
        Alert alert = AlertFixtures.closed();
        Instant dueBy = alert.dueBy();

        assertThat(alert.anonymise(LATER)).isTrue();

        assertThat(alert.anonymised()).isTrue();
        assertThat(alert.situation()).isNull();
        assertThat(alert.subject()).isNull();
        assertThat(alert.emitter().name()).isNull();
        assertThat(alert.emitter().organisation()).isNull();
        assertThat(alert.emitter().callbackContact()).isNull();
        assertThat(alert.emitter().kind()).isEqualTo(EmitterKind.PARTNER_INSTITUTION);
        assertThat(alert.emitterFingerprint()).isNull();
        assertThat(alert.rationale()).isNull();
        assertThat(alert.responses()).allSatisfy(response -> {
            assertThat(response.summary()).isNull();
            assertThat(response.actions()).isNotEmpty();
        });
        assertThat(alert.feedback().message()).isNull();
        assertThat(alert.feedback().channel()).isEqualTo(FeedbackChannel.PHONE);
        assertThat(alert.urgency()).isEqualTo(Urgency.B);
        assertThat(alert.dueBy()).isEqualTo(dueBy);
        assertThat(alert.respondedAt()).isNotNull();
        assertThat(alert.status()).isEqualTo(AlertStatus.CLOSED);
        assertThat(alert.personRef()).as("the pseudonym stays, for idempotency").isEqualTo(PERSON);

        assertThat(alert.anonymise(LATER.plusSeconds(1))).as("idempotent").isFalse();
        assertThat(alert.history())
                .filteredOn(entry -> entry.action().equals("anonymised"))
                .hasSize(1);
    }

    @Test
    void theAlertNeverPrintsItsSituationOrEmitter() {
        Alert alert = raised();

        assertThat(alert.toString()).doesNotContain("situation only staff", "Martin", "04 76");
        assertThat(alert.emitter().toString()).doesNotContain("Martin", "EPSM", "04 76");
    }

    private static Alert respondedAlertOf(Emitter emitter) {
        Alert alert = AlertFixtures.raised(emitter);
        alert.qualify(Urgency.B, ResponseLevel.CMP_APPOINTMENT, "r", null, COORDINATOR, LATER, PLANNING);
        alert.respond(List.of(ResponseAction.ADVICE_GIVEN), "s", null, null, null, COORDINATOR, LATER);
        return alert;
    }
}
