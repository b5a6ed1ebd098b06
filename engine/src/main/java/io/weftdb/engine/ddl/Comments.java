package io.weftdb.engine.ddl;

import io.weftdb.engine.encoding.KeyEncoder;
import io.weftdb.engine.storage.KeyCursor;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.table.TransactionReader;
import io.weftdb.engine.txn.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * COMMENT ON texts, kept as ordinary transactional data in a key range of their own (no index id
 * reaches it): a comment commits and rolls back with its transaction and needs no catalog change.
 * A key is (object id, sub id): the sub id is a column's attnum for COMMENT ON COLUMN, else 0. Object
 * ids are never reused, so a dropped object's comment simply stops being read.
 */
public final class Comments {
    /** The reserved index id of the range; catalog object ids are positive. */
    private static final long RANGE = -1;

    /** One stored comment. */
    public record Entry(long objectId, int subId, String text) {}

    private Comments() {
    }

    static byte[] key(long objectId, int subId) {
        return new KeyEncoder().writeLong(RANGE).writeLong(objectId).writeLong(subId).toByteArray();
    }

    /** Sets the comment, or removes it when {@code text} is null. */
    static void set(Transaction transaction, long objectId, int subId, String text) {
        if (text == null) {
            transaction.delete(Keyspace.DATA, key(objectId, subId));
        } else {
            transaction.put(Keyspace.DATA, key(objectId, subId), text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The comment as the transaction sees it, or null. */
    public static String get(TransactionReader reader, long objectId, int subId) {
        byte[] value = reader.get(Keyspace.DATA, key(objectId, subId));
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** The committed comment as {@code view} sees it, or null. */
    public static String get(io.weftdb.engine.storage.ReadView view, long objectId, int subId) {
        byte[] value = view.get(Keyspace.DATA, key(objectId, subId));
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** Every comment the transaction sees, in key order. */
    public static List<Entry> all(TransactionReader reader) {
        byte[] from = new KeyEncoder().writeLong(RANGE).toByteArray();
        List<Entry> entries = new ArrayList<>();
        try (KeyCursor cursor = reader.scan(Keyspace.DATA, from, KeyEncoder.prefixSuccessor(from))) {
            while (cursor.next()) {
                var decoder = new io.weftdb.engine.encoding.KeyDecoder(cursor.key());
                decoder.readLong();
                long objectId = decoder.readLong();
                int subId = (int) decoder.readLong();
                entries.add(new Entry(objectId, subId, new String(cursor.value(), StandardCharsets.UTF_8)));
            }
        }
        return entries;
    }
}
