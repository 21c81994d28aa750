package fr.maillage.meeting.calendar;

import fr.maillage.meeting.meeting.MeetingKind;
import fr.maillage.meeting.meeting.ParisTime;
import fr.maillage.platform.calendar.IcsCalendar;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Renders a participant's meetings as an iCalendar (RFC 5545) feed: one VEVENT per meeting at Paris
 * local time with the Europe/Paris VTIMEZONE, so any client shows it at the right hour on both sides of
 * a daylight-saving change; a cancelled meeting stays, STATUS:CANCELLED, so clients remove it. The
 * summary says the kind and the title, never a person: the agenda is not in the feed.
 */
public final class IcsFeed {

    public static final String PRODID = "-//Maillage//Meetings//FR";

    /** The host part of every UID: a meeting keeps its UID across feeds, so clients update it in place. */
    static final String UID_DOMAIN = "maillage.fr";

    /**
     * @param entries the meetings to show (any order)
     * @param stamp when the feed is produced (DTSTAMP of every event)
     */
    public String render(List<CalendarEntry> entries, Instant stamp) {
        IcsCalendar calendar = IcsCalendar.of(PRODID, ParisTime.PARIS);
        entries.stream()
                .sorted(Comparator.comparing(CalendarEntry::startsAt).thenComparing(CalendarEntry::meetingId))
                .forEach(entry -> calendar.event(
                                entry.meetingId() + "@" + UID_DOMAIN, entry.startsAt(), entry.endsAt(), summary(entry))
                        .sequence(entry.sequence())
                        .status(entry.cancelled() ? IcsCalendar.Status.CANCELLED : IcsCalendar.Status.CONFIRMED)
                        .location(entry.venue()));
        return calendar.render(stamp);
    }

    /** {@code Comité de pilotage — COPIL T4}: the kind in French, then the meeting's short title. */
    static String summary(CalendarEntry entry) {
        return label(entry.kind()) + " — " + entry.title();
    }

    static String label(MeetingKind kind) {
        return switch (kind) {
            case PRACTICE_GROUP -> "Groupe de travail pluriprofessionnel";
            case CASE_CONFERENCE -> "Réunion de concertation pluriprofessionnelle";
            case STEERING_COMMITTEE -> "Comité de pilotage";
            case SUPERVISION -> "Supervision";
        };
    }
}
