package fr.maillage.referral.person;

import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.events.PublishesEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person known to the registry: an opaque personRef, the blind index that finds them again, their
 * identity encrypted at rest, the care team involved with them and the consents they gave. Nothing here
 * is readable without the registry's keys, and once erased the identity and the blind index are gone for
 * good (the personRef, consents and care team stay: they hold no name).
 */
@Document("persons")
public class Person implements PublishesEvents {

    @Id
    private String personRef;

    private String blindIndex;
    private byte[] encryptedIdentity;
    private Instant registeredAt;
    private Instant erasedAt;
    private List<CareTeamEntry> careTeam = new ArrayList<>();
    private List<ConsentRecord> consents = new ArrayList<>();

    @Version
    private Long version;

    // Not final: Spring Data sets it when reading a document that still has events to publish.
    private List<OutboundEvent> pendingEvents = new ArrayList<>();

    @PersistenceCreator
    private Person() {}

    static Person register(String personRef, String blindIndex, byte[] encryptedIdentity, Instant at) {
        Person person = new Person();
        person.personRef = Objects.requireNonNull(personRef, "personRef");
        person.blindIndex = Objects.requireNonNull(blindIndex, "blindIndex");
        person.encryptedIdentity = encryptedIdentity.clone();
        person.registeredAt = at;
        return person;
    }

    /**
     * Adds a member to the care team; the same member in the same territory twice is one membership.
     *
     * @return whether the team changed (never after an erasure: the team is kept, not extended)
     */
    public boolean joinCareTeam(CareTeamMember member, String territory, Instant at) {
        Objects.requireNonNull(member, "member");
        if (territory == null || territory.isBlank()) {
            throw new IllegalArgumentException("A care team membership names the territory the person is followed in");
        }
        if (isErased() || careTeam.stream().anyMatch(entry -> entry.sameAs(member, territory))) {
            return false;
        }
        careTeam.add(CareTeamEntry.of(member, territory, at));
        return true;
    }

    /** Records a consent the person gave. */
    public PersonEvent.ConsentRecorded recordConsent(
            String consentId, ConsentRequest request, Recorder recordedBy, Instant at) {
        requireNotErased("record a consent for");
        if (consent(consentId).isPresent()) {
            throw new IllegalArgumentException("Consent " + consentId + " exists already");
        }
        ConsentRecord consent = ConsentRecord.given(consentId, personRef, request, recordedBy, at);
        consents.add(consent);
        return new PersonEvent.ConsentRecorded(consent, consentAudience(consent), territory());
    }

    /**
     * Withdraws a consent: it stops covering anything from {@code at} on.
     *
     * @throws java.util.NoSuchElementException when the person has no such consent
     * @throws IllegalStateException when it is already withdrawn
     */
    public PersonEvent.ConsentWithdrawn withdrawConsent(String consentId, String withdrawnBy, Instant at) {
        ConsentRecord current = consent(consentId).orElseThrow();
        ConsentRecord withdrawn = current.withdrawn(withdrawnBy, at);
        consents.set(consents.indexOf(current), withdrawn);
        return new PersonEvent.ConsentWithdrawn(withdrawn, consentAudience(withdrawn), territory());
    }

    /** The most recent consent covering the resource or its institution at {@code at}, if any. */
    public Optional<ConsentRecord> consentCovering(String resourceId, String institution, Instant at) {
        if (isErased()) {
            return Optional.empty();
        }
        return consents.stream()
                .filter(consent -> consent.isActiveAt(at) && consent.covers(resourceId, institution))
                .max(Comparator.comparing(ConsentRecord::givenAt));
    }

    /**
     * Erases the identity and the blind index (re-registering the same identity then gives a new
     * personRef). Told to every institution that knows the person: the care team's and the consents'.
     *
     * @throws IllegalStateException when already erased
     */
    public PersonEvent.PersonErased erase(Instant at) {
        requireNotErased("erase");
        blindIndex = null;
        encryptedIdentity = null;
        erasedAt = Objects.requireNonNull(at, "at");
        return new PersonEvent.PersonErased(personRef, at, institutions(), territory());
    }

    private void requireNotErased(String action) {
        if (isErased()) {
            throw new IllegalStateException("Cannot " + action + " person " + personRef + ": erased");
        }
    }

    private Set<String> consentAudience(ConsentRecord consent) {
        // The institutions it covers, and the recorder's, which also needs to know it holds.
        Set<String> audience = new TreeSet<>(consent.institutions());
        if (consent.recordedByInstitution() != null) {
            audience.add(consent.recordedByInstitution());
        }
        return audience;
    }

    /** Every institution involved with the person: care team members and consent targets or recorders. */
    public Set<String> institutions() {
        Set<String> institutions = new TreeSet<>();
        careTeam.stream()
                .map(CareTeamEntry::institution)
                .filter(Objects::nonNull)
                .forEach(institutions::add);
        consents.stream()
                .flatMap(consent -> Stream.concat(
                        consent.institutions().stream(), Stream.ofNullable(consent.recordedByInstitution())))
                .forEach(institutions::add);
        return institutions;
    }

    /** The territories the person is followed in (those of the care team). */
    public Set<String> territories() {
        Set<String> territories = new TreeSet<>();
        careTeam.forEach(entry -> territories.add(entry.territory()));
        return territories;
    }

    /** The territory event extension: the person's only territory, or null when they have none or several. */
    private String territory() {
        Set<String> territories = territories();
        return territories.size() == 1 ? territories.iterator().next() : null;
    }

    public String personRef() {
        return personRef;
    }

    String blindIndex() {
        return blindIndex;
    }

    /** The ciphertext of the identity; empty once erased. */
    Optional<byte[]> encryptedIdentity() {
        return Optional.ofNullable(encryptedIdentity).map(byte[]::clone);
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    public List<CareTeamEntry> careTeam() {
        return List.copyOf(careTeam);
    }

    public List<ConsentRecord> consents() {
        return List.copyOf(consents);
    }

    public Optional<ConsentRecord> consent(String consentId) {
        return consents.stream()
                .filter(consent -> consent.id().equals(consentId))
                .findFirst();
    }

    public long version() {
        return version == null ? 0 : version;
    }

    @Override
    public List<OutboundEvent> pendingEvents() {
        return pendingEvents;
    }
}
