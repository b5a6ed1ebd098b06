package io.weftdb.engine.stats;

import io.weftdb.engine.value.ValueOrder;
import io.weftdb.ir.type.Bytes;
import io.weftdb.ir.type.TypeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one column's values in a random sample of rows into {@link ColumnStatistics}, the way
 * PostgreSQL's ANALYZE does (compute_scalar_stats): the null fraction, the number of distinct values
 * (the Haas–Stokes estimator when the sample is not the whole table), the values common enough to
 * be worth listing, and a histogram of equal-sized groups of the rest.
 */
final class ColumnAnalyzer {
    /** At most this many common values and histogram buckets (PostgreSQL's default_statistics_target). */
    static final int TARGET = 100;

    private ColumnAnalyzer() {
    }

    /**
     * @param values the column's value in each sampled row (null for SQL NULL)
     * @param totalRows rows in the table; the sample is the whole table when they are as many
     */
    static ColumnStatistics analyze(int columnId, TypeKind kind, List<Object> values, long totalRows) {
        int sampleRows = values.size();
        if (sampleRows == 0) {
            return new ColumnStatistics(columnId, kind, 0, 0, 0, List.of(), new double[0], List.of());
        }
        Map<Object, int[]> counts = new HashMap<>();
        List<Object> nonNull = new ArrayList<>(sampleRows);
        long width = 0;
        for (Object value : values) {
            if (value == null) {
                continue;
            }
            nonNull.add(value);
            width += width(value);
            counts.computeIfAbsent(countingKey(value), key -> new int[1])[0]++;
        }
        int nonNullCount = nonNull.size();
        double nullFraction = (double) (sampleRows - nonNullCount) / sampleRows;
        if (nonNullCount == 0) {
            return new ColumnStatistics(columnId, kind, 1, 0, 0, List.of(), new double[0], List.of());
        }
        int averageWidth = (int) (width / nonNullCount);
        double distinct = distinct(counts, nonNullCount, sampleRows, totalRows, nullFraction);
        boolean ordered = isOrdered(kind);
        if (!ordered && !isComparable(kind)) {
            return new ColumnStatistics(columnId, kind, nullFraction, distinct, averageWidth, List.of(), new double[0],
                    List.of());
        }
        List<Map.Entry<Object, int[]>> byCount = new ArrayList<>(counts.entrySet());
        // Most frequent first; ties in value order, so the same rows always give the same list.
        byCount.sort(Comparator.comparingInt((Map.Entry<Object, int[]> entry) -> -entry.getValue()[0])
                .thenComparing((a, b) -> ValueOrder.compare(plain(a.getKey()), plain(b.getKey()))));
        int common = commonValueCount(byCount, nonNullCount, sampleRows, totalRows, distinct);
        List<Object> commonValues = new ArrayList<>(common);
        double[] frequencies = new double[common];
        Map<Object, Boolean> isCommon = new HashMap<>();
        for (int i = 0; i < common; i++) {
            Map.Entry<Object, int[]> entry = byCount.get(i);
            commonValues.add(entry.getKey());
            frequencies[i] = (double) entry.getValue()[0] / sampleRows;
            isCommon.put(entry.getKey(), Boolean.TRUE);
        }
        List<Object> histogram = List.of();
        if (ordered && counts.size() - common >= 2) {
            List<Object> rest = new ArrayList<>(nonNullCount);
            for (Object value : nonNull) {
                if (!isCommon.containsKey(countingKey(value))) {
                    rest.add(value);
                }
            }
            rest.sort(ValueOrder::compare);
            histogram = histogram(rest);
        }
        List<Object> storedCommon = new ArrayList<>(common);
        for (Object value : commonValues) {
            storedCommon.add(plain(value));
        }
        return new ColumnStatistics(columnId, kind, nullFraction, distinct, averageWidth, storedCommon, frequencies,
                histogram);
    }

    /**
     * The distinct non-null values in the table. With the whole table sampled it is the count seen;
     * with every sampled value unique the column is taken as unique (and the estimate scales with the
     * table); otherwise Haas and Stokes' estimator n·d / (n − f1 + f1·n/N). Above a tenth of the rows
     * the result is stored per row, so it keeps up as the table grows.
     */
    private static double distinct(Map<Object, int[]> counts, int nonNull, int sampleRows, long totalRows,
                                   double nullFraction) {
        int seen = counts.size();
        int once = 0;
        for (int[] count : counts.values()) {
            if (count[0] == 1) {
                once++;
            }
        }
        double estimate;
        if (sampleRows >= totalRows) {
            estimate = seen;
        } else if (once == nonNull) {
            return -(1 - nullFraction);
        } else if (once == 0) {
            estimate = seen;
        } else {
            double n = nonNull;
            double rowsWithValues = totalRows * (1 - nullFraction);
            estimate = n * seen / ((n - once) + once * n / rowsWithValues);
            estimate = Math.max(seen, Math.min(estimate, rowsWithValues));
        }
        if (totalRows > 0 && estimate > 0.1 * totalRows) {
            return -(estimate / totalRows);
        }
        return Math.rint(estimate);
    }

    /**
     * How many of the most frequent values to keep: all of them when the sample saw every distinct
     * value and they fit, else those occurring clearly more often than the average value (by a
     * quarter, and at least twice).
     */
    private static int commonValueCount(List<Map.Entry<Object, int[]>> byCount, int nonNull, int sampleRows,
                                        long totalRows, double distinct) {
        int seen = byCount.size();
        boolean complete = sampleRows >= totalRows || byCount.get(seen - 1).getValue()[0] > 1;
        if (complete && seen <= TARGET) {
            return seen;
        }
        double distinctInTable = distinct >= 0 ? distinct : -distinct * totalRows;
        double average = nonNull / Math.max(1, Math.min(distinctInTable, nonNull));
        double minimum = Math.max(2, average * 1.25);
        int count = 0;
        while (count < Math.min(TARGET, seen) && byCount.get(count).getValue()[0] >= minimum) {
            count++;
        }
        return count;
    }

    /** Up to TARGET + 1 bounds taken at equal steps through the sorted values. */
    private static List<Object> histogram(List<Object> sorted) {
        int buckets = Math.min(TARGET, sorted.size() - 1);
        List<Object> bounds = new ArrayList<>(buckets + 1);
        for (int i = 0; i <= buckets; i++) {
            long index = (long) i * (sorted.size() - 1) / buckets;
            Object bound = sorted.get((int) index);
            if (bounds.isEmpty() || ValueOrder.compare(bounds.get(bounds.size() - 1), bound) != 0) {
                bounds.add(bound);
            }
        }
        return bounds.size() >= 2 ? bounds : List.of();
    }

    /** Types whose values have an order ANALYZE can build a histogram over. */
    static boolean isOrdered(TypeKind kind) {
        return switch (kind) {
            case SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, NUMERIC, TEXT, VARCHAR, CHAR, BYTEA, DATE, TIME, TIMESTAMP,
                 TIMESTAMPTZ, INTERVAL, UUID -> true;
            default -> false;
        };
    }

    /** Types whose values can be listed as common values (stored like index keys). */
    static boolean isComparable(TypeKind kind) {
        return isOrdered(kind) || kind == TypeKind.BOOLEAN;
    }

    /** numeric 1.0 and 1.00 are one value; Java's BigDecimal equality would count them apart. */
    private record NumericKey(BigDecimal value, BigDecimal normalized) {
        @Override
        public boolean equals(Object other) {
            return other instanceof NumericKey key && normalized.compareTo(key.normalized) == 0;
        }

        @Override
        public int hashCode() {
            return normalized.hashCode();
        }
    }

    private static Object plain(Object countingKey) {
        return countingKey instanceof NumericKey key ? key.value() : countingKey;
    }

    private static Object countingKey(Object value) {
        return value instanceof BigDecimal number ? new NumericKey(number, number.stripTrailingZeros()) : value;
    }

    private static long width(Object value) {
        return switch (value) {
            case String text -> text.length() + 4L;
            case Bytes bytes -> bytes.length() + 4L;
            case BigDecimal number -> 8 + number.precision() / 2;
            case Boolean flag -> 1;
            case List<?> list -> 24 + 8L * list.size();
            default -> 8;
        };
    }
}
