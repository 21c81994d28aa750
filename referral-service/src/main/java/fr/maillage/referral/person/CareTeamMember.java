package fr.maillage.referral.person;

// PLACEHOLDER (issue 4 merge): contract §2, owned by the registry helper.
/**
 * One member of a person's care team.
 *
 * @param professionalId the member's {@code sub}; null for an institution-level member
 * @param source what brought them in, e.g. {@code referral:<id>}
 */
public record CareTeamMember(String professionalId, String institution, CareTeamRole role, String source) {}
