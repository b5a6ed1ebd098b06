package io.weftdb.engine.storage;

import java.util.Objects;

/**
 * A failure of the storage layer, with a {@link Reason} so the server can tell a user what to do:
 * stop the other process holding the directory, fix the directory, or look at the disk.
 */
public final class StorageException extends RuntimeException {
    /** What kind of failure this is, which decides how the server reports it. */
    public enum Reason {
        /** The data directory is held by another process (or another open storage in this one). */
        LOCKED,
        /** The data directory cannot be used: not a directory, no permission, or corrupt data. */
        UNUSABLE,
        /** A read, write or flush failed while the storage was open. */
        IO
    }

    private final Reason reason;

    public StorageException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public StorageException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
