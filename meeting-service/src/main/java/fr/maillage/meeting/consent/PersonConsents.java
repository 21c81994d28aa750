package fr.maillage.meeting.consent;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The consents of one person, by consent id. Recorded and withdrawn events of a consent may arrive in
 * any order and more than once: a withdrawal is final whatever comes after it (a new consent has a new
 * id), and each event applied again changes nothing.
 */
@Document("person_consents")
public class PersonConsents {

    @Id
    private final String personRef;

    private final Map<String, Consent> consents;

    @Version
    private Long version;

    @PersistenceCreator
    PersonConsents(String personRef, Map<String, Consent> consents, Long version) {
        this.personRef = personRef;
        this.consents = consents == null ? new LinkedHashMap<>() : new LinkedHashMap<>(consents);
        this.version = version;
    }

    public static PersonConsents of(String personRef) {
        return new PersonConsents(personRef, null, null);
    }

    public String personRef() {
        return personRef;
    }

    public Map<String, Consent> consents() {
        return Map.copyOf(consents);
    }

    /** {@code consent-recorded.v1}: the consent exists; if its withdrawal was heard first, it stays withdrawn. */
    public void recorded(String consentId, String purpose) {
        Consent known = consents.get(consentId);
        consents.put(consentId, new Consent(purpose, known != null && known.withdrawn()));
    }

    /** {@code consent-withdrawn.v1}: the consent covers nothing any more, even if its recording comes later. */
    public void withdrawn(String consentId, String purpose) {
        Consent known = consents.get(consentId);
        consents.put(consentId, new Consent(known != null ? known.purpose() : purpose, true));
    }

    /** Whether a consent for CARE_TEAM_SHARING or CASE_CONFERENCE is recorded and not withdrawn. */
    public boolean coversCaseReview() {
        return consents.values().stream().anyMatch(Consent::coversCaseReview);
    }
}
