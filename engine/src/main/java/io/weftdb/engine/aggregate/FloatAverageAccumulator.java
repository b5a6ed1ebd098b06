package io.weftdb.engine.aggregate;

/** avg of float4/float8 values, as float8. */
final class FloatAverageAccumulator implements Accumulator {
    private double sum;
    private long count;

    @Override
    public void add(Object[] arguments) {
        sum += (Double) arguments[0];
        count++;
    }

    @Override
    public Object result() {
        return count == 0 ? null : sum / count;
    }
}
