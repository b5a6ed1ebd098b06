package io.weftdb.engine.aggregate;

import io.weftdb.engine.expr.Arithmetic;
import io.weftdb.ir.expr.BinaryOperator;
import java.math.BigDecimal;

/**
 * avg of integers or numerics: an exact sum divided by the count with numeric division, so the
 * result carries PostgreSQL's division scale (avg of 1, 2, 3 is 2.0000000000000000).
 */
final class NumericAverageAccumulator implements Accumulator {
    private BigDecimal sum = BigDecimal.ZERO;
    private long count;

    @Override
    public void add(Object[] arguments) {
        sum = sum.add(Numbers.decimal(arguments[0]));
        count++;
    }

    @Override
    public Object result() {
        return count == 0 ? null : Arithmetic.numeric(BinaryOperator.DIVIDE, sum, BigDecimal.valueOf(count));
    }
}
