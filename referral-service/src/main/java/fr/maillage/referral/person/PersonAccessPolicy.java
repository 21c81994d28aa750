package fr.maillage.referral.person;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;

/**
 * Who may see a person's identity, care team and consents (DESIGN §6): the care team and the
 * coordinators of the territories the person is followed in. Everyone else, admins and steering
 * included, is told the person does not exist (404).
 */
public final class PersonAccessPolicy {

    private PersonAccessPolicy() {}

    public static boolean canSee(Person person, CurrentUser user) {
        if (person.isErased()) {
            return false;
        }
        if (user.hasRole(Role.COORDINATOR) && person.territories().stream().anyMatch(user::coversTerritory)) {
            return true;
        }
        return person.careTeam().stream().anyMatch(entry -> isMember(entry, user));
    }

    private static boolean isMember(CareTeamEntry entry, CurrentUser user) {
        if (entry.professionalId() != null) {
            // The professional themself, in any care role (a facilitator is one).
            return entry.professionalId().equals(user.id())
                    && user.hasAnyRole(Role.CLINICIAN, Role.PARTNER, Role.COORDINATOR, Role.FACILITATOR);
        }
        // An institution-level member stands for the staff and partner systems of that institution who
        // handle people, not for its steering or its admins.
        return entry.institution().equals(user.institution())
                && user.hasAnyRole(Role.CLINICIAN, Role.PARTNER, Role.COORDINATOR);
    }
}
