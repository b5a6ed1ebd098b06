package io.weftdb.storage.rocksdb;

import io.weftdb.engine.storage.KeyCursor;
import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;

/**
 * A {@link KeyCursor} over one RocksDB iterator. It owns its ReadOptions and upper-bound Slice:
 * RocksDB reads the bound through a pointer for as long as the iterator lives, so the bound must
 * not be freed before the iterator, and per-cursor options keep cursors of one view independent.
 *
 * <p>Positioning is lazy: construction and {@link #seek} only record a target, and the next
 * {@link #next()} seeks there; later calls advance. The lower bound is enforced by clamping seek
 * targets, the upper bound by RocksDB itself.
 */
final class RocksKeyCursor implements KeyCursor {
    private final RocksReadView view;
    private final ReadOptions readOptions;
    private final Slice upperBound;
    private final RocksIterator iterator;
    private final byte[] lowerBound;
    /** Where the next {@link #next()} seeks; null once positioned (then it advances). */
    private byte[] pendingSeek;
    private boolean pendingSeekToFirst;
    private boolean valid;
    private byte[] key;
    private byte[] value;
    private boolean closed;

    RocksKeyCursor(RocksReadView view, RocksDB db, ColumnFamilyHandle family, Snapshot snapshot,
            byte[] fromInclusive, byte[] toExclusive) {
        this.view = view;
        this.lowerBound = fromInclusive == null ? null : fromInclusive.clone();
        ReadOptions options = new ReadOptions();
        Slice bound = null;
        try {
            if (snapshot != null) {
                options.setSnapshot(snapshot);
            }
            if (toExclusive != null) {
                bound = new Slice(toExclusive);
                options.setIterateUpperBound(bound);
            }
            this.iterator = db.newIterator(family, options);
        } catch (RuntimeException failure) {
            if (bound != null) {
                bound.close();
            }
            options.close();
            throw failure;
        }
        this.readOptions = options;
        this.upperBound = bound;
        this.pendingSeek = lowerBound;
        this.pendingSeekToFirst = lowerBound == null;
    }

    @Override
    public boolean next() {
        requireOpen();
        if (pendingSeekToFirst) {
            iterator.seekToFirst();
        } else if (pendingSeek != null) {
            iterator.seek(pendingSeek);
        } else if (valid) {
            iterator.next();
        } else {
            return false;
        }
        pendingSeekToFirst = false;
        pendingSeek = null;
        key = null;
        value = null;
        valid = iterator.isValid();
        if (!valid) {
            checkStatus();
        }
        return valid;
    }

    @Override
    public byte[] key() {
        requirePositioned();
        if (key == null) {
            key = iterator.key();
        }
        return key;
    }

    @Override
    public byte[] value() {
        requirePositioned();
        if (value == null) {
            value = iterator.value();
        }
        return value;
    }

    @Override
    public void seek(byte[] target) {
        requireOpen();
        boolean belowRange = lowerBound != null && Arrays.compareUnsigned(target, lowerBound) < 0;
        pendingSeek = belowRange ? lowerBound : target.clone();
        pendingSeekToFirst = false;
        valid = false;
        key = null;
        value = null;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        valid = false;
        iterator.close();
        readOptions.close();
        if (upperBound != null) {
            upperBound.close();
        }
        view.forget(this);
    }

    private void checkStatus() {
        try {
            iterator.status();
        } catch (RocksDBException failure) {
            throw RocksFailures.io("scan", failure);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("cursor is closed");
        }
    }

    private void requirePositioned() {
        requireOpen();
        if (!valid) {
            throw new IllegalStateException("cursor is not on an entry: call next() and check its result first");
        }
    }
}
