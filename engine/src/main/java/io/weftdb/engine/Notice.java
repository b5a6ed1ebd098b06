package io.weftdb.engine;

/** A message for the client that is not an error (PostgreSQL's NoticeResponse, MySQL's warnings). */
public record Notice(String severity, String message) {
    public static Notice notice(String message) {
        return new Notice("NOTICE", message);
    }
}
