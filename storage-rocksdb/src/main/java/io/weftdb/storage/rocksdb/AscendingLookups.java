package io.weftdb.storage.rocksdb;

import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Point reads of the latest state for keys asked in ascending order, as a bulk load checks each new
 * key it inserts: after a run of ascending keys they are answered by one iterator that moves
 * forward, and a key below the iterator's position is known to be absent without asking RocksDB at
 * all (loading into an empty key range asks nothing). The iterator reads the state of when it was
 * made, so it is used only while the database's latest sequence number has not moved since; any
 * write makes a new one. Keys out of order, and short runs, are plain gets.
 *
 * <p>Not thread-safe: one per read view.
 */
final class AscendingLookups implements AutoCloseable {
    /** Ascending keys in a row before the iterator is used: a few random reads should stay gets. */
    private static final int RUN_BEFORE_ITERATING = 16;

    private final RocksDB db;
    private final ReadOptions readOptions;
    private ColumnFamilyHandle family;
    private byte[] lastKey;
    private int ascendingRun;
    private RocksIterator iterator;
    private long iteratorSequence;
    /** The last key sought: no key in [soughtKey, foundKey) exists. */
    private byte[] soughtKey;
    /** The first key at or above {@link #soughtKey}, or null when there is none. */
    private byte[] foundKey;

    AscendingLookups(RocksDB db, ReadOptions readOptions) {
        this.db = db;
        this.readOptions = readOptions;
    }

    byte[] get(ColumnFamilyHandle keyspace, byte[] key) throws RocksDBException {
        boolean ascending = keyspace == family && lastKey != null && Arrays.compareUnsigned(key, lastKey) > 0;
        family = keyspace;
        lastKey = key;
        if (!ascending) {
            ascendingRun = 0;
            return db.get(keyspace, readOptions, key);
        }
        if (++ascendingRun < RUN_BEFORE_ITERATING) {
            return db.get(keyspace, readOptions, key);
        }
        long latest = db.getLatestSequenceNumber();
        if (iterator == null || iteratorSequence != latest) {
            closeIterator();
            iteratorSequence = latest;
            iterator = db.newIterator(keyspace, readOptions);
            soughtKey = null;
        }
        if (soughtKey == null || Arrays.compareUnsigned(key, soughtKey) < 0
                || (foundKey != null && Arrays.compareUnsigned(key, foundKey) > 0)) {
            iterator.seek(key);
            soughtKey = key.clone();
            if (iterator.isValid()) {
                foundKey = iterator.key();
            } else {
                iterator.status();
                foundKey = null;
            }
        }
        return foundKey != null && Arrays.equals(key, foundKey) ? iterator.value() : null;
    }

    private void closeIterator() {
        if (iterator != null) {
            iterator.close();
            iterator = null;
        }
    }

    @Override
    public void close() {
        closeIterator();
    }
}
