package io.weftdb.engine.aggregate;

import java.math.BigDecimal;

/** sum of int8 or numeric values, returned as numeric (an int8 sum can exceed int8). */
final class NumericSumAccumulator implements Accumulator {
    private BigDecimal sum;

    @Override
    public void add(Object[] arguments) {
        BigDecimal value = Numbers.decimal(arguments[0]);
        sum = sum == null ? value : sum.add(value);
    }

    @Override
    public Object result() {
        return sum;
    }
}
