package fr.maillage.referral.person;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

// PLACEHOLDER (issue 4 merge): contract §2, owned by the registry helper; the smallest working version so the
// referral package can be built and tested. The registry's own Consents replaces it at merge.
/** The consents of persons: recorded, and the one covering a target. */
public class Consents {

    private final ConsentPlaceholderStore store;

    Consents(ConsentPlaceholderStore store) {
        this.store = store;
    }

    public ConsentRecord record(String personRef, ConsentRequest request, Recorder recordedBy, Instant at) {
        return store.insert(new ConsentRecord(
                UUID.randomUUID().toString(),
                personRef,
                request.purpose(),
                request.institutions(),
                request.resources(),
                at,
                recordedBy.id(),
                recordedBy.institution(),
                null,
                null));
    }

    public Optional<ConsentRecord> covering(String personRef, String resourceId, String institution, Instant at) {
        return store.covering(personRef, resourceId, institution, at);
    }
}
