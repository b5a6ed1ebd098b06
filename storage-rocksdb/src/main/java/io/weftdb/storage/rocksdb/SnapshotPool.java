package io.weftdb.storage.rocksdb;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rocksdb.RocksDB;

/**
 * Hands out {@link SharedSnapshot}s: the current one while the database's latest sequence number
 * has not moved (nothing was written since it was taken), a new one otherwise. Read-only work then
 * takes one snapshot per write, not one per statement. Frees each snapshot when its last reader is
 * done, and every one still held when the database closes.
 */
final class SnapshotPool {
    private final RocksDB db;
    private final Set<SharedSnapshot> live = new HashSet<>();
    private volatile SharedSnapshot current;
    private boolean closed;

    SnapshotPool(RocksDB db) {
        this.db = db;
    }

    /** A snapshot of the latest state, with a reference for the caller to {@link #release}. */
    SharedSnapshot acquire() {
        SharedSnapshot candidate = current;
        if (candidate != null && candidate.sequence() == db.getLatestSequenceNumber() && candidate.retain()) {
            return candidate;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("storage is closed");
            }
            SharedSnapshot previous = current;
            if (previous != null && previous.sequence() == db.getLatestSequenceNumber() && previous.retain()) {
                return previous;
            }
            SharedSnapshot fresh = new SharedSnapshot(db.getSnapshot());
            fresh.retain();
            live.add(fresh);
            current = fresh;
            if (previous != null) {
                release(previous);
            }
            return fresh;
        }
    }

    void release(SharedSnapshot snapshot) {
        if (snapshot.release()) {
            synchronized (this) {
                if (live.remove(snapshot)) {
                    snapshot.free(db);
                }
            }
        }
    }

    /** Frees every snapshot, held or not; later releases do nothing. Before the database closes. */
    synchronized void close() {
        closed = true;
        current = null;
        for (SharedSnapshot snapshot : List.copyOf(live)) {
            snapshot.free(db);
        }
        live.clear();
    }
}
