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

    /**
     * Ends the statement as failed although its rows did not fail: the statement is undone (an
     * implicit transaction around it rolls back instead of committing, an explicit block is failed).
     * For a client that went away mid-stream, so that a half-delivered statement leaves nothing
     * behind. Does nothing once the result has ended.
     *
     * <p>The default just closes: right for rows that hold no statement open (made up by a protocol).
     */
    default void abort() {
        close();
    }

    @Override
    void close();
}
