package io.weftdb.engine.value;

import java.util.List;
import java.util.UUID;

/**
 * The SQL ordering of two non-null values of the same type (after coercion), as PostgreSQL orders
 * them: NaN above every number, -0 equal to 0, uuids as unsigned bytes, strings by code point
 * ("C" collation), arrays element by element.
 */
public final class ValueOrder {
    private ValueOrder() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compare(Object left, Object right) {
        if (left instanceof Long a && right instanceof Long b) {
            return Long.compare(a, b);
        }
        if (left instanceof Double a && right instanceof Double b) {
            return compareDoubles(a, b);
        }
        if (left instanceof String a && right instanceof String b) {
            return compareStrings(a, b);
        }
        if (left instanceof UUID a && right instanceof UUID b) {
            int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
            return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
        }
        if (left instanceof List<?> a && right instanceof List<?> b) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                Object x = a.get(i);
                Object y = b.get(i);
                int c = x == null ? (y == null ? 0 : 1) : (y == null ? -1 : compare(x, y));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }
        return ((Comparable) left).compareTo(right);
    }

    public static int compareDoubles(double a, double b) {
        if (a == b) {
            return 0;
        }
        if (Double.isNaN(a)) {
            return Double.isNaN(b) ? 0 : 1;
        }
        if (Double.isNaN(b)) {
            return -1;
        }
        return a < b ? -1 : 1;
    }

    /** Code point order, which equals UTF-8 byte order (unlike String.compareTo on surrogates). */
    public static int compareStrings(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return Character.compare(x, y);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** SQL equality of two non-null values of the same type. */
    public static boolean equal(Object left, Object right) {
        if (left instanceof Double || left instanceof List<?> || left instanceof java.math.BigDecimal
                || left instanceof io.weftdb.ir.type.Interval) {
            return compare(left, right) == 0;
        }
        return left.equals(right);
    }
}
