package io.weftdb.ir.type;

/**
 * An interval as PostgreSQL keeps it: months, days and microseconds are separate fields because a
 * month has no fixed number of days and a day no fixed number of microseconds (DST).
 */
public record Interval(int months, int days, long micros) implements Comparable<Interval> {
    public static final Interval ZERO = new Interval(0, 0, 0);
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    /** Comparison and equality use PostgreSQL's normalisation: 30-day months, 24-hour days. */
    public long normalizedMicros() {
        return (months * 30L + days) * MICROS_PER_DAY + micros;
    }

    @Override
    public int compareTo(Interval other) {
        return Long.compare(normalizedMicros(), other.normalizedMicros());
    }

    public Interval plus(Interval other) {
        return new Interval(Math.addExact(months, other.months), Math.addExact(days, other.days),
                Math.addExact(micros, other.micros));
    }

    public Interval negate() {
        return new Interval(Math.negateExact(months), Math.negateExact(days), Math.negateExact(micros));
    }

    /** PostgreSQL's default ("postgres") output style, e.g. {@code 1 year 2 mons 3 days 04:05:06.5}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        int years = months / 12;
        int mons = months % 12;
        appendPart(out, years, "year");
        appendPart(out, mons, "mon");
        appendPart(out, days, "day");
        if (micros != 0 || out.isEmpty()) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            long abs = Math.abs(micros);
            if (micros < 0) {
                out.append('-');
            }
            long totalSeconds = abs / 1_000_000;
            long fraction = abs % 1_000_000;
            out.append(String.format("%02d:%02d:%02d", totalSeconds / 3600, (totalSeconds / 60) % 60, totalSeconds % 60));
            if (fraction != 0) {
                String digits = String.format("%06d", fraction);
                int end = digits.length();
                while (digits.charAt(end - 1) == '0') {
                    end--;
                }
                out.append('.').append(digits, 0, end);
            }
        }
        return out.toString();
    }

    private static void appendPart(StringBuilder out, int amount, String unit) {
        if (amount == 0) {
            return;
        }
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(amount).append(' ').append(unit);
        // PostgreSQL writes the singular only for exactly 1: "-1 days".
        if (amount != 1) {
            out.append('s');
        }
    }
}
