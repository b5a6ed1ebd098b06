package io.weftdb.engine.txn;

import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.storage.WriteBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A transaction's private writes, ordered like the store so reads can merge them with a snapshot.
 * Nobody else sees them until commit turns the buffer into one atomic {@link WriteBatch}.
 */
public final class WriteBuffer {
    /** Marks a deleted key; compared by identity, so no stored value can be mistaken for it. */
    public static final byte[] TOMBSTONE = new byte[0];

    private final Map<Keyspace, NavigableMap<byte[], byte[]>> entries = new EnumMap<>(Keyspace.class);
    private final List<byte[][]> rangeDeletes = new ArrayList<>();

    public NavigableMap<byte[], byte[]> entries(Keyspace keyspace) {
        return entries.computeIfAbsent(keyspace, k -> new TreeMap<>(Arrays::compareUnsigned));
    }

    /** The buffered value: null when this transaction has not touched the key, TOMBSTONE when deleted. */
    public byte[] get(Keyspace keyspace, byte[] key) {
        NavigableMap<byte[], byte[]> map = entries.get(keyspace);
        return map == null ? null : map.get(key);
    }

    /** Stores {@code value} (or TOMBSTONE) and returns what was buffered before (null if nothing). */
    public byte[] put(Keyspace keyspace, byte[] key, byte[] value) {
        return entries(keyspace).put(key, value);
    }

    /** Restores a buffered entry to what it was (null: untouched), for the undo log. */
    void restore(Keyspace keyspace, byte[] key, byte[] previous) {
        if (previous == null) {
            entries(keyspace).remove(key);
        } else {
            put(keyspace, key, previous);
        }
    }

    void addRangeDelete(byte[] from, byte[] to) {
        rangeDeletes.add(new byte[][] {from, to});
    }

    void removeLastRangeDelete() {
        rangeDeletes.remove(rangeDeletes.size() - 1);
    }

    public boolean isEmpty() {
        return rangeDeletes.isEmpty() && entries.values().stream().allMatch(Map::isEmpty);
    }

    /** Range deletes first (they clear dropped key ranges), then every buffered put and delete. */
    public WriteBatch toBatch() {
        WriteBatch batch = new WriteBatch();
        for (byte[][] range : rangeDeletes) {
            batch.deleteRange(Keyspace.DATA, range[0], range[1]);
        }
        for (Map.Entry<Keyspace, NavigableMap<byte[], byte[]>> keyspace : entries.entrySet()) {
            for (Map.Entry<byte[], byte[]> entry : keyspace.getValue().entrySet()) {
                if (entry.getValue() == TOMBSTONE) {
                    batch.delete(keyspace.getKey(), entry.getKey());
                } else {
                    batch.put(keyspace.getKey(), entry.getKey(), entry.getValue());
                }
            }
        }
        return batch;
    }
}
