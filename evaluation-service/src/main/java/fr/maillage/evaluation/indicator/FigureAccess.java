package fr.maillage.evaluation.indicator;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;

/**
 * Who may see a territory's figures (indicators, targets, reports) and who may set its targets. A role that
 * can never do it is refused (403); a steering member or coordinator asking about a territory outside theirs
 * is told it is not there (404), so they do not learn whether it exists.
 */
public enum FigureAccess {
    ALLOWED,
    FORBIDDEN,
    OUT_OF_SCOPE;

    /** Figures: STEERING or COORDINATOR whose territories contain the territory, or ADMIN. */
    public static FigureAccess toRead(CurrentUser user, String territory) {
        if (!readsFigures(user)) {
            return FORBIDDEN;
        }
        return readsEveryTerritory(user) || user.coversTerritory(territory) ? ALLOWED : OUT_OF_SCOPE;
    }

    /** Whether the caller's roles ever let them read figures (of some territory). */
    public static boolean readsFigures(CurrentUser user) {
        return user.hasAnyRole(Role.ADMIN, Role.STEERING, Role.COORDINATOR);
    }

    /** Whether the caller reads every territory's figures. */
    public static boolean readsEveryTerritory(CurrentUser user) {
        return user.hasRole(Role.ADMIN);
    }

    /** Targets: STEERING of the territory, or ADMIN. */
    public static FigureAccess toSetTargets(CurrentUser user, String territory) {
        if (user.hasRole(Role.ADMIN)) {
            return ALLOWED;
        }
        if (!user.hasRole(Role.STEERING)) {
            return FORBIDDEN;
        }
        return user.coversTerritory(territory) ? ALLOWED : OUT_OF_SCOPE;
    }
}
