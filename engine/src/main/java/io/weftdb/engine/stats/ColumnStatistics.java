package io.weftdb.engine.stats;

import io.weftdb.engine.value.ValueOrder;
import io.weftdb.ir.type.TypeKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What ANALYZE learned about one column from its sample, as PostgreSQL's pg_stats shows it, and the
 * selectivities the planner derives from it (PostgreSQL's eqsel / scalarineqsel, simplified).
 *
 * @param distinct distinct non-null values: a count when positive; when negative, minus the number
 *     per row, so the estimate grows with the table (pg_stats.n_distinct's convention)
 * @param commonValues the most common values, most frequent first, with their {@code commonFrequencies}
 *     (fractions of all rows); empty when no value stands out
 * @param histogram bounds splitting the other non-null values into groups of equal size, in
 *     ascending order; empty for types without an order or when too few values remain
 */
public record ColumnStatistics(int columnId, TypeKind kind, double nullFraction, double distinct, int averageWidth,
                               List<Object> commonValues, double[] commonFrequencies, List<Object> histogram) {
    /** PostgreSQL's guesses where statistics say nothing. */
    public static final double DEFAULT_EQUALITY = 0.005;
    public static final double DEFAULT_INEQUALITY = 1.0 / 3;

    public ColumnStatistics {
        commonValues = List.copyOf(commonValues);
        histogram = List.copyOf(histogram);
        commonFrequencies = commonFrequencies.clone();
    }

    /** Distinct non-null values expected in {@code rows} rows. */
    public double distinctValues(double rows) {
        double count = distinct >= 0 ? distinct : -distinct * rows;
        return Math.max(1, Math.min(count, Math.max(1, rows)));
    }

    private double commonTotal() {
        double total = 0;
        for (double frequency : commonFrequencies) {
            total += frequency;
        }
        return total;
    }

    /** The fraction of rows equal to {@code value} (non-null, of this column's type). */
    public double equalSelectivity(Object value, double rows) {
        for (int i = 0; i < commonValues.size(); i++) {
            if (ValueOrder.equal(commonValues.get(i), value)) {
                return commonFrequencies[i];
            }
        }
        double others = distinctValues(rows) - commonValues.size();
        double rest = 1 - nullFraction - commonTotal();
        if (others < 1 || rest <= 0) {
            // Every value was among the common ones: an unseen value is rare.
            return Math.min(DEFAULT_EQUALITY, 1 / Math.max(1, rows));
        }
        double selectivity = rest / others;
        return commonFrequencies.length == 0 ? selectivity
                : Math.min(selectivity, commonFrequencies[commonFrequencies.length - 1]);
    }

    /** The fraction of rows equal to a value not known when planning (a parameter, another column). */
    public double equalSelectivityUnknown(double rows) {
        double selectivity = (1 - nullFraction) / distinctValues(rows);
        return commonFrequencies.length == 0 ? selectivity : Math.min(selectivity, commonFrequencies[0]);
    }

    /**
     * The fraction of rows below {@code value} ({@code inclusive}: or equal to it); with
     * {@code below} false, above it. Common values count exactly; the histogram answers for the rest,
     * interpolating inside a bucket for types with a numeric distance.
     */
    public double rangeSelectivity(Object value, boolean below, boolean inclusive) {
        double common = 0;
        for (int i = 0; i < commonValues.size(); i++) {
            int comparison = ValueOrder.compare(commonValues.get(i), value);
            if (below ? comparison < 0 || (inclusive && comparison == 0) : comparison > 0 || (inclusive && comparison == 0)) {
                common += commonFrequencies[i];
            }
        }
        double rest = Math.max(0, 1 - nullFraction - commonTotal());
        double fraction;
        if (histogram.size() >= 2) {
            double belowFraction = fractionBelow(value);
            fraction = below ? belowFraction : 1 - belowFraction;
        } else if (rest == 0) {
            fraction = 0;
        } else {
            fraction = DEFAULT_INEQUALITY;
        }
        return clamp(common + rest * fraction);
    }

    /** Where {@code value} falls in the histogram, from 0 (below every bound) to 1 (above every bound). */
    private double fractionBelow(Object value) {
        int last = histogram.size() - 1;
        if (ValueOrder.compare(value, histogram.get(0)) <= 0) {
            return 0;
        }
        if (ValueOrder.compare(value, histogram.get(last)) >= 0) {
            return 1;
        }
        int low = 0;
        int high = last;
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            if (ValueOrder.compare(histogram.get(middle), value) <= 0) {
                low = middle;
            } else {
                high = middle;
            }
        }
        double within = 0.5;
        double start = position(histogram.get(low));
        double end = position(histogram.get(high));
        double at = position(value);
        if (!Double.isNaN(start) && !Double.isNaN(end) && !Double.isNaN(at) && end > start) {
            within = Math.max(0, Math.min(1, (at - start) / (end - start)));
        }
        return (low + within) / last;
    }

    /** A number that orders as the value does, for interpolating inside a bucket; NaN where there is none. */
    private static double position(Object value) {
        return switch (value) {
            case Long number -> number;
            case Double number -> number;
            case BigDecimal number -> number.doubleValue();
            case LocalDate date -> date.toEpochDay();
            case LocalDateTime timestamp -> timestamp.toEpochSecond(ZoneOffset.UTC) + timestamp.getNano() / 1e9;
            case Instant instant -> instant.getEpochSecond() + instant.getNano() / 1e9;
            case LocalTime time -> time.toNanoOfDay() / 1e9;
            default -> Double.NaN;
        };
    }

    private static double clamp(double selectivity) {
        return Math.max(0, Math.min(1, selectivity));
    }
}
