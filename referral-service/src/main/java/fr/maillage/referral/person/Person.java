package fr.maillage.referral.person;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person known to the registry: an opaque personRef, the blind index that finds them again, and their
 * identity encrypted at rest. Nothing here is readable without the registry's keys.
 */
@Document("persons")
public class Person {

    @Id
    private String personRef;

    private String blindIndex;
    private byte[] encryptedIdentity;
    private Instant registeredAt;

    @Version
    private Long version;

    @PersistenceCreator
    private Person() {}

    static Person register(String personRef, String blindIndex, byte[] encryptedIdentity, Instant at) {
        Person person = new Person();
        person.personRef = personRef;
        person.blindIndex = blindIndex;
        person.encryptedIdentity = encryptedIdentity.clone();
        person.registeredAt = at;
        return person;
    }

    public String personRef() {
        return personRef;
    }

    String blindIndex() {
        return blindIndex;
    }

    byte[] encryptedIdentity() {
        return encryptedIdentity.clone();
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
