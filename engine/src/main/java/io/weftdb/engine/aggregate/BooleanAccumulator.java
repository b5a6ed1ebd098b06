package io.weftdb.engine.aggregate;

/** bool_and (and its SQL-standard name every) or bool_or. */
final class BooleanAccumulator implements Accumulator {
    private final boolean and;
    private Boolean result;

    BooleanAccumulator(boolean and) {
        this.and = and;
    }

    @Override
    public void add(Object[] arguments) {
        boolean value = (Boolean) arguments[0];
        result = result == null ? value : (and ? result && value : result || value);
    }

    @Override
    public Object result() {
        return result;
    }
}
