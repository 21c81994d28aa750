package fr.maillage.evaluation.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A month ({@code 2026-11}) or a quarter ({@code 2026-Q4}) as the territory lives it: from midnight in
 * Paris on its first day to midnight on the day after its last. An event belongs to the period that
 * contains its instant; a period is closed once its end has passed.
 *
 * @param code {@code YYYY-MM} or {@code YYYY-Qn}
 * @param granularity month or quarter
 * @param firstDay the first day (Paris)
 * @param lastDay the last day (Paris), inclusive
 */
public record Period(String code, Granularity granularity, LocalDate firstDay, LocalDate lastDay) {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final Pattern QUARTER = Pattern.compile("^(\\d{4})-Q([1-4])$");
    private static final Pattern MONTH = Pattern.compile("^(\\d{4})-(0[1-9]|1[0-2])$");

    public enum Granularity {
        MONTH,
        QUARTER
    }

    /**
     * The period a code names.
     *
     * @throws IllegalArgumentException when the code is neither {@code YYYY-MM} nor {@code YYYY-Qn}
     */
    public static Period parse(String code) {
        if (code != null) {
            Matcher quarter = QUARTER.matcher(code);
            if (quarter.matches()) {
                return quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
            }
            Matcher month = MONTH.matcher(code);
            if (month.matches()) {
                return month(YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2))));
            }
        }
        throw new IllegalArgumentException("A period is a month (2026-11) or a quarter (2026-Q4), not " + code);
    }

    /** Quarter {@code q} (1 to 4) of {@code year}. */
    public static Period quarter(int year, int q) {
        if (q < 1 || q > 4) {
            throw new IllegalArgumentException("A quarter is 1 to 4, not " + q);
        }
        YearMonth first = YearMonth.of(year, 3 * (q - 1) + 1);
        return new Period(
                year + "-Q" + q,
                Granularity.QUARTER,
                first.atDay(1),
                first.plusMonths(2).atEndOfMonth());
    }

    public static Period month(YearMonth month) {
        return new Period(month.toString(), Granularity.MONTH, month.atDay(1), month.atEndOfMonth());
    }

    /** The quarter containing {@code instant} in Paris. */
    public static Period quarterOf(Instant instant) {
        LocalDate day = instant.atZone(PARIS).toLocalDate();
        return quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** The month containing {@code instant} in Paris. */
    public static Period monthOf(Instant instant) {
        return month(YearMonth.from(instant.atZone(PARIS)));
    }

    /** Midnight in Paris at the start of the first day. */
    public Instant start() {
        return firstDay.atStartOfDay(PARIS).toInstant();
    }

    /** Midnight in Paris at the end of the last day (exclusive). */
    public Instant end() {
        return lastDay.plusDays(1).atStartOfDay(PARIS).toInstant();
    }

    public boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(start()) && instant.isBefore(end());
    }

    /** Whether the day {@code day} (Paris) falls in the period. */
    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    /** Closed once its end has passed: its figures are final (late events aside) and its status too. */
    public boolean isClosedAt(Instant now) {
        return !now.isBefore(end());
    }

    /** Started once its start has passed. */
    public boolean hasStartedAt(Instant now) {
        return !now.isBefore(start());
    }

    /** The period of the same granularity just before this one. */
    public Period previous() {
        ZonedDateTime before = start().atZone(PARIS).minusDays(1);
        return granularity == Granularity.QUARTER ? quarterOf(before.toInstant()) : monthOf(before.toInstant());
    }

    /** The months of a quarter (or the month itself). */
    public List<Period> months() {
        List<Period> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(firstDay); !m.isAfter(YearMonth.from(lastDay)); m = m.plusMonths(1)) {
            months.add(month(m));
        }
        return months;
    }

    @Override
    public String toString() {
        return code;
    }
}
