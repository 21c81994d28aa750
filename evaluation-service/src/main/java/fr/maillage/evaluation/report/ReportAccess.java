package fr.maillage.evaluation.report;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;

/**
 * Who reads a territory's figures (its indicators and reports): the steering members and coordinators of
 * that territory, and admins. A role that never reads figures (clinicians, facilitators, partner systems)
 * is refused; a steering member or coordinator asking about another territory is told it does not exist,
 * so they cannot learn whether it has reports.
 */
public final class ReportAccess {

    /** What a caller may do with a territory's figures. */
    public enum Decision {
        /** Reads and publishes them. */
        ALLOWED,
        /** Never reads figures, whatever the territory (403). */
        FORBIDDEN,
        /** Reads figures, but not this territory's (404). */
        OUT_OF_SCOPE
    }

    private ReportAccess() {}

    /** Whether the caller's roles ever let them read figures. */
    public static boolean readsFigures(CurrentUser user) {
        return user.hasAnyRole(Role.ADMIN, Role.STEERING, Role.COORDINATOR);
    }

    /** Whether the caller reads every territory's figures. */
    public static boolean readsEveryTerritory(CurrentUser user) {
        return user.hasRole(Role.ADMIN);
    }

    public static Decision decide(CurrentUser user, String territory) {
        if (!readsFigures(user)) {
            return Decision.FORBIDDEN;
        }
        if (readsEveryTerritory(user) || user.coversTerritory(territory)) {
            return Decision.ALLOWED;
        }
        return Decision.OUT_OF_SCOPE;
    }
}
