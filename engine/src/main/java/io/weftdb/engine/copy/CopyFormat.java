package io.weftdb.engine.copy;

/** The data format of a COPY, as named by its FORMAT option. */
public enum CopyFormat {
    TEXT,
    CSV,
    BINARY;

    /** Whether the protocol should announce the data as binary (PostgreSQL's overall format code 1). */
    public boolean isBinary() {
        return this == BINARY;
    }
}
