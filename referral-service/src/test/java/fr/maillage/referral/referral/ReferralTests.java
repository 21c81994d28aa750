package fr.maillage.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.referral.resource.ResourceType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ReferralTests {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant DUE = T0.plus(Duration.ofDays(7));
    private static final Referrer DR_MARTIN =
            new Referrer("6f1c1a3e-0001-4000-8000-000000000003", "dr-martin", "msp-bievre", null);
    private static final Target WORKSHOP = new Target("res-1", ResourceType.WORKSHOP_PROGRAMME, "lieu-dit", "bievre");
    private static final Target CMP = new Target("res-2", ResourceType.CMP, "epsm-bievre", "bievre");
    private static final Consent CONSENT = new Consent(true, T0, DR_MARTIN.id(), "lieu-dit", "consent-1", true);
    private static final Actor COORD =
            new Actor("coord-sub", "coord-bievre", "cpts-bievre", Set.of("bievre"), false, true, false, false);
    private static final Actor EPSM = new Actor(
            "sa-epsm", "service-account-partner-epsm", "epsm-bievre", Set.of("bievre"), false, false, false, true);

    private static Referral submitted() {
        return Referral.submit(
                        "ref-1", "person-1", WORKSHOP, Priority.ROUTINE, "isolement", DR_MARTIN, CONSENT, DUE, T0)
                .referral();
    }

    private static Referral accepted() {
        Referral referral = submitted();
        referral.accept(COORD, T0.plusSeconds(60));
        return referral;
    }

    private static Referral inProgress() {
        Referral referral = accepted();
        referral.recordFirstContact(T0.plusSeconds(90), COORD, T0.plusSeconds(120));
        return referral;
    }

    /** A referral in each status, reached the way the loop reaches it. */
    private static Referral in(ReferralStatus status) {
        return switch (status) {
            case SUBMITTED -> submitted();
            case ACCEPTED -> accepted();
            case IN_PROGRESS -> inProgress();
            case DECLINED -> {
                Referral referral = submitted();
                referral.decline(DeclineReason.NOT_ELIGIBLE, null, COORD, T0.plusSeconds(60));
                yield referral;
            }
            case REDIRECTED -> {
                Referral referral = submitted();
                redirect(referral);
                yield referral;
            }
            case COMPLETED -> {
                Referral referral = inProgress();
                referral.complete("suivi en place", COORD, T0.plusSeconds(600));
                yield referral;
            }
            case CANCELLED -> {
                Referral referral = submitted();
                referral.cancel(
                        "la personne a déménagé",
                        new Actor(
                                DR_MARTIN.id(), "dr-martin", "msp-bievre", Set.of("bievre"), false, false, true, false),
                        T0.plusSeconds(60));
                yield referral;
            }
        };
    }

    private static Referral.Redirection redirect(Referral referral) {
        return referral.redirect(
                "ref-2",
                CMP,
                DeclineReason.NO_CAPACITY,
                null,
                new Consent(true, T0, EPSM.id(), "epsm-bievre", "consent-2", true),
                T0.plus(Duration.ofDays(8)),
                EPSM,
                T0.plus(Duration.ofDays(1)));
    }

    // ---- the whole transition table: every step from every status ----

    /** Written out here, independently of the code under test: the step and the statuses it may start from. */
    private static final Map<String, Set<ReferralStatus>> ALLOWED = Map.of(
            "accept", EnumSet.of(ReferralStatus.SUBMITTED),
            "decline", EnumSet.of(ReferralStatus.SUBMITTED, ReferralStatus.ACCEPTED),
            "redirect", EnumSet.of(ReferralStatus.SUBMITTED, ReferralStatus.ACCEPTED),
            "first-contact", EnumSet.of(ReferralStatus.ACCEPTED),
            "complete", EnumSet.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS),
            "cancel", EnumSet.of(ReferralStatus.SUBMITTED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS));

    private static final Map<String, Function<Referral, Object>> STEPS = Map.of(
            "accept", referral -> referral.accept(COORD, T0.plusSeconds(3600)),
            "decline", referral -> referral.decline(DeclineReason.NO_CAPACITY, null, COORD, T0.plusSeconds(3600)),
            "redirect", ReferralTests::redirect,
            "first-contact", referral -> referral.recordFirstContact(null, COORD, T0.plusSeconds(3600)),
            "complete", referral -> referral.complete(null, COORD, T0.plusSeconds(3600)),
            "cancel", referral -> referral.cancel("plus besoin", COORD, T0.plusSeconds(3600)));

    private static final Map<String, ReferralStatus> LEADS_TO = Map.of(
            "accept", ReferralStatus.ACCEPTED,
            "decline", ReferralStatus.DECLINED,
            "redirect", ReferralStatus.REDIRECTED,
            "first-contact", ReferralStatus.IN_PROGRESS,
            "complete", ReferralStatus.COMPLETED,
            "cancel", ReferralStatus.CANCELLED);

    static Stream<Arguments> everyStepFromEveryStatus() {
        List<Arguments> cases = new ArrayList<>();
        for (String step : STEPS.keySet().stream().sorted().toList()) {
            for (ReferralStatus status : ReferralStatus.values()) {
                cases.add(Arguments.of(step, status, ALLOWED.get(step).contains(status)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} from {1}: allowed={2}")
    @MethodSource("everyStepFromEveryStatus")
    void everyTransitionIsAllowedOrAnIllegalTransitionNamingTheCurrentStatus(
            String step, ReferralStatus from, boolean allowed) {
        Referral referral = in(from);
        assertThat(referral.status()).isEqualTo(from);
        int historyBefore = referral.history().size();
        BusinessStatus businessBefore = referral.businessStatus();

        if (allowed) {
            STEPS.get(step).apply(referral);
            assertThat(referral.status()).isEqualTo(LEADS_TO.get(step));
            assertThat(referral.history()).hasSize(historyBefore + 1);
            assertThat(referral.history().getLast().status()).isEqualTo(LEADS_TO.get(step));
        } else {
            assertThatThrownBy(() -> STEPS.get(step).apply(referral))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.currentStatus()).isEqualTo(from);
                        assertThat(e.getMessage()).contains(from.name());
                    });
            assertThat(referral.status()).isEqualTo(from);
            assertThat(referral.businessStatus()).isEqualTo(businessBefore);
            assertThat(referral.history()).hasSize(historyBefore);
            assertThat(referral.redirectedTo()).isEqualTo(from == ReferralStatus.REDIRECTED ? "ref-2" : null);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = ReferralStatus.class,
            names = {"DECLINED", "REDIRECTED", "COMPLETED", "CANCELLED"})
    void terminalStatusesAreTerminal(ReferralStatus status) {
        assertThat(status.isTerminal()).isTrue();
        for (String step : STEPS.keySet()) {
            assertThat(ALLOWED.get(step)).doesNotContain(status);
        }
    }

    // ---- submission ----

    @Test
    void aSubmittedReferralIsReceivedTakesTheTargetsTerritoryAndKeepsItsConsentAndAnswerTarget() {
        Referral.Submission submission = Referral.submit(
                "ref-1", "person-1", WORKSHOP, Priority.URGENT, "isolement", DR_MARTIN, CONSENT, DUE, T0);
        Referral referral = submission.referral();

        assertThat(referral.status()).isEqualTo(ReferralStatus.SUBMITTED);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.RECEIVED);
        assertThat(referral.territory()).isEqualTo("bievre");
        assertThat(referral.resourceInstitution()).isEqualTo("lieu-dit");
        assertThat(referral.resourceType()).isEqualTo(ResourceType.WORKSHOP_PROGRAMME);
        assertThat(referral.consent()).isEqualTo(CONSENT);
        assertThat(referral.answerDueBy()).isEqualTo(DUE);
        assertThat(referral.overdueAt()).isNull();
        assertThat(referral.history()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(ReferralAction.SUBMITTED);
            assertThat(entry.at()).isEqualTo(T0);
            assertThat(entry.actor()).isEqualTo(DR_MARTIN.id());
            assertThat(entry.actorName()).isEqualTo("dr-martin");
            assertThat(entry.actorInstitution()).isEqualTo("msp-bievre");
            assertThat(entry.linkedReferralId()).isNull();
        });
        assertThat(submission.event())
                .isEqualTo(new ReferralEvent.ReferralSubmitted(
                        new ReferralEvent.Facts(
                                "ref-1",
                                "person-1",
                                "res-1",
                                ResourceType.WORKSHOP_PROGRAMME,
                                "lieu-dit",
                                "bievre",
                                Priority.URGENT,
                                "msp-bievre"),
                        DUE,
                        null,
                        T0));
    }

    @Test
    void noConsentNoReferral() {
        assertThatThrownBy(() -> Referral.submit(
                        "ref-1", "person-1", WORKSHOP, Priority.ROUTINE, "isolement", DR_MARTIN, null, DUE, T0))
                .isInstanceOfSatisfying(
                        ReferralRuleException.class, e -> assertThat(e.slug()).isEqualTo("consent-required"));
        Consent refused = new Consent(false, T0, DR_MARTIN.id(), "lieu-dit", null, true);
        assertThatThrownBy(() -> Referral.submit(
                        "ref-1", "person-1", WORKSHOP, Priority.ROUTINE, "isolement", DR_MARTIN, refused, DUE, T0))
                .isInstanceOf(ReferralRuleException.class);
    }

    // ---- the receiving side's steps ----

    @Test
    void acceptingRecordsWhoAcceptedIt() {
        Referral referral = submitted();

        List<ReferralEvent> events = referral.accept(COORD, T0.plusSeconds(60));

        assertThat(referral.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.RECEIVED);
        HistoryEntry last = referral.history().getLast();
        assertThat(last.action()).isEqualTo(ReferralAction.ACCEPTED);
        assertThat(last.at()).isEqualTo(T0.plusSeconds(60));
        assertThat(last.actor()).isEqualTo("coord-sub");
        assertThat(last.actorInstitution()).isEqualTo("cpts-bievre");
        assertThat(events).singleElement().isInstanceOfSatisfying(ReferralEvent.ReferralAccepted.class, accepted -> {
            assertThat(accepted.acceptedAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(accepted.facts().referrerInstitution()).isEqualTo("msp-bievre");
            assertThat(accepted.facts().resourceInstitution()).isEqualTo("lieu-dit");
        });
    }

    @Test
    void acceptingTwiceIsAnIllegalTransitionNamingTheCurrentStatus() {
        Referral referral = accepted();

        assertThatThrownBy(() -> referral.accept(COORD, T0.plusSeconds(120)))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.currentStatus()).isEqualTo(ReferralStatus.ACCEPTED);
                    assertThat(e.currentBusinessStatus()).isEqualTo(BusinessStatus.RECEIVED);
                    assertThat(e.action()).isEqualTo("accept");
                });
        assertThat(referral.history()).hasSize(2);
    }

    @Test
    void aDeclineKeepsItsReasonCodeAndCommentInTheHistoryAndOnlyTheCodeInTheEvent() {
        Referral referral = submitted();

        List<ReferralEvent> events =
                referral.decline(DeclineReason.OUT_OF_TERRITORY, "  habite à Lyon ", EPSM, T0.plusSeconds(60));

        assertThat(referral.status()).isEqualTo(ReferralStatus.DECLINED);
        assertThat(referral.closedAt()).isEqualTo(T0.plusSeconds(60));
        HistoryEntry last = referral.history().getLast();
        assertThat(last.action()).isEqualTo(ReferralAction.DECLINED);
        assertThat(last.reasonCode()).isEqualTo("OUT_OF_TERRITORY");
        assertThat(last.comment()).isEqualTo("habite à Lyon");
        assertThat(last.actorName()).isEqualTo("service-account-partner-epsm");
        assertThat(events)
                .singleElement()
                .isEqualTo(new ReferralEvent.ReferralDeclined(
                        referral.facts(), DeclineReason.OUT_OF_TERRITORY, T0.plusSeconds(60)));
    }

    @Test
    void declineOrRedirectForOtherNeedsACommentAndChangesNothingWithout() {
        Referral referral = submitted();

        assertThatThrownBy(() -> referral.decline(DeclineReason.OTHER, " ", COORD, T0.plusSeconds(60)))
                .isInstanceOfSatisfying(
                        ReferralRuleException.class, e -> assertThat(e.slug()).isEqualTo("comment-required"));
        assertThatThrownBy(() -> referral.redirect(
                        "ref-2", CMP, DeclineReason.OTHER, null, CONSENT, DUE, COORD, T0.plusSeconds(60)))
                .isInstanceOf(ReferralRuleException.class);

        assertThat(referral.status()).isEqualTo(ReferralStatus.SUBMITTED);
        assertThat(referral.history()).hasSize(1);
        referral.decline(DeclineReason.OTHER, "doublon avec un suivi libéral", COORD, T0.plusSeconds(60));
        assertThat(referral.status()).isEqualTo(ReferralStatus.DECLINED);
    }

    @Test
    void aRedirectionEndsThisReferralAndStartsALinkedOneForTheSamePersonAndReferrer() {
        Referral referral = accepted();
        Instant at = T0.plus(Duration.ofDays(1));

        Referral.Redirection redirection = redirect(referral);

        assertThat(referral.status()).isEqualTo(ReferralStatus.REDIRECTED);
        assertThat(referral.redirectedTo()).isEqualTo("ref-2");
        assertThat(referral.closedAt()).isEqualTo(at);
        HistoryEntry redirected = referral.history().getLast();
        assertThat(redirected.action()).isEqualTo(ReferralAction.REDIRECTED);
        assertThat(redirected.reasonCode()).isEqualTo("NO_CAPACITY");
        assertThat(redirected.linkedReferralId()).isEqualTo("ref-2");
        assertThat(redirected.actor()).isEqualTo(EPSM.id());

        Referral next = redirection.next();
        assertThat(next.id()).isEqualTo("ref-2");
        assertThat(next.status()).isEqualTo(ReferralStatus.SUBMITTED);
        assertThat(next.businessStatus()).isEqualTo(BusinessStatus.RECEIVED);
        assertThat(next.redirectedFrom()).isEqualTo("ref-1");
        assertThat(next.personRef()).isEqualTo("person-1");
        assertThat(next.referrer()).isEqualTo(DR_MARTIN);
        assertThat(next.priority()).isEqualTo(Priority.ROUTINE);
        assertThat(next.reason()).isEqualTo("isolement");
        assertThat(next.resourceId()).isEqualTo("res-2");
        assertThat(next.resourceInstitution()).isEqualTo("epsm-bievre");
        assertThat(next.consent().consentId()).isEqualTo("consent-2");
        assertThat(next.answerDueBy()).isEqualTo(T0.plus(Duration.ofDays(8)));
        assertThat(next.history()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(ReferralAction.SUBMITTED);
            assertThat(entry.actor()).isEqualTo(EPSM.id());
            assertThat(entry.linkedReferralId()).isEqualTo("ref-1");
            assertThat(entry.at()).isEqualTo(at);
        });

        assertThat(redirection.events())
                .singleElement()
                .isEqualTo(new ReferralEvent.ReferralRedirected(
                        referral.facts(), "ref-2", "res-2", DeclineReason.NO_CAPACITY, at));
        assertThat(redirection.nextEvent().redirectedFrom()).isEqualTo("ref-1");
        assertThat(redirection.nextEvent().facts().referrerInstitution()).isEqualTo("msp-bievre");
        assertThat(redirection.nextEvent().facts().resourceInstitution()).isEqualTo("epsm-bievre");
    }

    @Test
    void aReferralIsNotRedirectedToItsOwnResource() {
        Referral referral = submitted();

        assertThatThrownBy(() -> referral.redirect(
                        "ref-2", WORKSHOP, DeclineReason.NO_CAPACITY, null, CONSENT, DUE, COORD, T0.plusSeconds(60)))
                .isInstanceOfSatisfying(
                        ReferralRuleException.class, e -> assertThat(e.slug()).isEqualTo("same-resource"));
        assertThat(referral.status()).isEqualTo(ReferralStatus.SUBMITTED);
    }

    @Test
    void aRedirectionWithoutConsentForTheNewTargetChangesNothing() {
        Referral referral = submitted();

        assertThatThrownBy(() -> referral.redirect(
                        "ref-2", CMP, DeclineReason.NO_CAPACITY, null, null, DUE, COORD, T0.plusSeconds(60)))
                .isInstanceOf(ReferralRuleException.class);
        assertThat(referral.status()).isEqualTo(ReferralStatus.SUBMITTED);
        assertThat(referral.redirectedTo()).isNull();
    }

    @Test
    void theFirstContactPutsTheReferralInProgressOnceAtTheTimeGiven() {
        Referral referral = accepted();
        Instant contact = T0.plusSeconds(90);

        List<ReferralEvent> events = referral.recordFirstContact(contact, COORD, T0.plusSeconds(120));

        assertThat(referral.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.FIRST_CONTACT_MADE);
        assertThat(referral.firstContactAt()).isEqualTo(contact);
        assertThat(events)
                .singleElement()
                .isEqualTo(new ReferralEvent.FirstContactMade(referral.facts(), contact, T0.plusSeconds(120)));
        assertThatThrownBy(() -> referral.recordFirstContact(null, COORD, T0.plusSeconds(180)))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.currentStatus()).isEqualTo(ReferralStatus.IN_PROGRESS);
                    assertThat(e.currentBusinessStatus()).isEqualTo(BusinessStatus.FIRST_CONTACT_MADE);
                });
    }

    @Test
    void aFirstContactBeforeTheReferralOrInTheFutureIsRefused() {
        Referral referral = accepted();

        assertThatThrownBy(() -> referral.recordFirstContact(T0.minusSeconds(1), COORD, T0.plusSeconds(120)))
                .isInstanceOfSatisfying(
                        ReferralRuleException.class, e -> assertThat(e.slug()).isEqualTo("invalid-first-contact-time"));
        assertThatThrownBy(() -> referral.recordFirstContact(T0.plus(Duration.ofDays(2)), COORD, T0.plusSeconds(120)))
                .isInstanceOf(ReferralRuleException.class);
        assertThat(referral.status()).isEqualTo(ReferralStatus.ACCEPTED);
    }

    @Test
    void anEnrolledPersonsFirstContactIsRecordedToo() {
        Referral referral = accepted();
        referral.recordEnrolment("evt-1", T0.plusSeconds(120));

        referral.recordFirstContact(T0.plusSeconds(150), COORD, T0.plusSeconds(180));

        assertThat(referral.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.FIRST_CONTACT_MADE);
    }

    @Test
    void completionKeepsTheOutcomeForTheReferrer() {
        Referral referral = inProgress();

        List<ReferralEvent> events = referral.complete("Suivi CMP en place", COORD, T0.plusSeconds(600));

        assertThat(referral.status()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(referral.outcome()).isEqualTo("Suivi CMP en place");
        assertThat(referral.closedAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(referral.history().getLast().comment()).isEqualTo("Suivi CMP en place");
        assertThat(events).singleElement().isInstanceOf(ReferralEvent.ReferralCompleted.class);
    }

    @Test
    void aCancellationSaysWhy() {
        Referral referral = submitted();

        assertThatThrownBy(() -> referral.cancel(" ", COORD, T0.plusSeconds(60)))
                .isInstanceOfSatisfying(
                        ReferralRuleException.class, e -> assertThat(e.slug()).isEqualTo("reason-required"));
        assertThat(referral.status()).isEqualTo(ReferralStatus.SUBMITTED);

        List<ReferralEvent> events = referral.cancel("hospitalisé entre-temps", COORD, T0.plusSeconds(60));

        assertThat(referral.status()).isEqualTo(ReferralStatus.CANCELLED);
        assertThat(referral.history().getLast().comment()).isEqualTo("hospitalisé entre-temps");
        assertThat(events)
                .singleElement()
                .isEqualTo(new ReferralEvent.ReferralCancelled(referral.facts(), T0.plusSeconds(60)));
    }

    // ---- the answer target ----

    @Test
    void anUnansweredReferralIsOverdueOnceItsAnswerTargetHasPassed() {
        Referral referral = submitted();

        assertThat(referral.markOverdue(DUE.minusMillis(1))).isEmpty();
        List<ReferralEvent> events = referral.markOverdue(DUE.plusSeconds(5));

        assertThat(events)
                .singleElement()
                .isEqualTo(new ReferralEvent.ReferralOverdue(referral.facts(), DUE, DUE.plusSeconds(5)));
        assertThat(referral.overdueAt()).isEqualTo(DUE.plusSeconds(5));
        assertThat(referral.status()).isEqualTo(ReferralStatus.SUBMITTED);
        assertThat(referral.history().getLast().action()).isEqualTo(ReferralAction.OVERDUE);
        assertThat(referral.markOverdue(DUE.plusSeconds(60))).isEmpty();
        assertThat(referral.history()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(value = ReferralStatus.class, names = "SUBMITTED", mode = EnumSource.Mode.EXCLUDE)
    void anAnsweredReferralIsNeverOverdue(ReferralStatus status) {
        Referral referral = in(status);

        assertThat(referral.markOverdue(DUE.plus(Duration.ofDays(30)))).isEmpty();
        assertThat(referral.overdueAt()).isNull();
    }

    @Test
    void answerTargetsDefaultTo48HoursAndSevenDaysAndCanBeConfigured() {
        AnswerTargets defaults = new AnswerTargets(null);
        AnswerTargets faster = new AnswerTargets(Map.of(Priority.URGENT, Duration.ofHours(24)));

        assertThat(defaults.dueBy(Priority.URGENT, T0)).isEqualTo(T0.plus(Duration.ofHours(48)));
        assertThat(defaults.dueBy(Priority.ROUTINE, T0)).isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThat(faster.dueBy(Priority.URGENT, T0)).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(faster.dueBy(Priority.ROUTINE, T0)).isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThatThrownBy(() -> new AnswerTargets(Map.of(Priority.ROUTINE, Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- what workshop-service reports ----

    @Test
    void aConfirmedEnrolmentPutsTheReferralInProgressAndEnrolled() {
        Referral referral = accepted();

        List<ReferralEvent> events = referral.recordEnrolment("evt-1", T0.plusSeconds(120));

        assertThat(events).hasSize(1);
        assertThat(referral.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.ENROLLED);
        HistoryEntry last = referral.history().getLast();
        assertThat(last.action()).isEqualTo(ReferralAction.ENROLLED);
        assertThat(last.sourceEventId()).isEqualTo("evt-1");
        assertThat(last.actor()).isNull();
    }

    @Test
    void theSameEnrolmentEventTwiceChangesNothing() {
        Referral referral = accepted();
        referral.recordEnrolment("evt-1", T0.plusSeconds(120));

        assertThat(referral.recordEnrolment("evt-1", T0.plusSeconds(120))).isEmpty();
        assertThat(referral.recordEnrolment("evt-other", T0.plusSeconds(180))).isEmpty();
        assertThat(referral.history()).hasSize(3);
    }

    @Test
    void aWaitlistingKeepsTheReferralAcceptedAndSaysWaitlisted() {
        Referral referral = accepted();

        assertThat(referral.recordWaitlisting("evt-1", 2, T0.plusSeconds(120))).hasSize(1);
        assertThat(referral.recordWaitlisting("evt-1", 2, T0.plusSeconds(120))).isEmpty();

        assertThat(referral.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.WAITLISTED);
        assertThat(referral.history()).hasSize(3);
    }

    @Test
    void aLateWaitlistingNeverUndoesAnEnrolment() {
        Referral referral = accepted();
        referral.recordEnrolment("evt-confirmed", T0.plusSeconds(120));

        assertThat(referral.recordWaitlisting("evt-waitlisted", 1, T0.plusSeconds(60)))
                .isEmpty();

        assertThat(referral.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.ENROLLED);
    }

    @Test
    void aPlaceFreedLaterEnrolsAWaitlistedPerson() {
        Referral referral = accepted();
        referral.recordWaitlisting("evt-waitlisted", 1, T0.plusSeconds(120));

        referral.recordEnrolment("evt-confirmed", T0.plusSeconds(600));

        assertThat(referral.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.ENROLLED);
        assertThat(referral.history())
                .extracting(HistoryEntry::businessStatus)
                .containsExactly(
                        BusinessStatus.RECEIVED,
                        BusinessStatus.RECEIVED,
                        BusinessStatus.WAITLISTED,
                        BusinessStatus.ENROLLED);
    }

    @Test
    void anEnrolmentAfterTheFirstContactIsStillRecordedOnce() {
        Referral referral = inProgress();

        assertThat(referral.recordEnrolment("evt-1", T0.plusSeconds(600))).hasSize(1);
        assertThat(referral.recordEnrolment("evt-2", T0.plusSeconds(700))).isEmpty();

        assertThat(referral.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.ENROLLED);
    }

    @Test
    void anEnrolmentForAReferralNotYetAcceptedIsAnInconsistencyNotASilentChange() {
        Referral referral = submitted();

        assertThatThrownBy(() -> referral.recordEnrolment("evt-1", T0)).isInstanceOf(IllegalTransitionException.class);
        assertThat(referral.status()).isEqualTo(ReferralStatus.SUBMITTED);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.RECEIVED);
    }

    @ParameterizedTest
    @EnumSource(
            value = ReferralStatus.class,
            names = {"DECLINED", "REDIRECTED", "COMPLETED", "CANCELLED"})
    void anEnrolmentOrWaitlistingForAClosedReferralIsAnInconsistency(ReferralStatus status) {
        Referral referral = in(status);

        assertThatThrownBy(() -> referral.recordEnrolment("evt-1", T0.plusSeconds(900)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> referral.recordWaitlisting("evt-2", 1, T0.plusSeconds(900)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(referral.status()).isEqualTo(status);
    }

    // ---- what a workshop reports about the person's participation ----

    private static Referral enrolled() {
        Referral referral = accepted();
        referral.recordEnrolment("evt-confirmed", T0.plusSeconds(120));
        return referral;
    }

    @Test
    void missedSessionsShowAsSessionUnattendedAndKeepTheReferralInProgress() {
        Referral referral = enrolled();

        List<ReferralEvent> events = referral.recordParticipation(
                ReferralAction.SESSION_UNATTENDED, "evt-disengaged", null, T0.plusSeconds(900));

        assertThat(events)
                .containsExactly(new ReferralEvent.ParticipationRecorded(
                        "ref-1", "evt-disengaged", ReferralAction.SESSION_UNATTENDED, T0.plusSeconds(900)));
        assertThat(referral.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.SESSION_UNATTENDED);
        HistoryEntry last = referral.history().getLast();
        assertThat(last.action()).isEqualTo(ReferralAction.SESSION_UNATTENDED);
        assertThat(last.businessStatus()).isEqualTo(BusinessStatus.SESSION_UNATTENDED);
        assertThat(last.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(last.sourceEventId()).isEqualTo("evt-disengaged");
        assertThat(last.at()).isEqualTo(T0.plusSeconds(900));
        assertThat(last.actor()).isNull();
    }

    @Test
    void theSameParticipationEventTwiceIsRecordedOnceButASecondEpisodeIsRecordedToo() {
        Referral referral = enrolled();
        referral.recordParticipation(ReferralAction.SESSION_UNATTENDED, "evt-episode-1", null, T0.plusSeconds(900));

        assertThat(referral.recordParticipation(
                        ReferralAction.SESSION_UNATTENDED, "evt-episode-1", null, T0.plusSeconds(900)))
                .isEmpty();
        assertThat(referral.history()).hasSize(4);
        assertThat(referral.recordParticipation(
                        ReferralAction.SESSION_UNATTENDED, "evt-episode-2", null, T0.plusSeconds(9000)))
                .hasSize(1);
        assertThat(referral.history()).hasSize(5);
    }

    @ParameterizedTest
    @EnumSource(
            value = ReferralAction.class,
            names = {"WORKSHOP_WITHDRAWN", "GROUP_CANCELLED", "WORKSHOP_COMPLETED"})
    void theEndOfAWorkshopPlaceIsAHistoryStepThatLeavesTheReferralOpen(ReferralAction step) {
        Referral referral = enrolled();

        assertThat(referral.recordParticipation(step, "evt-end", "moved-away", T0.plusSeconds(900)))
                .hasSize(1);

        // Only the receiving side completes a referral (with its outcome), only the referrer cancels it.
        assertThat(referral.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(referral.closedAt()).isNull();
        assertThat(referral.businessStatus().name()).isEqualTo(step.name());
        HistoryEntry last = referral.history().getLast();
        assertThat(last.action()).isEqualTo(step);
        assertThat(last.reasonCode()).isEqualTo("moved-away");
        assertThat(last.comment()).isNull();
        assertThat(last.sourceEventId()).isEqualTo("evt-end");
    }

    @Test
    void aWaitlistedPersonsCancelledGroupKeepsTheReferralAccepted() {
        Referral referral = accepted();
        referral.recordWaitlisting("evt-waitlisted", 2, T0.plusSeconds(120));

        referral.recordParticipation(
                ReferralAction.GROUP_CANCELLED, "evt-cancelled", "minimum-not-reached", T0.plusSeconds(900));

        assertThat(referral.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.GROUP_CANCELLED);
    }

    @Test
    void aPlaceInAnotherGroupAfterTheFirstOneEndedIsANewEnrolment() {
        Referral referral = enrolled();
        referral.recordParticipation(
                ReferralAction.GROUP_CANCELLED, "evt-cancelled", "minimum-not-reached", T0.plusSeconds(900));

        assertThat(referral.recordWaitlisting("evt-waitlisted-2", 1, T0.plusSeconds(1000)))
                .hasSize(1);
        assertThat(referral.recordEnrolment("evt-confirmed-2", T0.plusSeconds(1200)))
                .hasSize(1);
        assertThat(referral.recordEnrolment("evt-confirmed-3", T0.plusSeconds(1300)))
                .isEmpty();

        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.ENROLLED);
        assertThat(referral.history())
                .extracting(HistoryEntry::action)
                .containsExactly(
                        ReferralAction.SUBMITTED,
                        ReferralAction.ACCEPTED,
                        ReferralAction.ENROLLED,
                        ReferralAction.GROUP_CANCELLED,
                        ReferralAction.WAITLISTED,
                        ReferralAction.ENROLLED);
    }

    @Test
    void missedSessionsDoNotEndThePlace() {
        Referral referral = enrolled();
        referral.recordParticipation(ReferralAction.SESSION_UNATTENDED, "evt-disengaged", null, T0.plusSeconds(900));

        assertThat(referral.recordWaitlisting("evt-late-waitlisting", 1, T0.plusSeconds(100)))
                .isEmpty();
        assertThat(referral.recordEnrolment("evt-other", T0.plusSeconds(1000))).isEmpty();
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.SESSION_UNATTENDED);
    }

    @Test
    void participationForAReferralNeverAcceptedIsAnInconsistency() {
        Referral referral = submitted();

        assertThatThrownBy(() -> referral.recordParticipation(
                        ReferralAction.SESSION_UNATTENDED, "evt-1", null, T0.plusSeconds(900)))
                .isInstanceOfSatisfying(
                        IllegalTransitionException.class,
                        e -> assertThat(e.currentStatus()).isEqualTo(ReferralStatus.SUBMITTED));
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.RECEIVED);
        assertThat(referral.history()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(
            value = ReferralStatus.class,
            names = {"DECLINED", "REDIRECTED", "COMPLETED", "CANCELLED"})
    void aClosedReferralTakesNoMoreWorkshopSteps(ReferralStatus status) {
        Referral referral = in(status);
        int before = referral.history().size();
        BusinessStatus businessBefore = referral.businessStatus();

        for (ReferralAction step : Referral.PARTICIPATION.keySet()) {
            assertThat(referral.recordParticipation(step, "evt-" + step, null, T0.plusSeconds(900)))
                    .isEmpty();
        }

        assertThat(referral.status()).isEqualTo(status);
        assertThat(referral.businessStatus()).isEqualTo(businessBefore);
        assertThat(referral.history()).hasSize(before);
    }

    @Test
    void onlyParticipationStepsAreRecordedAsParticipation() {
        Referral referral = enrolled();

        assertThatThrownBy(() -> referral.recordParticipation(ReferralAction.COMPLETED, "evt-1", null, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(referral.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
    }
}
