package io.weftdb.engine;

import io.weftdb.ir.error.ErrorCode;

/**
 * A message for the client that is not an error (PostgreSQL's NoticeResponse, MySQL's warnings);
 * {@code code} names the error it stands in for, when it reports one that was let pass (a duplicate
 * row LOAD DATA IGNORE skipped), else null.
 */
public record Notice(String severity, String message, ErrorCode code) {
    public Notice(String severity, String message) {
        this(severity, message, null);
    }

    public static Notice notice(String message) {
        return new Notice("NOTICE", message);
    }
}
