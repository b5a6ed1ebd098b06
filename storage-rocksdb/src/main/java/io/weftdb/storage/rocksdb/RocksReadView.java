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
 * only once it opens a cursor: views that only look keys up hold nothing native of their own.
 */
final class RocksReadView implements ReadView {
    private final RocksStorage storage;
    private final SharedSnapshot snapshot;
    private final ReadOptions readOptions;
    private final List<RocksKeyCursor> cursors = new ArrayList<>();
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
            return storage.db().get(storage.family(keyspace), readOptions, key);
        } catch (RocksDBException failure) {
            throw RocksFailures.io("get", failure);
        }
    }

    @Override
    public KeyCursor scan(Keyspace keyspace, byte[] fromInclusive, byte[] toExclusive) {
        requireOpen();
        if (!registered) {
            storage.register(this);
            registered = true;
        }
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
        if (snapshot != null) {
            storage.release(snapshot);
        }
        if (registered) {
            storage.forget(this);
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
