package io.weftdb.pg.wire.protocol;

/**
 * A frontend broke the wire protocol (a bad length, an unknown message type, a malformed body).
 * The connection cannot be trusted to stay in step any more: the server answers with a FATAL
 * ErrorResponse carrying {@link #sqlState()} and closes it.
 */
public final class ProtocolViolation extends RuntimeException {
    /** SQLSTATE 08P01, protocol_violation. */
    public static final String PROTOCOL_VIOLATION = "08P01";
    /** SQLSTATE 0A000, feature_not_supported (an unsupported protocol version). */
    public static final String FEATURE_NOT_SUPPORTED = "0A000";

    private final String sqlState;

    public ProtocolViolation(String message) {
        this(PROTOCOL_VIOLATION, message);
    }

    public ProtocolViolation(String sqlState, String message) {
        super(message, null, false, false);
        this.sqlState = sqlState;
    }

    public String sqlState() {
        return sqlState;
    }
}
