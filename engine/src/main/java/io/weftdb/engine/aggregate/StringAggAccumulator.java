package io.weftdb.engine.aggregate;

/**
 * string_agg(value, delimiter): each value after the first is preceded by the delimiter given on
 * its own row, as in PostgreSQL; a NULL delimiter counts as empty.
 */
final class StringAggAccumulator implements Accumulator {
    private StringBuilder text;

    @Override
    public void add(Object[] arguments) {
        if (text == null) {
            text = new StringBuilder();
        } else if (arguments[1] != null) {
            text.append((String) arguments[1]);
        }
        text.append((String) arguments[0]);
    }

    @Override
    public Object result() {
        return text == null ? null : text.toString();
    }
}
