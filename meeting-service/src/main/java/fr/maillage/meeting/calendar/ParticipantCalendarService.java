package fr.maillage.meeting.calendar;

import fr.maillage.meeting.meeting.Meeting;
import fr.maillage.meeting.meeting.MeetingAccess;
import fr.maillage.meeting.meeting.MeetingService;
import fr.maillage.meeting.meeting.MeetingStatus;
import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import fr.maillage.platform.web.Problems;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A participant's calendar as its reader may see it: the participant themself and admins every meeting
 * they are invited to (a steering member only steering committees), a coordinator those of their
 * territories; anyone else, or a coordinator with none of them in their territories, is told it does not
 * exist.
 */
@Service
class ParticipantCalendarService {

    private final MeetingService meetings;
    private final IcsFeed feed;
    private final Clock clock;

    ParticipantCalendarService(MeetingService meetings, IcsFeed feed, Clock clock) {
        this.meetings = meetings;
        this.feed = feed;
        this.clock = clock;
    }

    String calendarOf(String userId, CurrentUser reader) {
        return feed.render(entriesOf(userId, reader), clock.instant());
    }

    List<CalendarEntry> entriesOf(String userId, CurrentUser reader) {
        boolean self = userId.equals(reader.id());
        if (!self && !reader.hasAnyRole(Role.ADMIN, Role.COORDINATOR)) {
            throw Problems.notFound("calendar of participant", userId);
        }
        List<Meeting> visible = meetings.invitedTo(userId).stream()
                .filter(meeting ->
                        self ? MeetingAccess.canSee(meeting, reader) : MeetingAccess.canOrganise(meeting, reader))
                .toList();
        if (!self && !reader.hasRole(Role.ADMIN) && visible.isEmpty()) {
            throw Problems.notFound("calendar of participant", userId);
        }
        return visible.stream()
                .map(meeting -> new CalendarEntry(
                        meeting.id(),
                        meeting.kind(),
                        meeting.title(),
                        meeting.startsAt(),
                        meeting.endsAt(),
                        meeting.venue(),
                        meeting.status() == MeetingStatus.CANCELLED,
                        meeting.version() == null ? 0 : (int) Math.min(meeting.version(), Integer.MAX_VALUE)))
                .toList();
    }
}
