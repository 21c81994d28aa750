package fr.maillage.referral.person;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * The consents of registered persons: record one, and find the one that lets a referral go to a
 * resource. A bean of the person registry (see {@code PersonConfiguration}); each recorded consent is
 * published as {@code consent-recorded.v1} with the person's next save.
 */
public class Consents {

    private final PersonStore store;

    Consents(PersonStore store) {
        this.store = store;
    }

    /**
     * Records a consent the person gave.
     *
     * @throws UnknownPersonException when there is no such person, or they were erased
     */
    public ConsentRecord record(String personRef, ConsentRequest request, Recorder recordedBy, Instant at) {
        String consentId = UUID.randomUUID().toString();
        // MongoDB keeps milliseconds: the record returned is then the record stored and published.
        Instant givenAt = at.truncatedTo(ChronoUnit.MILLIS);
        return store.update(personRef, person -> {
                    if (person.isErased()) {
                        throw new UnknownPersonException(personRef);
                    }
                    PersonEvent.ConsentRecorded recorded =
                            person.recordConsent(consentId, request, recordedBy, givenAt);
                    return PersonStore.Change.of(recorded.consent(), recorded);
                })
                .orElseThrow(() -> new UnknownPersonException(personRef));
    }

    /**
     * The most recent consent, not withdrawn at {@code at}, that lists the resource or its institution;
     * empty for an unknown or erased person.
     */
    public Optional<ConsentRecord> covering(String personRef, String resourceId, String institution, Instant at) {
        return store.find(personRef).flatMap(person -> person.consentCovering(resourceId, institution, at));
    }
}
