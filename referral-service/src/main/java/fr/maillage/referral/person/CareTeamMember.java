package fr.maillage.referral.person;

import java.util.Objects;

/**
 * Someone involved with a person: a professional (by token {@code sub}) or a whole institution.
 *
 * @param professionalId the professional's {@code sub}; null for an institution-level member
 * @param institution the member's institution; required for an institution-level member
 * @param source what made them a member, e.g. {@code referral:<id>} (may be null)
 */
public record CareTeamMember(String professionalId, String institution, CareTeamRole role, String source) {

    public CareTeamMember {
        Objects.requireNonNull(role, "role");
        if (isBlank(professionalId) && isBlank(institution)) {
            throw new IllegalArgumentException("A care team member is a professional or an institution");
        }
        professionalId = isBlank(professionalId) ? null : professionalId;
        institution = isBlank(institution) ? null : institution;
    }

    /** A member that stands for everyone of its institution. */
    public boolean isInstitutionLevel() {
        return professionalId == null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
