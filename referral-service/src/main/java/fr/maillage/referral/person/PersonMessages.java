package fr.maillage.referral.person;

import fr.maillage.platform.events.EventOutbox;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The published contract of the person registry on {@code referral.events.v1} (key = personRef).
 * Pseudonymous by construction: a personRef, ids and codes, never an identity (the schemas forbid extra
 * fields).
 */
@Component
class PersonMessages {

    static final String CONSENT_RECORDED = "fr.maillage.referral.consent-recorded.v1";
    static final String CONSENT_WITHDRAWN = "fr.maillage.referral.consent-withdrawn.v1";
    static final String PERSON_ERASED = "fr.maillage.referral.person-erased.v1";

    private final EventOutbox outbox;

    PersonMessages(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** Adds the integration events to the person's outbox; they leave with the next save. */
    void stage(Person person, List<? extends PersonEvent> events) {
        for (PersonEvent event : events) {
            person.pendingEvents()
                    .add(outbox.event(
                            type(event), event.personRef(), event.territory(), event.audience(), data(event)));
        }
    }

    static String type(PersonEvent event) {
        return switch (event) {
            case PersonEvent.ConsentRecorded recorded -> CONSENT_RECORDED;
            case PersonEvent.ConsentWithdrawn withdrawn -> CONSENT_WITHDRAWN;
            case PersonEvent.PersonErased erased -> PERSON_ERASED;
        };
    }

    static Object data(PersonEvent event) {
        return switch (event) {
            case PersonEvent.ConsentRecorded recorded ->
                new ConsentRecordedV1(
                        recorded.consent().id(),
                        recorded.consent().personRef(),
                        recorded.consent().purpose().name(),
                        List.copyOf(recorded.consent().institutions()),
                        List.copyOf(recorded.consent().resources()),
                        recorded.consent().givenAt().toString());
            case PersonEvent.ConsentWithdrawn withdrawn ->
                new ConsentWithdrawnV1(
                        withdrawn.consent().id(),
                        withdrawn.consent().personRef(),
                        withdrawn.consent().purpose().name(),
                        withdrawn.consent().withdrawnAt().toString());
            case PersonEvent.PersonErased erased ->
                new PersonErasedV1(erased.personRef(), erased.erasedAt().toString());
        };
    }

    /** {@code events/fr.maillage.referral.consent-recorded.v1.json}. */
    record ConsentRecordedV1(
            String consentId,
            String personRef,
            String purpose,
            List<String> institutions,
            List<String> resources,
            String givenAt) {}

    /** {@code events/fr.maillage.referral.consent-withdrawn.v1.json}. */
    record ConsentWithdrawnV1(String consentId, String personRef, String purpose, String withdrawnAt) {}

    /** {@code events/fr.maillage.referral.person-erased.v1.json}. */
    record PersonErasedV1(String personRef, String erasedAt) {}
}
