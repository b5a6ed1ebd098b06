package io.weftdb.storage.rocksdb;

import java.util.concurrent.atomic.AtomicInteger;
import org.rocksdb.ReadOptions;
import org.rocksdb.Snapshot;

/**
 * A RocksDB snapshot with the read options that read through it, shared by every view opened while
 * nothing new was written: such views would all see the same data, and taking a snapshot (a
 * database mutex) and building read options (native objects) per statement showed in read-only
 * profiles. Reference-counted; {@link SnapshotPool} holds one reference while it is the current one.
 */
final class SharedSnapshot {
    private final Snapshot snapshot;
    private final ReadOptions readOptions;
    private final long sequence;
    private final AtomicInteger references = new AtomicInteger(1);

    SharedSnapshot(Snapshot snapshot) {
        this.snapshot = snapshot;
        this.sequence = snapshot.getSequenceNumber();
        this.readOptions = new ReadOptions().setSnapshot(snapshot);
    }

    Snapshot snapshot() {
        return snapshot;
    }

    ReadOptions readOptions() {
        return readOptions;
    }

    /** The last write this snapshot sees. */
    long sequence() {
        return sequence;
    }

    /** Takes a reference unless the snapshot has already been given up by everyone. */
    boolean retain() {
        for (int count = references.get(); count > 0; count = references.get()) {
            if (references.compareAndSet(count, count + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Gives a reference up; true when it was the last (the caller then frees the snapshot). */
    boolean release() {
        return references.decrementAndGet() == 0;
    }

    void free(org.rocksdb.RocksDB db) {
        readOptions.close();
        db.releaseSnapshot(snapshot);
    }
}
