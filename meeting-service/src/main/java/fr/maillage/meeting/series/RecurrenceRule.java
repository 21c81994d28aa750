package fr.maillage.meeting.series;

import fr.maillage.meeting.meeting.MeetingRuleViolation;
import fr.maillage.meeting.series.Recurrence.Frequency;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The dates a {@link Recurrence} names, before any holiday moves them: the {@code ordinal}-th (or the
 * last, -1) {@code day} of every month, or of the {@code monthOfQuarter}-th month of every quarter.
 */
public final class RecurrenceRule {

    public static final String INVALID_RECURRENCE = "invalid-recurrence";

    private final Frequency frequency;
    private final int ordinal;
    private final DayOfWeek day;
    private final int monthOfQuarter;

    private RecurrenceRule(Frequency frequency, int ordinal, DayOfWeek day, int monthOfQuarter) {
        this.frequency = frequency;
        this.ordinal = ordinal;
        this.day = day;
        this.monthOfQuarter = monthOfQuarter;
    }

    /**
     * Checks a recurrence: ordinal 1 to 4 or -1 (the last), a day, a time; for QUARTERLY a month of the
     * quarter 1 to 3 (absent, 0, means the first).
     *
     * @throws MeetingRuleViolation 400 {@code invalid-recurrence}
     */
    public static RecurrenceRule of(Recurrence recurrence) {
        Objects.requireNonNull(recurrence, "recurrence");
        if (recurrence.frequency() == null || recurrence.day() == null || recurrence.at() == null) {
            throw invalid("A recurrence has a frequency, a day of the week and a time (at).");
        }
        if (!(recurrence.ordinal() >= 1 && recurrence.ordinal() <= 4) && recurrence.ordinal() != -1) {
            throw invalid("The ordinal is 1 to 4 (the first to the fourth such day of the month) or -1 (the last); "
                    + recurrence.ordinal() + " given.");
        }
        int monthOfQuarter = recurrence.monthOfQuarter();
        if (recurrence.frequency() == Frequency.QUARTERLY) {
            monthOfQuarter = monthOfQuarter == 0 ? 1 : monthOfQuarter;
            if (monthOfQuarter < 1 || monthOfQuarter > 3) {
                throw invalid("The month of the quarter is 1 to 3; " + recurrence.monthOfQuarter() + " given.");
            }
        } else if (monthOfQuarter != 0) {
            throw invalid("A monthly recurrence has no month of the quarter.");
        }
        return new RecurrenceRule(recurrence.frequency(), recurrence.ordinal(), recurrence.day(), monthOfQuarter);
    }

    private static MeetingRuleViolation invalid(String detail) {
        return MeetingRuleViolation.badRequest(INVALID_RECURRENCE, detail);
    }

    /** The date of the rule within {@code month}, whatever the month (the caller picks the months). */
    public LocalDate dateIn(YearMonth month) {
        LocalDate first = month.atDay(1);
        return ordinal == -1
                ? first.with(TemporalAdjusters.lastInMonth(day))
                : first.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
    }

    /** The months the rule meets in, from the one (or the quarter) holding {@code from}, for ever. */
    public Stream<YearMonth> months(LocalDate from) {
        YearMonth start = YearMonth.from(from);
        if (frequency == Frequency.MONTHLY) {
            return Stream.iterate(start, month -> month.plusMonths(1));
        }
        int quarterStart = ((start.getMonthValue() - 1) / 3) * 3 + 1;
        YearMonth first = YearMonth.of(start.getYear(), quarterStart).plusMonths(monthOfQuarter - 1);
        return Stream.iterate(first, month -> month.plusMonths(3));
    }

    /** The rule's dates on or after {@code from}, in order, for ever (holidays not moved yet). */
    public Stream<LocalDate> dates(LocalDate from) {
        return months(from).map(this::dateIn).filter(date -> !date.isBefore(from));
    }

    public Frequency frequency() {
        return frequency;
    }

    public int ordinal() {
        return ordinal;
    }

    public DayOfWeek day() {
        return day;
    }

    public int monthOfQuarter() {
        return monthOfQuarter;
    }
}
