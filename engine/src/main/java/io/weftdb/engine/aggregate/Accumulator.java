package io.weftdb.engine.aggregate;

/**
 * The running state of one aggregate for one group. The caller skips rows rejected by FILTER and,
 * unless the aggregate counts NULLs, rows whose first argument is NULL, so {@link #add} sees only
 * the rows that count.
 */
public interface Accumulator {
    void add(Object[] arguments);

    /** The aggregate's value over the rows added so far; NULL when none were added (0 for count). */
    Object result();
}
