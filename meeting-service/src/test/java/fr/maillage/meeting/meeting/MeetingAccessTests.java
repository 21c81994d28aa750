package fr.maillage.meeting.meeting;

import static fr.maillage.meeting.meeting.TestMeetings.NOW;
import static fr.maillage.meeting.meeting.TestMeetings.START;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeetingAccessTests {

    private static final CurrentUser COORD_BIEVRE = user("coord", Set.of(Role.COORDINATOR), "bievre");
    private static final CurrentUser COORD_LYON = user("coord-lyon", Set.of(Role.COORDINATOR), "lyon-nord");
    private static final CurrentUser COPIL = user("copil", Set.of(Role.STEERING), "bievre");
    private static final CurrentUser ADMIN = user("admin", Set.of(Role.ADMIN), "bievre");
    private static final CurrentUser GP = user("gp", Set.of(Role.CLINICIAN), "bievre");
    private static final CurrentUser NURSE = user("ide", Set.of(Role.CLINICIAN, Role.FACILITATOR), "bievre");
    private static final CurrentUser STRANGER = user("someone", Set.of(Role.CLINICIAN), "bievre");
    private static final CurrentUser PARTNER = user("gp", Set.of(Role.PARTNER), "bievre");

    private static CurrentUser user(String id, Set<Role> roles, String territory) {
        return new CurrentUser(id, id, roles, "institution", Set.of(territory), null, null);
    }

    /** A case conference where the GP was present and the nurse, invited, was not; one case review. */
    private static Meeting caseConference() {
        Meeting meeting = TestMeetings.meeting(MeetingKind.CASE_CONFERENCE);
        meeting.addItem(new Meeting.NewItem(ItemKind.CASE_REVIEW, "p", null, null, null), true, "case", "c", NOW);
        meeting.addItem(
                new Meeting.NewItem(ItemKind.PROJECT_FOLLOW_UP, null, null, null, null), false, "project", "c", NOW);
        meeting.recordAttendance(List.of("gp", "psy"), "coord", START);
        return meeting;
    }

    @Test
    void participantsCoordinatorsOfTheTerritoryAndAdminsSeeAMeeting() {
        Meeting meeting = caseConference();

        assertThat(MeetingAccess.canSee(meeting, GP)).isTrue();
        assertThat(MeetingAccess.canSee(meeting, NURSE)).as("invited, absent").isTrue();
        assertThat(MeetingAccess.canSee(meeting, COORD_BIEVRE)).isTrue();
        assertThat(MeetingAccess.canSee(meeting, ADMIN)).isTrue();
        assertThat(MeetingAccess.canSee(meeting, COORD_LYON)).isFalse();
        assertThat(MeetingAccess.canSee(meeting, STRANGER)).isFalse();
        assertThat(MeetingAccess.canSee(meeting, PARTNER)).as("whatever its id").isFalse();
    }

    @Test
    void steeringMembersSeeTheSteeringCommitteesOfTheirTerritoryAndNothingElse() {
        assertThat(MeetingAccess.canSee(TestMeetings.meeting(MeetingKind.STEERING_COMMITTEE), COPIL))
                .isTrue();
        assertThat(MeetingAccess.canSee(TestMeetings.meeting(MeetingKind.PRACTICE_GROUP), COPIL))
                .isFalse();
        assertThat(MeetingAccess.canSee(caseConference(), COPIL)).isFalse();
        CurrentUser invitedCopil = user("gp", Set.of(Role.STEERING), "lyon-nord");
        assertThat(MeetingAccess.canSee(TestMeetings.meeting(MeetingKind.PRACTICE_GROUP), invitedCopil))
                .as("even invited")
                .isFalse();
    }

    @Test
    void caseNotesAreForThosePresentAndTheCoordinatorsOnly() {
        Meeting meeting = caseConference();
        AgendaItem caseReview = meeting.item("case").orElseThrow();
        AgendaItem project = meeting.item("project").orElseThrow();

        assertThat(MeetingAccess.canReadNotes(meeting, caseReview, GP)).isTrue();
        assertThat(MeetingAccess.canReadNotes(meeting, caseReview, COORD_BIEVRE))
                .isTrue();
        assertThat(MeetingAccess.canReadNotes(meeting, caseReview, NURSE))
                .as("absent")
                .isFalse();
        assertThat(MeetingAccess.canReadNotes(meeting, caseReview, ADMIN)).isFalse();
        assertThat(MeetingAccess.canReadNotes(meeting, caseReview, COPIL)).isFalse();
        assertThat(MeetingAccess.canReadNotes(meeting, project, NURSE))
                .as("not a case")
                .isTrue();
        assertThat(MeetingAccess.canWriteMinutes(meeting, GP)).isTrue();
        assertThat(MeetingAccess.canWriteMinutes(meeting, NURSE)).isFalse();
        assertThat(MeetingAccess.canWriteMinutes(meeting, ADMIN)).isFalse();
    }

    @Test
    void onlyCoordinatorsOfTheTerritoryAndAdminsOrganise() {
        Meeting meeting = caseConference();

        assertThat(MeetingAccess.canOrganise(meeting, COORD_BIEVRE)).isTrue();
        assertThat(MeetingAccess.canOrganise(meeting, ADMIN)).isTrue();
        assertThat(MeetingAccess.canOrganise(meeting, COORD_LYON)).isFalse();
        assertThat(MeetingAccess.canOrganise(meeting, GP)).isFalse();
    }
}
