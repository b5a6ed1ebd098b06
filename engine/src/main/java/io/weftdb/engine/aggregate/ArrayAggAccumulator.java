package io.weftdb.engine.aggregate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** array_agg(value): every value, NULLs included, in the order the rows arrive; NULL over no rows. */
final class ArrayAggAccumulator implements Accumulator {
    private List<Object> values;

    @Override
    public void add(Object[] arguments) {
        if (values == null) {
            values = new ArrayList<>();
        }
        values.add(arguments[0]);
    }

    @Override
    public Object result() {
        // A copy: a window frame keeps adding after an earlier row took its result.
        return values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
    }
}
