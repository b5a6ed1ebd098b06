package io.weftdb.compat.corpus;

/** The corpus folders: {@code shared/} runs on every target, {@code pg/} and {@code mysql/} on their wire protocol. */
public enum Scope {
    SHARED("shared"),
    PG("pg"),
    MYSQL("mysql");

    private final String folder;

    Scope(String folder) {
        this.folder = folder;
    }

    public String folder() {
        return folder;
    }
}
