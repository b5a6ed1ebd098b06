package io.weftdb.storage.rocksdb;

import io.weftdb.engine.storage.KeyCursor;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.storage.ReadView;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;

/**
 * A {@link ReadView} over RocksDB, either reading through a (shared) snapshot or reading the latest
 * state. It tracks its open cursors so closing the view (or the storage, at shutdown) frees every
 * native iterator before the snapshot they read is released. A view registers with the storage
 * only once it holds an iterator (a cursor, or the {@link AscendingLookups} of a latest-state
 * view): snapshot views that only look keys up hold nothing native of their own.
 */
final class RocksReadView implements ReadView {
    private final RocksStorage storage;
    private final SharedSnapshot snapshot;
    private final ReadOptions readOptions;
    private final List<RocksKeyCursor> cursors = new ArrayList<>();
    /** For views of the latest state (snapshot views need none: their gets are all alike). */
    private AscendingLookups lookups;
    private boolean registered;
    private boolean closed;

    /**
     * @param snapshot a reference this view gives back on close, or null to read the latest state
     * @param readOptions the options point reads use (the snapshot's, or the storage's plain ones)
     */
    RocksReadView(RocksStorage storage, SharedSnapshot snapshot, ReadOptions readOptions) {
        this.storage = storage;
        this.snapshot = snapshot;
        this.readOptions = readOptions;
    }

    @Override
    public byte[] get(Keyspace keyspace, byte[] key) {
        requireOpen();
        try {
            if (snapshot == null) {
                if (lookups == null) {
                    register();
                    lookups = new AscendingLookups(storage.db(), readOptions);
                }
                return lookups.get(storage.family(keyspace), key);
            }
            return storage.db().get(storage.family(keyspace), readOptions, key);
        } catch (RocksDBException failure) {
            throw RocksFailures.io("get", failure);
        }
    }

    @Override
    public KeyCursor scan(Keyspace keyspace, byte[] fromInclusive, byte[] toExclusive) {
        requireOpen();
        register();
        RocksKeyCursor cursor = new RocksKeyCursor(this, storage.db(), storage.family(keyspace),
                snapshot == null ? null : snapshot.snapshot(), fromInclusive, toExclusive);
        cursors.add(cursor);
        return cursor;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        for (RocksKeyCursor cursor : List.copyOf(cursors)) {
            cursor.close();
        }
        closed = true;
        if (lookups != null) {
            lookups.close();
        }
        if (snapshot != null) {
            storage.release(snapshot);
        }
        if (registered) {
            storage.forget(this);
        }
    }

    /** The storage closes views holding native iterators before the database closes. */
    private void register() {
        if (!registered) {
            storage.register(this);
            registered = true;
        }
    }

    void forget(RocksKeyCursor cursor) {
        cursors.remove(cursor);
    }

    private void requireOpen() {
        if (closed || storage.isClosed()) {
            throw new IllegalStateException("read view is closed");
        }
    }
}
