package io.weftdb.pg.wire;

/**
 * An error the wire layer itself raises with a SQLSTATE of its own, one the engine's catalogue has
 * no code for (a prepared statement or portal that does not exist, a malformed binary parameter).
 * It is reported as an ERROR; the connection stays open.
 */
final class PgError extends RuntimeException {
    static final String INVALID_SQL_STATEMENT_NAME = "26000";
    static final String INVALID_CURSOR_NAME = "34000";
    static final String DUPLICATE_PREPARED_STATEMENT = "42P05";
    static final String DUPLICATE_CURSOR = "42P03";
    static final String PROTOCOL_VIOLATION = "08P01";
    static final String INVALID_BINARY_REPRESENTATION = "22P03";
    static final String INVALID_PARAMETER_VALUE = "22023";
    static final String FEATURE_NOT_SUPPORTED = "0A000";

    private final String sqlState;

    PgError(String sqlState, String message) {
        super(message, null, false, false);
        this.sqlState = sqlState;
    }

    String sqlState() {
        return sqlState;
    }
}
