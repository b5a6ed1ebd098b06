package io.weftdb.engine.table;

import io.weftdb.engine.storage.KeyCursor;
import io.weftdb.engine.txn.WriteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * A cursor over committed entries merged with a transaction's own buffered writes: a buffered
 * value replaces the stored one, a buffered tombstone hides it. The buffered entries are those of
 * when the cursor opens, so writes made while scanning (by the same statement) are not seen by it.
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

    /** {@code buffered}: the transaction's entries in the cursor's range, in key order (see WriteBuffer#entries). */
    MergedCursor(KeyCursor stored, Iterator<Map.Entry<byte[], byte[]>> buffered) {
        this.stored = stored;
        this.buffered = buffered;
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
            storedKey = stored.key();
            storedValue = stored.value();
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
