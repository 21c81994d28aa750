package fr.maillage.meeting.calendar;

import fr.maillage.meeting.meeting.MeetingKind;
import java.time.Instant;

/**
 * One meeting in a participant's calendar: what, when, where; never who is discussed.
 *
 * @param title the meeting's short title (never a person's name)
 * @param sequence grows with every change, so calendar clients take the newest
 */
public record CalendarEntry(
        String meetingId,
        MeetingKind kind,
        String title,
        Instant startsAt,
        Instant endsAt,
        String venue,
        boolean cancelled,
        int sequence) {}
