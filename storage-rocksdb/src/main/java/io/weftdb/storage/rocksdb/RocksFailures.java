package io.weftdb.storage.rocksdb;

import io.weftdb.engine.storage.StorageException;
import java.nio.file.Path;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/**
 * Turns RocksDB's exceptions into the engine's {@link StorageException}, keeping RocksDB's status
 * text (for example "IO error: No space left on device"), which is what an operator needs to see.
 */
final class RocksFailures {
    private RocksFailures() {
    }

    static StorageException io(String action, RocksDBException failure) {
        return new StorageException(StorageException.Reason.IO, action + " failed: " + statusMessage(failure), failure);
    }

    /** Classifies a failure to open the data directory: held by another process, or unusable. */
    static StorageException open(Path directory, RocksDBException failure) {
        if (isLockConflict(failure)) {
            return new StorageException(StorageException.Reason.LOCKED,
                    "data directory " + directory + " is in use by another WeftDB process", failure);
        }
        return new StorageException(StorageException.Reason.UNUSABLE,
                "data directory " + directory + " cannot be opened: " + statusMessage(failure), failure);
    }

    /**
     * RocksDB reports a held LOCK file as "While lock file: ..." (another process holds the flock)
     * or "lock hold by current process" (this JVM has the directory open already). Failing to open
     * the LOCK file at all ("While open a file for lock", e.g. no permission) is not a conflict.
     */
    private static boolean isLockConflict(RocksDBException failure) {
        String message = statusMessage(failure);
        return message.contains("While lock file") || message.contains("lock hold by current process");
    }

    /** RocksDB's own rendering of the status, e.g. "IO error: While lock file: /data/LOCK: ...". */
    static String statusMessage(RocksDBException failure) {
        if (failure.getMessage() != null) {
            return failure.getMessage();
        }
        Status status = failure.getStatus();
        return status == null ? "unknown RocksDB error" : status.getCodeString();
    }
}
