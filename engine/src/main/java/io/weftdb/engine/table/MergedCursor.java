package io.weftdb.engine.table;

import io.weftdb.engine.storage.KeyCursor;
import io.weftdb.engine.txn.WriteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A cursor over committed entries merged with a transaction's own buffered writes: a buffered
 * value replaces the stored one, a buffered tombstone hides it. The buffer range is copied when the
 * cursor opens, so writes made while scanning (by the same statement) are not seen by it.
 */
final class MergedCursor implements KeyCursor {
    private final KeyCursor stored;
    private final Iterator<Map.Entry<byte[], byte[]>> buffered;
    private byte[] storedKey;
    private byte[] storedValue;
    private Map.Entry<byte[], byte[]> bufferedEntry;
    private byte[] key;
    private byte[] value;
    private boolean started;

    MergedCursor(KeyCursor stored, NavigableMap<byte[], byte[]> buffer, byte[] from, byte[] to) {
        this.stored = stored;
        this.buffered = snapshot(buffer, from, to);
    }

    private static Iterator<Map.Entry<byte[], byte[]>> snapshot(NavigableMap<byte[], byte[]> buffer, byte[] from, byte[] to) {
        if (buffer == null || buffer.isEmpty()) {
            return java.util.Collections.emptyIterator();
        }
        NavigableMap<byte[], byte[]> range;
        if (from != null && to != null) {
            range = buffer.subMap(from, true, to, false);
        } else if (from != null) {
            range = buffer.tailMap(from, true);
        } else if (to != null) {
            range = buffer.headMap(to, false);
        } else {
            range = buffer;
        }
        java.util.List<Map.Entry<byte[], byte[]>> copy = new java.util.ArrayList<>(range.size());
        for (Map.Entry<byte[], byte[]> entry : range.entrySet()) {
            copy.add(Map.entry(entry.getKey(), entry.getValue()));
        }
        return copy.iterator();
    }

    @Override
    public boolean next() {
        if (!started) {
            started = true;
            advanceStored();
            advanceBuffered();
        }
        while (true) {
            if (storedKey == null && bufferedEntry == null) {
                key = null;
                value = null;
                return false;
            }
            int order = storedKey == null ? 1 : bufferedEntry == null ? -1 : Arrays.compareUnsigned(storedKey, bufferedEntry.getKey());
            if (order < 0) {
                key = storedKey;
                value = storedValue;
                advanceStored();
                return true;
            }
            byte[] bufferedValue = bufferedEntry.getValue();
            byte[] bufferedKey = bufferedEntry.getKey();
            if (order == 0) {
                advanceStored();
            }
            advanceBuffered();
            if (bufferedValue != WriteBuffer.TOMBSTONE) {
                key = bufferedKey;
                value = bufferedValue;
                return true;
            }
        }
    }

    private void advanceStored() {
        if (stored.next()) {
            storedKey = stored.key().clone();
            storedValue = stored.value().clone();
        } else {
            storedKey = null;
            storedValue = null;
        }
    }

    private void advanceBuffered() {
        bufferedEntry = buffered.hasNext() ? buffered.next() : null;
    }

    @Override
    public byte[] key() {
        return key;
    }

    @Override
    public byte[] value() {
        return value;
    }

    @Override
    public void seek(byte[] target) {
        throw new UnsupportedOperationException("merged cursors are read front to back");
    }

    @Override
    public void close() {
        stored.close();
    }
}
