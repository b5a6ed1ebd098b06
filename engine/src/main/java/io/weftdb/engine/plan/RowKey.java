package io.weftdb.engine.plan;

import java.math.BigDecimal;

/**
 * A row used as a hash key with SQL equality: NULLs equal each other (as DISTINCT and GROUP BY
 * treat them), 1.0 equals 1.00, -0.0 equals 0.0.
 */
final class RowKey {
    private final Object[] values;
    private final int hash;

    RowKey(Object[] values) {
        this.values = values;
        int h = 1;
        for (Object value : values) {
            h = 31 * h + (value == null ? 0 : normalize(value).hashCode());
        }
        this.hash = h;
    }

    Object[] values() {
        return values;
    }

    /** Which of {@code count} spill partitions the row goes to (the hash mixed so nearby values spread). */
    int partition(int count) {
        return Math.floorMod(hash * 0x9E3779B9, count);
    }

    /** Whether two rows of values are equal as DISTINCT sees them (NULL equal to NULL). */
    static boolean sameValues(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null || b[i] == null ? a[i] != b[i] : !io.weftdb.engine.value.ValueOrder.equal(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    private static Object normalize(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
        }
        if (value instanceof Double d && d == 0.0) {
            return 0.0;
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof RowKey key) || key.values.length != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            Object a = values[i];
            Object b = key.values[i];
            if (a == null || b == null ? a != b : !io.weftdb.engine.value.ValueOrder.equal(a, b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
