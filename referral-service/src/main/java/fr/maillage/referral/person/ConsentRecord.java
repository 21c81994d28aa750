package fr.maillage.referral.person;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A person's consent as recorded: what for, which institutions and resources it covers, who recorded it
 * and, once withdrawn, when and by whom. It covers a target while it is not withdrawn and lists the
 * target's resource id or institution.
 *
 * @param recordedBy the {@code sub} of who recorded it
 * @param withdrawnBy the {@code sub} of who recorded the withdrawal
 */
public record ConsentRecord(
        String id,
        String personRef,
        ConsentPurpose purpose,
        Set<String> institutions,
        Set<String> resources,
        Instant givenAt,
        String recordedBy,
        String recordedByInstitution,
        Instant withdrawnAt,
        String withdrawnBy) {

    public ConsentRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(personRef, "personRef");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(givenAt, "givenAt");
        institutions = ConsentRequest.sorted(institutions);
        resources = ConsentRequest.sorted(resources);
    }

    static ConsentRecord given(String id, String personRef, ConsentRequest request, Recorder recorder, Instant at) {
        return new ConsentRecord(
                id,
                personRef,
                request.purpose(),
                request.institutions(),
                request.resources(),
                at,
                recorder.id(),
                recorder.institution(),
                null,
                null);
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    /** Not withdrawn at {@code at} (a withdrawal only counts from its own time on). */
    public boolean isActiveAt(Instant at) {
        return withdrawnAt == null || withdrawnAt.isAfter(at);
    }

    /** Lists the resource or its institution. */
    public boolean covers(String resourceId, String institution) {
        return (resourceId != null && resources.contains(resourceId))
                || (institution != null && institutions.contains(institution));
    }

    ConsentRecord withdrawn(String by, Instant at) {
        if (isWithdrawn()) {
            throw new IllegalStateException("Consent " + id + " is already withdrawn");
        }
        return new ConsentRecord(
                id,
                personRef,
                purpose,
                institutions,
                resources,
                givenAt,
                recordedBy,
                recordedByInstitution,
                at,
                Objects.requireNonNull(by, "by"));
    }
}
