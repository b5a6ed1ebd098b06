package io.weftdb.engine.aggregate;

/** sum of float4/float8 values; a float4 sum is rounded to float4 as PostgreSQL's float4pl does. */
final class FloatSumAccumulator implements Accumulator {
    private final boolean single;
    private double sum;
    private boolean any;

    FloatSumAccumulator(boolean single) {
        this.single = single;
    }

    @Override
    public void add(Object[] arguments) {
        sum += (Double) arguments[0];
        if (single) {
            sum = (float) sum;
        }
        any = true;
    }

    @Override
    public Object result() {
        return any ? sum : null;
    }
}
