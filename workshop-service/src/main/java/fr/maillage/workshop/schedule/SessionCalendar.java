package fr.maillage.workshop.schedule;

import fr.maillage.platform.calendar.HolidayCalendar;
import fr.maillage.workshop.programme.Cadence;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Generates a group's calendar: consecutive entries one cadence apart at the same local time in
 * Paris (so a session stays at 14:00 across a daylight-saving change), an entry that falls on a
 * public holiday moved to the next cadence step (the series gets longer, the number of sessions
 * holds). With alternation, an individual follow-up slot sits between two group sessions.
 */
public final class SessionCalendar {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Cadence steps that may fall on holidays one after another before the calendar gives up. */
    static final int MAX_HOLIDAYS_IN_A_ROW = 52;

    private final HolidayCalendar holidays;

    public SessionCalendar(HolidayCalendar holidays) {
        this.holidays = Objects.requireNonNull(holidays, "holidays");
    }

    /**
     * @param first local date-time of the first entry (moved on if it is a holiday)
     * @return {@code groupSessions} GROUP slots, with alternation GROUP, INDIVIDUAL, …, GROUP ({@code 2n-1} entries)
     */
    public List<Slot> generate(
            LocalDateTime first,
            Cadence cadence,
            int groupSessions,
            Duration length,
            boolean alternatingIndividualSlots) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(length, "length");
        if (groupSessions < 1) {
            throw new IllegalArgumentException("A group has at least one session");
        }
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("A session lasts some time: " + length);
        }
        int entries = alternatingIndividualSlots ? 2 * groupSessions - 1 : groupSessions;
        List<Slot> slots = new ArrayList<>(entries);
        LocalDateTime next = first;
        int skippedInARow = 0;
        while (slots.size() < entries) {
            if (holidays.isHoliday(next.toLocalDate())) {
                // A broken holiday calendar must not plan forever: no real one has this many in a row.
                if (++skippedInARow > MAX_HOLIDAYS_IN_A_ROW) {
                    throw new IllegalStateException(
                            "More than " + MAX_HOLIDAYS_IN_A_ROW + " holidays in a row from " + first);
                }
            } else {
                skippedInARow = 0;
                int number = slots.size() + 1;
                SessionKind kind =
                        alternatingIndividualSlots && number % 2 == 0 ? SessionKind.INDIVIDUAL : SessionKind.GROUP;
                ZonedDateTime start = next.atZone(PARIS);
                slots.add(new Slot(
                        number, kind, start.toInstant(), start.plus(length).toInstant()));
            }
            next = next.plusDays(cadence.days());
        }
        return List.copyOf(slots);
    }
}
