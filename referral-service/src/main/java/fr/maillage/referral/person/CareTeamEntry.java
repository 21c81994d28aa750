package fr.maillage.referral.person;

import java.time.Instant;
import java.util.Objects;

/**
 * One membership of a person's care team, as stored: the member, the territory the person is followed
 * in through it, and since when. Holds ids and codes only, no name.
 */
public record CareTeamEntry(
        String professionalId,
        String institution,
        CareTeamRole role,
        String source,
        String territory,
        Instant addedAt) {

    public CareTeamEntry {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(territory, "territory");
    }

    static CareTeamEntry of(CareTeamMember member, String territory, Instant at) {
        return new CareTeamEntry(
                member.professionalId(), member.institution(), member.role(), member.source(), territory, at);
    }

    public CareTeamMember member() {
        return new CareTeamMember(professionalId, institution, role, source);
    }

    /** The same membership (adding it again changes nothing). */
    boolean sameAs(CareTeamMember member, String territory) {
        return member().equals(member) && this.territory.equals(territory);
    }
}
