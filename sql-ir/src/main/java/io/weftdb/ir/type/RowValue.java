package io.weftdb.ir.type;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The value of a record (composite) type: its fields' values in order, any of them NULL. */
public record RowValue(List<Object> values) {
    public RowValue {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    public static RowValue of(Object... values) {
        return new RowValue(java.util.Arrays.asList(values));
    }
}
