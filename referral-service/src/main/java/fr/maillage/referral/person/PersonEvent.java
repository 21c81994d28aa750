package fr.maillage.referral.person;

import java.time.Instant;
import java.util.Set;

/**
 * What happened to a person in the registry, as the {@link Person} aggregate reports it. Each names its
 * audience (the institutions entitled to hear of it) and the territory the person is followed in, when
 * there is exactly one.
 */
public sealed interface PersonEvent {

    String personRef();

    Set<String> audience();

    String territory();

    record ConsentRecorded(ConsentRecord consent, Set<String> audience, String territory) implements PersonEvent {
        @Override
        public String personRef() {
            return consent.personRef();
        }
    }

    record ConsentWithdrawn(ConsentRecord consent, Set<String> audience, String territory) implements PersonEvent {
        @Override
        public String personRef() {
            return consent.personRef();
        }
    }

    record PersonErased(String personRef, Instant erasedAt, Set<String> audience, String territory)
            implements PersonEvent {}
}
