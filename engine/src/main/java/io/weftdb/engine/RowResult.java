package io.weftdb.engine;

import java.util.List;

/**
 * Rows produced by a statement, pulled one at a time so large results stream. The statement (and an
 * implicit transaction around it) ends when the rows are exhausted or the result is closed; an
 * error while pulling ends it as failed.
 */
public non-sealed interface RowResult extends StatementResult, AutoCloseable {
    List<ResultColumn> columns();

    boolean next();

    /** The current row, valid until the next call to {@link #next()}. */
    Object[] row();

    /** Rows produced so far. */
    long rowCount();

    @Override
    void close();
}
