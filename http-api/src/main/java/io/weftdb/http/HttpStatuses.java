package io.weftdb.http;

import io.weftdb.ir.error.ErrorCategory;
import io.weftdb.ir.error.ErrorCode;

/**
 * The HTTP status that goes with each engine error (the SQLSTATE reported beside it is the
 * engine's, as the PostgreSQL listener reports it, so clients handle errors alike on both).
 */
final class HttpStatuses {
    private HttpStatuses() {
    }

    /**
     * The HTTP status of a failed request. Conflicts with other transactions or with rows already
     * stored (a retry or a different value may succeed) are 409; a cancelled or timed-out statement
     * is 408; an unknown database 404; everything else the client can fix in its SQL or data is
     * 400. Codes without a status of their own take their category's.
     */
    static int httpStatus(ErrorCode code) {
        return switch (code) {
            case UNIQUE_VIOLATION, FOREIGN_KEY_VIOLATION -> 409;
            case UNDEFINED_DATABASE -> 404;
            case DISK_FULL -> 507;
            case OUT_OF_MEMORY, ADMIN_SHUTDOWN -> 503;
            case QUERY_CANCELED -> 408;
            case INVALID_PASSWORD -> 401;
            default -> httpStatus(code.category());
        };
    }

    private static int httpStatus(ErrorCategory category) {
        return switch (category) {
            case SYNTAX, UNDEFINED_OBJECT, DUPLICATE_OBJECT, DATA, INTEGRITY, TRANSACTION, FEATURE, RESOURCE -> 400;
            case CONCURRENCY -> 409;
            case OPERATOR_INTERVENTION -> 503;
            case PERMISSION -> 403;
            case INTERNAL -> 500;
        };
    }
}
