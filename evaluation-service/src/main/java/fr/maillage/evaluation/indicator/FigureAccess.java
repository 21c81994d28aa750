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
        if (user.hasRole(Role.ADMIN)) {
            return ALLOWED;
        }
        if (!user.hasAnyRole(Role.STEERING, Role.COORDINATOR)) {
            return FORBIDDEN;
        }
        return user.coversTerritory(territory) ? ALLOWED : OUT_OF_SCOPE;
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
