package fr.maillage.alert.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Alerts in every status, built through the aggregate's own steps, for the unit tests. */
final class AlertFixtures {

    static final Instant RAISED_AT = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration SECOND_LEVEL_AFTER = Duration.ofHours(2);
    static final FakeResponsePlanning PLANNING = new FakeResponsePlanning();
    static final String COORDINATOR = "coord-sub";
    static final String PERSON = "5d0c4a6e-7b8f-4c21-9a55-0a1b2c3d4e5f";

    private AlertFixtures() {}

    static Emitter emitter(boolean wantsFeedback) {
        return new Emitter(
                EmitterKind.PARTNER_INSTITUTION,
                "Dr Éva Martin",
                "EPSM",
                "04 76 00 00 00",
                wantsFeedback,
                "epsm-bievre");
    }

    static Raising raising(Emitter emitter, RiskFactor... risks) {
        return new Raising(
                Channel.PARTNER_API,
                "bievre",
                "38130",
                emitter,
                PERSON,
                null,
                "A situation only staff may read",
                List.of(risks),
                true);
    }

    /** Suggested B (suicidal ideation without support), wants feedback. */
    static Alert raised() {
        return raised(emitter(true));
    }

    static Alert raised(Emitter emitter) {
        return Alert.raise(
                        UUID.randomUUID().toString(),
                        raising(emitter, RiskFactor.SUICIDAL_IDEATION, RiskFactor.NO_SUPPORT),
                        "partner-sub",
                        RAISED_AT,
                        PLANNING,
                        List.of())
                .alert();
    }

    static Alert qualified() {
        Alert alert = raised();
        alert.qualify(
                Urgency.B,
                ResponseLevel.CMP_APPOINTMENT,
                "why",
                null,
                COORDINATOR,
                RAISED_AT.plusSeconds(60),
                PLANNING);
        return alert;
    }

    static Alert assigned() {
        Alert alert = qualified();
        alert.assign(null, COORDINATOR, RAISED_AT.plusSeconds(120), PLANNING);
        return alert;
    }

    static Alert responded() {
        Alert alert = assigned();
        alert.respond(
                List.of(ResponseAction.CONTACT_MADE),
                "called",
                null,
                null,
                null,
                "clinician-sub",
                RAISED_AT.plusSeconds(600));
        return alert;
    }

    static Alert closed() {
        Alert alert = responded();
        alert.recordFeedback("done", FeedbackChannel.PHONE, COORDINATOR, RAISED_AT.plusSeconds(700));
        alert.close(Outcome.RESOLVED, null, false, COORDINATOR, RAISED_AT.plusSeconds(800));
        return alert;
    }

    static Alert in(AlertStatus status) {
        return switch (status) {
            case RAISED -> raised();
            case QUALIFIED -> qualified();
            case ASSIGNED -> assigned();
            case RESPONDED -> responded();
            case CLOSED -> closed();
        };
    }
}
