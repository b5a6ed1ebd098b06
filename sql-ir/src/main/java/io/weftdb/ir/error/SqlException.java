package io.weftdb.ir.error;

/**
 * The exception every layer throws for a user-visible SQL error. {@code position} is the 1-based
 * character offset into the statement text the error points at, or 0 when it points nowhere.
 */
public final class SqlException extends RuntimeException {
    private final ErrorCode code;
    private final int position;
    private final String detail;
    private final String hint;

    public SqlException(ErrorCode code, String message) {
        this(code, message, 0, null, null, null);
    }

    public SqlException(ErrorCode code, String message, int position) {
        this(code, message, position, null, null, null);
    }

    public SqlException(ErrorCode code, String message, int position, String detail, String hint, Throwable cause) {
        super(message, cause, true, false);
        this.code = code;
        this.position = position;
        this.detail = detail;
        this.hint = hint;
    }

    public static SqlException of(ErrorCode code, String format, Object... args) {
        return new SqlException(code, String.format(format, args));
    }

    public ErrorCode code() {
        return code;
    }

    public int position() {
        return position;
    }

    public String detail() {
        return detail;
    }

    public String hint() {
        return hint;
    }

    public SqlException withDetail(String newDetail) {
        return new SqlException(code, getMessage(), position, newDetail, hint, getCause());
    }

    public SqlException withHint(String newHint) {
        return new SqlException(code, getMessage(), position, detail, newHint, getCause());
    }

    /** Attaches a position unless one is already set (the innermost, most precise one wins). */
    public SqlException atPosition(int newPosition) {
        if (position > 0 || newPosition <= 0) {
            return this;
        }
        return new SqlException(code, getMessage(), newPosition, detail, hint, getCause());
    }
}
