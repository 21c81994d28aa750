package fr.maillage.meeting.meeting;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;

/**
 * Who may see and do what with a meeting (least privilege, DESIGN §6). A meeting is seen by its invited
 * participants, the coordinators of its territory and admins; a steering committee also by the steering
 * members of its territory, who see no other kind. Case notes (of CASE_REVIEW items) are read and written
 * by those present and the coordinators of the territory only. Anyone else is told the meeting does not
 * exist.
 */
public final class MeetingAccess {

    private MeetingAccess() {}

    public static boolean canSee(Meeting meeting, CurrentUser user) {
        if (user.isPartner()) {
            return false;
        }
        if (user.hasRole(Role.ADMIN) || coordinates(meeting, user)) {
            return true;
        }
        if (meeting.kind() == MeetingKind.STEERING_COMMITTEE
                && user.hasRole(Role.STEERING)
                && user.coversTerritory(meeting.territory())) {
            return true;
        }
        return meeting.isInvited(user.id())
                && (meeting.kind() == MeetingKind.STEERING_COMMITTEE || !steeringOnly(user));
    }

    /** Coordinators of the meeting's territory: they run its agenda, attendance and minutes. */
    public static boolean coordinates(Meeting meeting, CurrentUser user) {
        return user.hasRole(Role.COORDINATOR) && user.coversTerritory(meeting.territory());
    }

    /** Coordinators of the territory and admins: they schedule, move, cancel, keep and drop. */
    public static boolean canOrganise(Meeting meeting, CurrentUser user) {
        return user.hasRole(Role.ADMIN) || coordinates(meeting, user);
    }

    /** Whether the user reads this item's notes (and its decisions' texts). */
    public static boolean canReadNotes(Meeting meeting, AgendaItem item, CurrentUser user) {
        if (!canSee(meeting, user)) {
            return false;
        }
        return !item.isCaseReview() || caseTeam(meeting, user);
    }

    /** Coordinators of the territory and those present write the minutes: notes and decisions. */
    public static boolean canWriteMinutes(Meeting meeting, CurrentUser user) {
        return canSee(meeting, user) && caseTeam(meeting, user);
    }

    // Those present at that meeting and the territory's coordinators; a steering member never.
    private static boolean caseTeam(Meeting meeting, CurrentUser user) {
        if (steeringOnly(user) && meeting.kind() != MeetingKind.STEERING_COMMITTEE) {
            return false;
        }
        return coordinates(meeting, user) || meeting.isPresent(user.id());
    }

    private static boolean steeringOnly(CurrentUser user) {
        return user.hasRole(Role.STEERING)
                && !user.hasAnyRole(Role.COORDINATOR, Role.CLINICIAN, Role.FACILITATOR, Role.ADMIN);
    }
}
