package io.weftdb.engine.aggregate;

import java.math.BigDecimal;

/** Widening of run-time integer and numeric values to BigDecimal for exact accumulation. */
final class Numbers {
    private Numbers() {
    }

    static BigDecimal decimal(Object value) {
        return value instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) value;
    }
}
