package fr.maillage.referral.person;

import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The person registry's entry point: {@link #register} turns an identity into a personRef, the same one
 * for the same person (blind index, unique in the store). Identities are only ever written encrypted.
 */
@Component
public class PersonStore {

    private final PersonRepository persons;
    private final IdentityProtection protection;

    PersonStore(PersonRepository persons, IdentityProtection protection, MongoTemplate mongo) {
        this.persons = persons;
        this.protection = protection;
        // The unique index is what makes duplicate detection hold under concurrent referrals.
        mongo.indexOps(Person.class)
                .createIndex(
                        new Index("blindIndex", Sort.Direction.ASC).unique().named("persons_blind_index"));
    }

    /** The personRef of this identity: the existing one if the person is known, else a new one. */
    public String register(Identity identity, Instant at) {
        String blindIndex = protection.blindIndex(identity);
        return persons.findByBlindIndex(blindIndex)
                .map(Person::personRef)
                .orElseGet(() -> insert(identity, blindIndex, at));
    }

    private String insert(Identity identity, String blindIndex, Instant at) {
        String personRef = UUID.randomUUID().toString();
        try {
            persons.insert(Person.register(personRef, blindIndex, protection.encrypt(personRef, identity), at));
            return personRef;
        } catch (DuplicateKeyException raced) {
            // Another request registered the same person meanwhile: theirs is the personRef.
            return persons.findByBlindIndex(blindIndex).orElseThrow().personRef();
        }
    }
}
