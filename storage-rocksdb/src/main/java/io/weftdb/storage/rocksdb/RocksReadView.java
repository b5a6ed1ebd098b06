package io.weftdb.storage.rocksdb;

import io.weftdb.engine.storage.KeyCursor;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.storage.ReadView;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.Snapshot;

/**
 * A {@link ReadView} over RocksDB, either pinned to a snapshot or reading the latest state. It
 * tracks its open cursors so closing the view (or the storage, at shutdown) frees every native
 * iterator before the snapshot they read is released.
 */
final class RocksReadView implements ReadView {
    private final RocksStorage storage;
    private final Snapshot snapshot;
    private final ReadOptions readOptions;
    private final List<RocksKeyCursor> cursors = new ArrayList<>();
    private boolean closed;

    /** Takes ownership of {@code snapshot} (null for a latest-state view) and releases it on close. */
    RocksReadView(RocksStorage storage, Snapshot snapshot) {
        this.storage = storage;
        this.snapshot = snapshot;
        this.readOptions = new ReadOptions();
        if (snapshot != null) {
            readOptions.setSnapshot(snapshot);
        }
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
        RocksKeyCursor cursor = new RocksKeyCursor(this, storage.db(), storage.family(keyspace), snapshot,
                fromInclusive, toExclusive);
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
        readOptions.close();
        if (snapshot != null) {
            storage.db().releaseSnapshot(snapshot);
        }
        storage.forget(this);
    }

    void forget(RocksKeyCursor cursor) {
        cursors.remove(cursor);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("read view is closed");
        }
    }
}
