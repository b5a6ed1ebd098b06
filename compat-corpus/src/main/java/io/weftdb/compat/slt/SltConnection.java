package io.weftdb.compat.slt;

import java.util.List;

/**
 * Where a sqllogictest file's SQL runs: the engine in process, or the real server over a wire
 * protocol through its JDBC driver. One per file, on a database nothing else has touched.
 */
interface SltConnection extends AutoCloseable {

    /**
     * Runs {@code sql} (one statement, or several separated by semicolons in process); returns the
     * last one's rows, or null when it returned none.
     *
     * @throws StatementFailure when the statement fails, classified
     */
    Answer execute(String sql);

    @Override
    void close();

    /**
     * A result: each value as the driver or engine gives it (for the numeric renderings), and its
     * text form (for T columns and text read as a number).
     */
    interface Answer {
        int columnCount();

        int rowCount();

        Object value(int row, int column);

        String text(int row, int column);
    }

    /** A statement's failure on its way to the record that ran it, already classified. */
    final class StatementFailure extends RuntimeException {
        private final FailureCause failureCause;

        StatementFailure(FailureCause cause, String message) {
            super(message, null, false, false);
            this.failureCause = cause;
        }

        FailureCause failureCause() {
            return failureCause;
        }
    }
}
