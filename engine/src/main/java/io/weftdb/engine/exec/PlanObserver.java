package io.weftdb.engine.exec;

import java.util.function.Supplier;

/**
 * Watches plan operators run: EXPLAIN ANALYZE counts each one's rows, loops and time through it.
 * Operators are passed as plain objects so that execution does not depend on the plan classes.
 */
public interface PlanObserver {
    /** Opens {@code operator} through {@code opener} and returns its rows, observed. */
    RowSource observe(Object operator, Supplier<RowSource> opener);
}
