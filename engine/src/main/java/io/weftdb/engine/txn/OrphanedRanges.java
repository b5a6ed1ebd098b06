package io.weftdb.engine.txn;

import io.weftdb.engine.catalog.Catalog;
import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.encoding.KeyDecoder;
import io.weftdb.engine.encoding.KeyEncoder;
import io.weftdb.engine.storage.KeyCursor;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.storage.ReadView;
import io.weftdb.engine.storage.Storage;
import io.weftdb.engine.storage.WriteBatch;
import java.util.HashSet;
import java.util.Set;

/**
 * Rows a transaction spilled to the store and never committed (the server stopped first) sit under
 * index ids no catalog names. When the engine opens, before any transaction can create new ones,
 * every such range is deleted: one seek per distinct index id, so it costs next to nothing.
 */
final class OrphanedRanges {
    private OrphanedRanges() {
    }

    /** Deletes the DATA ranges of positive index ids that no table of {@code catalog} has; returns how many. */
    static int delete(Storage storage, Catalog catalog) {
        Set<Long> known = new HashSet<>();
        for (TableDef table : catalog.ofType(TableDef.class)) {
            for (IndexDef index : table.indexes()) {
                known.add(index.id());
            }
        }
        WriteBatch orphans = new WriteBatch();
        int count = 0;
        // Catalog ids start above zero. Prefixes are unsigned big-endian, so the reserved negative
        // ranges (comments -1, statistics -2) sort after every positive id: the scan stops before them.
        byte[] from = new KeyEncoder().writeLong(1).toByteArray();
        byte[] to = new KeyEncoder().writeLong(Long.MIN_VALUE).toByteArray();
        try (ReadView view = storage.latest(); KeyCursor cursor = view.scan(Keyspace.DATA, from, to)) {
            while (cursor.next()) {
                long id = new KeyDecoder(cursor.key()).readLong();
                byte[] prefix = new KeyEncoder().writeLong(id).toByteArray();
                byte[] end = KeyEncoder.prefixSuccessor(prefix);
                if (!known.contains(id)) {
                    orphans.deleteRange(Keyspace.DATA, prefix, end);
                    count++;
                }
                cursor.seek(end);
            }
        }
        if (!orphans.isEmpty()) {
            storage.write(orphans, true);
        }
        return count;
    }
}
