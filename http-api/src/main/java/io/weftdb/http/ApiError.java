package io.weftdb.http;

import io.weftdb.ir.error.SqlException;

/**
 * A failed request as the client sees it: the HTTP status and the body
 * {@code {"error":{"code":SQLSTATE,"message",...}}}. {@code position} is the 1-based character
 * offset into the request's SQL (0: none); {@code line} the line of an import body (0: none).
 */
final class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final int position;
    private final String detail;
    private final String hint;
    private final long line;

    ApiError(int status, String code, String message) {
        this(status, code, message, 0, null, null, 0);
    }

    private ApiError(int status, String code, String message, int position, String detail, String hint, long line) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.position = position;
        this.detail = detail;
        this.hint = hint;
        this.line = line;
    }

    static ApiError of(SqlException e) {
        return new ApiError(HttpStatuses.httpStatus(e.code()), e.code().sqlState(), e.getMessage(), e.position(),
                e.detail(), e.hint(), 0);
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "08P01", message);
    }

    static ApiError notFound(String code, String message) {
        return new ApiError(404, code, message);
    }

    ApiError atLine(long newLine) {
        return new ApiError(status, code, getMessage(), position, detail, hint, newLine);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    int position() {
        return position;
    }

    String detail() {
        return detail;
    }

    String hint() {
        return hint;
    }

    long line() {
        return line;
    }
}
