package io.weftdb.engine.aggregate;

import io.weftdb.engine.value.ValueOrder;

/** min or max in the type's sort order. */
final class ExtremeAccumulator implements Accumulator {
    private final boolean max;
    private Object best;

    ExtremeAccumulator(boolean max) {
        this.max = max;
    }

    @Override
    public void add(Object[] arguments) {
        Object value = arguments[0];
        if (best == null) {
            best = value;
            return;
        }
        int order = ValueOrder.compare(value, best);
        if (max ? order > 0 : order < 0) {
            best = value;
        }
    }

    @Override
    public Object result() {
        return best;
    }
}
