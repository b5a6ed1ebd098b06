package io.weftdb.compat.slt;

import java.util.Locale;

/** How a query's values are ordered before they are compared or hashed. */
public enum SortMode {
    /** Engine order, for queries whose ORDER BY fixes it. */
    NOSORT,
    /** Whole rows sorted, column by column, on their rendered text. */
    ROWSORT,
    /** Every value sorted on its own, ignoring rows. */
    VALUESORT;

    public static SortMode ofName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
