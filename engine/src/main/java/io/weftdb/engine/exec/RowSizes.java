package io.weftdb.engine.exec;

import io.weftdb.ir.type.Interval;
import java.math.BigDecimal;
import java.util.List;

/**
 * A rough count of the heap bytes a row takes, for memory budgets (work_mem): object headers,
 * references and the payload of strings and numbers. It need not be exact, only proportional.
 */
public final class RowSizes {
    private RowSizes() {
    }

    public static long estimate(Object[] row) {
        long bytes = 16 + 8L * row.length;
        for (Object value : row) {
            bytes += value(value);
        }
        return bytes;
    }

    private static long value(Object value) {
        return switch (value) {
            case null -> 0;
            case String text -> 40 + 2L * text.length();
            case BigDecimal decimal -> 40 + decimal.precision() / 2;
            case Interval interval -> 32;
            case List<?> list -> 24 + list.stream().mapToLong(RowSizes::value).sum() + 8L * list.size();
            default -> 24;
        };
    }
}
