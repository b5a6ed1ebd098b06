package io.weftdb.storage.rocksdb;

import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.storage.Writes;
import java.nio.ByteBuffer;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Fills a native write batch from replayed writes. Puts go through two reused direct buffers, so a
 * slice of the engine's packed buffer is copied once, straight into native memory: no Java array
 * per key or value, and nothing on the Java heap that grows with the batch.
 */
final class BatchFiller implements Writes.Receiver {
    private final WriteBatch batch;
    private final ColumnFamilyHandle[] families;
    private ByteBuffer key = ByteBuffer.allocateDirect(256);
    private ByteBuffer value = ByteBuffer.allocateDirect(4096);

    /** {@code families}: each keyspace's column family, by ordinal. */
    BatchFiller(WriteBatch batch, ColumnFamilyHandle[] families) {
        this.batch = batch;
        this.families = families;
    }

    @Override
    public void put(Keyspace keyspace, byte[] keyBytes, byte[] valueBytes) {
        put(keyspace, keyBytes, 0, keyBytes.length, valueBytes, 0, valueBytes.length);
    }

    @Override
    public void put(Keyspace keyspace, byte[] keySource, int keyOffset, int keyLength,
                    byte[] valueSource, int valueOffset, int valueLength) {
        if (key.capacity() < keyLength) {
            key = ByteBuffer.allocateDirect(Math.max(keyLength, 2 * key.capacity()));
        }
        if (value.capacity() < valueLength) {
            value = ByteBuffer.allocateDirect(Math.max(valueLength, 2 * value.capacity()));
        }
        key.clear();
        key.put(keySource, keyOffset, keyLength).flip();
        value.clear();
        value.put(valueSource, valueOffset, valueLength).flip();
        try {
            batch.put(families[keyspace.ordinal()], key, value);
        } catch (RocksDBException failure) {
            throw RocksFailures.io("write", failure);
        }
    }

    @Override
    public void delete(Keyspace keyspace, byte[] keyBytes) {
        try {
            batch.delete(families[keyspace.ordinal()], keyBytes);
        } catch (RocksDBException failure) {
            throw RocksFailures.io("write", failure);
        }
    }

    @Override
    public void deleteRange(Keyspace keyspace, byte[] fromInclusive, byte[] toExclusive) {
        try {
            batch.deleteRange(families[keyspace.ordinal()], fromInclusive, toExclusive);
        } catch (RocksDBException failure) {
            throw RocksFailures.io("write", failure);
        }
    }
}
