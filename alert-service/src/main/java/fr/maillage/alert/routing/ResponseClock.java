package fr.maillage.alert.routing;

import fr.maillage.alert.alert.ResponseLevel;
import fr.maillage.alert.alert.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Due-time arithmetic of a territory.
 *
 * <ul>
 *   <li>{@link ResponseTarget.OnTheClock}: raising instant + duration, in real elapsed time (a
 *       daylight-saving change does not stretch or shrink it).
 *   <li>{@link ResponseTarget.WorkingDays}: start at the raising instant, or at the next opening of
 *       the business hours when raised outside them; then move N working days forward keeping the
 *       local time of day (Mon 10:00 + 3 = Thu 10:00; Sat 11:00 + 3 = Thu 09:00).
 *   <li>{@link ResponseLevel#ON_SITE_INTERVENTION} (PTSM 69 fiche 5.1): on site within 24 h for B or
 *       C, 72 h for D or E, on the clock, but never later than the urgency's own target. The rule
 *       does not exist for A, F and G (the alert package refuses that level for them); their
 *       urgency target applies unchanged.
 * </ul>
 */
public final class ResponseClock {

    static final Duration ON_SITE_HIGH_RISK = Duration.ofHours(24);
    static final Duration ON_SITE_MODERATE_RISK = Duration.ofHours(72);

    private final OfficeHours businessHours;

    public ResponseClock(OfficeHours businessHours) {
        this.businessHours = Objects.requireNonNull(businessHours, "businessHours");
    }

    public OfficeHours businessHours() {
        return businessHours;
    }

    /** When an answer to an alert raised at {@code raisedAt} is due under {@code target}. */
    public Instant dueBy(ResponseTarget target, Instant raisedAt) {
        return switch (target) {
            case ResponseTarget.OnTheClock onTheClock -> raisedAt.plus(onTheClock.duration());
            case ResponseTarget.WorkingDays workingDays ->
                plusWorkingDays(businessHours.openAtOrNext(raisedAt), workingDays.days());
        };
    }

    /**
     * When the answer is due for that urgency (whose target is {@code urgencyTarget}) and response
     * level; {@code level} may be null (not qualified yet).
     */
    public Instant dueBy(ResponseTarget urgencyTarget, Urgency urgency, ResponseLevel level, Instant raisedAt) {
        Instant byTarget = dueBy(urgencyTarget, raisedAt);
        if (level != ResponseLevel.ON_SITE_INTERVENTION) {
            return byTarget;
        }
        return onSiteDelay(urgency)
                .map(raisedAt::plus)
                .filter(onSite -> onSite.isBefore(byTarget))
                .orElse(byTarget);
    }

    /** The fiche 5.1 on-site delay of an urgency; empty for A, F and G. */
    static Optional<Duration> onSiteDelay(Urgency urgency) {
        return switch (urgency) {
            case B, C -> Optional.of(ON_SITE_HIGH_RISK);
            case D, E -> Optional.of(ON_SITE_MODERATE_RISK);
            case A, F, G -> Optional.empty();
        };
    }

    private Instant plusWorkingDays(Instant start, int days) {
        ZonedDateTime local = start.atZone(businessHours.zone());
        LocalDate day = local.toLocalDate();
        for (int i = 0; i < days; i++) {
            day = businessHours.nextWorkingDay(day);
        }
        // Same wall-clock time: across a daylight-saving change the elapsed time is 1 h off a multiple of 24 h.
        return ZonedDateTime.of(day, local.toLocalTime(), businessHours.zone()).toInstant();
    }
}
