package io.weftdb.engine.txn;

import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.storage.Writes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A transaction's private writes, ordered like the store so reads can merge them with a snapshot.
 * Nobody else sees them until commit replays them into the store as one atomic write.
 */
public final class WriteBuffer implements Writes {
    /** Marks a deleted key; compared by identity, so no stored value can be mistaken for it. */
    public static final byte[] TOMBSTONE = new byte[0];

    private final Map<Keyspace, KeyspaceWrites> keyspaces = new EnumMap<>(Keyspace.class);
    private final List<byte[][]> rangeDeletes = new ArrayList<>();

    KeyspaceWrites writes(Keyspace keyspace) {
        return keyspaces.computeIfAbsent(keyspace, k -> new KeyspaceWrites());
    }

    /** The buffered value: null when this transaction has not touched the key, TOMBSTONE when deleted. */
    public byte[] get(Keyspace keyspace, byte[] key) {
        KeyspaceWrites writes = keyspaces.get(keyspace);
        return writes == null ? null : writes.get(key);
    }

    /**
     * The buffered entries with keys in {@code [from, to)} (a null bound is open), in key order, as
     * they are now: writes made while the iterator is read are not part of it.
     */
    public Iterator<Map.Entry<byte[], byte[]>> entries(Keyspace keyspace, byte[] from, byte[] to) {
        KeyspaceWrites writes = keyspaces.get(keyspace);
        return writes == null ? java.util.Collections.emptyIterator() : writes.entries(from, to);
    }

    /** Bytes the buffer holds, roughly: what a large transaction costs in memory until it commits. */
    public long retainedBytes() {
        long total = 0;
        for (KeyspaceWrites writes : keyspaces.values()) {
            total += writes.retainedBytes();
        }
        return total;
    }

    /** Forgets every buffered write to {@code keyspace} (they were written to the store early). */
    void clear(Keyspace keyspace) {
        keyspaces.remove(keyspace);
    }

    void addRangeDelete(byte[] from, byte[] to) {
        rangeDeletes.add(new byte[][] {from, to});
    }

    void removeLastRangeDelete() {
        rangeDeletes.remove(rangeDeletes.size() - 1);
    }

    @Override
    public boolean isEmpty() {
        if (!rangeDeletes.isEmpty()) {
            return false;
        }
        if (keyspaces.isEmpty()) {
            return true; // every read-only commit asks: no iterator for it
        }
        for (KeyspaceWrites writes : keyspaces.values()) {
            if (!writes.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Range deletes first (they clear dropped key ranges), then every buffered put and delete. */
    @Override
    public void replay(Receiver receiver) {
        for (byte[][] range : rangeDeletes) {
            receiver.deleteRange(Keyspace.DATA, range[0], range[1]);
        }
        for (Map.Entry<Keyspace, KeyspaceWrites> keyspace : keyspaces.entrySet()) {
            keyspace.getValue().replay(keyspace.getKey(), receiver);
        }
    }
}
