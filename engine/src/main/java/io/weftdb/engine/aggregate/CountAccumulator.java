package io.weftdb.engine.aggregate;

/** count(*) and count(x): the number of rows added. */
final class CountAccumulator implements Accumulator {
    private long count;

    @Override
    public void add(Object[] arguments) {
        count++;
    }

    @Override
    public Object result() {
        return count;
    }
}
