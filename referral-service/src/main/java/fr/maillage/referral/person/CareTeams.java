package fr.maillage.referral.person;

import java.time.Instant;

// PLACEHOLDER (issue 4 merge): contract §2, owned by the registry helper, whose CareTeams replaces this one.
/** Who is involved with a person, and the territories they are followed in. */
public class CareTeams {

    /** Idempotent: the same member twice is one member. */
    public void add(String personRef, CareTeamMember member, String territory, Instant at) {}
}
