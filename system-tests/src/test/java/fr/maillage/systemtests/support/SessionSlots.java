package fr.maillage.systemtests.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * First-session times for the workshop groups a test run opens. Every group of the run is led by the
 * same two demo facilitators ({@code psy-durand}, {@code ide-bernard}), and workshop-service refuses
 * (409 {@code schedule-conflict}) a facilitator in two sessions at once. A group's sessions all fall on
 * the weekday and local time of its first one (weekly or fortnightly, a holiday moving a session by a
 * whole cadence step), so groups given distinct (weekday, start hour) never overlap, however many
 * sessions they have: this hands out such slots, 3 h apart (sessions last at most 2 h by default), a
 * few days ahead. The platform's data is wiped at each run, so only the groups of this JVM matter; the
 * first slot is random so that reruns do not always plan the same hours.
 */
public final class SessionSlots {

    /** The network's time zone: a first session is given as a local date-time there. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final int[] START_HOURS = {8, 11, 14, 17};
    private static final int SLOTS = 7 * START_HOURS.length;
    private static final int FIRST_DAY = 3;
    private static final AtomicInteger NEXT =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(SLOTS));

    private SessionSlots() {}

    /**
     * A local date-time (Europe/Paris) 3 to 9 days from today, on a weekday and hour no other group of
     * this run was given (up to 28 groups), e.g. {@code 2026-12-01T14:00}.
     */
    public static String nextFirstSession() {
        int slot = Math.floorMod(NEXT.getAndIncrement(), SLOTS);
        int day = slot / START_HOURS.length;
        int hour = START_HOURS[slot % START_HOURS.length];
        return LocalDate.now(PARIS).plusDays(FIRST_DAY + day).atTime(hour, 0).toString();
    }

    /** A local date-time (Europe/Paris) a week ago: a first session in the past. */
    public static String aWeekAgo() {
        return LocalDateTime.now(PARIS)
                .minusDays(7)
                .withHour(10)
                .withMinute(0)
                .withSecond(0)
                .withNano(0)
                .toString();
    }
}
