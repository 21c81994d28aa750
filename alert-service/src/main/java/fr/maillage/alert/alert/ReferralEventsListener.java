package fr.maillage.alert.alert;

import fr.maillage.platform.events.IncomingEvent;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Erasure (DESIGN §6): when referral-service erases a person, the alerts about them are anonymised.
 * Idempotent: an anonymised alert is not touched again. Other referral events are ignored.
 */
@Component
class ReferralEventsListener {

    static final String PERSON_ERASED = "fr.maillage.referral.person-erased.v1";

    private final AlertService alerts;

    ReferralEventsListener(AlertService alerts) {
        this.alerts = alerts;
    }

    @KafkaListener(topics = "referral.events.v1", groupId = "alert-service")
    void on(IncomingEvent event) {
        if (event.is(PERSON_ERASED)) {
            alerts.anonymise(event.data(PersonErased.class).personRef());
        }
    }

    /** What we read of {@code fr.maillage.referral.person-erased.v1}. */
    record PersonErased(@NotBlank String personRef, Instant erasedAt) {}
}
