package fr.maillage.referral.person;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Who is involved with a person, and in which territories they are followed: what decides who may read
 * the person's identity ({@link PersonAccessPolicy}). A bean of the person registry (see {@code
 * PersonConfiguration}).
 */
public class CareTeams {

    private final PersonStore store;

    CareTeams(PersonStore store) {
        this.store = store;
    }

    /**
     * Adds the member to the person's care team in {@code territory}. Idempotent: the same member in the
     * same territory is added once. An erased person's team is kept as it is.
     *
     * @throws UnknownPersonException when there is no such person
     */
    public void add(String personRef, CareTeamMember member, String territory, Instant at) {
        if (!addIfKnown(personRef, member, territory, at)) {
            throw new UnknownPersonException(personRef);
        }
    }

    /** As {@link #add}, for members learned from other services' events: false when the person is not ours. */
    boolean addIfKnown(String personRef, CareTeamMember member, String territory, Instant at) {
        Instant addedAt = at.truncatedTo(ChronoUnit.MILLIS);
        return store.update(
                        personRef,
                        person -> person.joinCareTeam(member, territory, addedAt)
                                ? PersonStore.Change.of(Boolean.TRUE)
                                : PersonStore.Change.none(Boolean.TRUE))
                .isPresent();
    }
}
