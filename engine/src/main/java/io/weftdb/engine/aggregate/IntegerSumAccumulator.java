package io.weftdb.engine.aggregate;

import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;

/** sum of int2/int4 values, accumulated and returned as bigint. */
final class IntegerSumAccumulator implements Accumulator {
    private long sum;
    private boolean any;

    @Override
    public void add(Object[] arguments) {
        try {
            sum = Math.addExact(sum, (Long) arguments[0]);
        } catch (ArithmeticException e) {
            throw new SqlException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "bigint out of range");
        }
        any = true;
    }

    @Override
    public Object result() {
        return any ? sum : null;
    }
}
