package io.weftdb.engine.table;

import io.weftdb.engine.storage.KeyCursor;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.storage.ReadView;
import io.weftdb.engine.txn.Transaction;
import io.weftdb.engine.txn.TransactionManager;
import io.weftdb.engine.txn.WriteBuffer;

/**
 * Reads as a transaction sees the data: its own buffered writes over its statement snapshot (over
 * the latest state for ranges it spilled to the store early), or, for constraint checks that must
 * not miss concurrent commits, over the latest committed state.
 */
public final class TransactionReader {
    private final Transaction transaction;
    private final TransactionManager manager;

    public TransactionReader(Transaction transaction, TransactionManager manager) {
        this.transaction = transaction;
        this.manager = manager;
    }

    public Transaction transaction() {
        return transaction;
    }

    public byte[] get(Keyspace keyspace, byte[] key) {
        byte[] buffered = transaction.buffer().get(keyspace, key);
        if (buffered != null) {
            return buffered == WriteBuffer.TOMBSTONE ? null : buffered;
        }
        return transaction.viewFor(keyspace, key).get(keyspace, key);
    }

    /** The value as last committed by anyone (or as this transaction changed it). */
    public byte[] getLatest(Keyspace keyspace, byte[] key) {
        byte[] buffered = transaction.buffer().get(keyspace, key);
        if (buffered != null) {
            return buffered == WriteBuffer.TOMBSTONE ? null : buffered;
        }
        if (transaction.outsideSpilledRows(keyspace, key)) {
            return null;
        }
        return transaction.latestView().get(keyspace, key);
    }

    /** Whether this transaction itself has written {@code key}. */
    public boolean wroteItself(Keyspace keyspace, byte[] key) {
        return transaction.buffer().get(keyspace, key) != null;
    }

    /** The committed value in this statement's snapshot, ignoring the transaction's own writes. */
    public byte[] getSnapshot(Keyspace keyspace, byte[] key) {
        return transaction.snapshot().get(keyspace, key);
    }

    public KeyCursor scan(Keyspace keyspace, byte[] from, byte[] to) {
        return merged(transaction.viewFor(keyspace, from).scan(keyspace, from, to),
                transaction.buffer().entries(keyspace, from, to));
    }

    /** Like {@link #scan} over the latest committed state; the view is closed with the cursor. */
    public KeyCursor scanLatest(Keyspace keyspace, byte[] from, byte[] to) {
        ReadView latest = manager.latest();
        KeyCursor stored = latest.scan(keyspace, from, to);
        KeyCursor owning = new KeyCursor() {
            @Override
            public boolean next() {
                return stored.next();
            }

            @Override
            public byte[] key() {
                return stored.key();
            }

            @Override
            public byte[] value() {
                return stored.value();
            }

            @Override
            public void seek(byte[] key) {
                stored.seek(key);
            }

            @Override
            public void close() {
                stored.close();
                latest.close();
            }
        };
        return merged(owning, transaction.buffer().entries(keyspace, from, to));
    }

    /** The stored entries merged with the buffered ones; when nothing is buffered in the range, the stored cursor itself. */
    private static KeyCursor merged(KeyCursor stored, java.util.Iterator<java.util.Map.Entry<byte[], byte[]>> buffered) {
        return buffered.hasNext() ? new MergedCursor(stored, buffered) : stored;
    }
}
