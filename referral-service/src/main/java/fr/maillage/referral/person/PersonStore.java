package fr.maillage.referral.person;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.stereotype.Component;

/**
 * The person registry's entry point: {@link #register} turns an identity into a personRef, the same one
 * for the same person (blind index, unique in the store). Identities are only ever written encrypted.
 * Every other change of a person goes through {@link #update}, one document write with its events.
 */
@Component
public class PersonStore {

    static final String BLIND_INDEX = "persons_blind_index_sparse";
    private static final String NON_SPARSE_BLIND_INDEX = "persons_blind_index";
    private static final int ATTEMPTS_ON_CONFLICT = 10;

    private final PersonRepository persons;
    private final IdentityProtection protection;
    private final PersonMessages messages;

    PersonStore(PersonRepository persons, IdentityProtection protection, PersonMessages messages, MongoTemplate mongo) {
        this.persons = persons;
        this.protection = protection;
        this.messages = messages;
        createIndexes(mongo);
    }

    private static void createIndexes(MongoTemplate mongo) {
        var indexes = mongo.indexOps(Person.class);
        // Erased persons have no blind index: a non-sparse unique index would let only one of them exist.
        // The first version of the index was not sparse; replace it where a store still has it.
        if (indexes.getIndexInfo().stream().map(IndexInfo::getName).anyMatch(NON_SPARSE_BLIND_INDEX::equals)) {
            try {
                indexes.dropIndex(NON_SPARSE_BLIND_INDEX);
            } catch (RuntimeException droppedByAnotherInstance) {
                // Two instances starting together: one of them dropped it, which is all that matters.
            }
        }
        // The unique index is what makes duplicate detection hold under concurrent registrations.
        indexes.createIndex(
                new Index("blindIndex", Sort.Direction.ASC).unique().sparse().named(BLIND_INDEX));
    }

    /** The personRef of this identity: the existing one if the person is known, else a new one. */
    public String register(Identity identity, Instant at) {
        return registration(identity, at).personRef();
    }

    /** A personRef, and whether this call created it. */
    record Registration(String personRef, boolean created) {}

    Registration registration(Identity identity, Instant at) {
        String blindIndex = protection.blindIndex(identity);
        return persons.findByBlindIndex(blindIndex)
                .map(person -> new Registration(person.personRef(), false))
                .orElseGet(() -> insert(identity, blindIndex, at));
    }

    private Registration insert(Identity identity, String blindIndex, Instant at) {
        String personRef = UUID.randomUUID().toString();
        try {
            persons.insert(Person.register(personRef, blindIndex, protection.encrypt(personRef, identity), at));
            return new Registration(personRef, true);
        } catch (DuplicateKeyException raced) {
            // Another request registered the same person meanwhile: theirs is the personRef.
            return new Registration(
                    persons.findByBlindIndex(blindIndex).orElseThrow().personRef(), false);
        }
    }

    /** The person, erased or not. */
    Optional<Person> find(String personRef) {
        return personRef == null ? Optional.empty() : persons.findById(personRef);
    }

    /** The decrypted identity; empty once erased. */
    Optional<Identity> identity(Person person) {
        return person.encryptedIdentity().map(ciphertext -> protection.decrypt(person.personRef(), ciphertext));
    }

    /** What a change did to a person: its result, the events it caused, and whether there is anything to save. */
    record Change<T>(T result, List<PersonEvent> events, boolean changed) {

        static <T> Change<T> of(T result, PersonEvent... events) {
            return new Change<>(result, List.of(events), true);
        }

        static <T> Change<T> none(T result) {
            return new Change<>(result, List.of(), false);
        }
    }

    /**
     * Applies {@code change} to the person and saves it with the events it caused, in one document write;
     * a concurrent change of the same person makes it start again from a fresh copy.
     *
     * @return the change's result (never null), empty when there is no such person
     */
    <T> Optional<T> update(String personRef, Function<Person, Change<T>> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<Person> found = find(personRef);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Person person = found.get();
            Change<T> outcome = change.apply(person);
            if (!outcome.changed()) {
                return Optional.of(outcome.result());
            }
            messages.stage(person, outcome.events());
            try {
                persons.save(person);
                return Optional.of(outcome.result());
            } catch (OptimisticLockingFailureException concurrentChange) {
                if (attempt >= ATTEMPTS_ON_CONFLICT) {
                    throw concurrentChange;
                }
            }
        }
    }
}
