package io.weftdb.mysql.sql;

/**
 * What a MySQL statement may read from its connection while being translated: MySQL evaluates
 * {@code @@variables}, DATABASE(), CONNECTION_ID() and LAST_INSERT_ID() once per statement, so the
 * translator puts their values into the IR as constants.
 */
public interface SessionFacts {
    /** The current MySQL database (an engine schema), or null when none is selected. */
    String currentDatabase();

    /** The user as MySQL's USER() shows it: {@code name@host}. */
    String userAtHost();

    long connectionId();

    long lastInsertId();

    /**
     * ROW_COUNT(): the rows the previous statement inserted, updated or deleted; 0 after other
     * statements without a result set, -1 after one with a result set or an error (and before any).
     */
    default long previousRowCount() {
        return -1;
    }

    /** FOUND_ROWS(): the rows the previous statement's result set had (0 before any). */
    default long previousFoundRows() {
        return 0;
    }

    /**
     * Whether the client asked for CLIENT_FOUND_ROWS: affected-row counts then include rows a
     * statement matched but left unchanged.
     */
    boolean foundRows();

    /**
     * A system variable's value (a Long or a String), or null for SQL NULL.
     *
     * @throws io.weftdb.mysql.error.MysqlException ER_UNKNOWN_SYSTEM_VARIABLE for a name MySQL does not know here
     */
    Object systemVariable(String name, boolean global);

    /** A user variable's value (a Long, BigDecimal, Double or String), or null when it is NULL or was never set. */
    Object userVariable(String name);
}
