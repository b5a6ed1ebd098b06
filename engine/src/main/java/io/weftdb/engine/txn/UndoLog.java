package io.weftdb.engine.txn;

import io.weftdb.engine.catalog.Catalog;
import io.weftdb.engine.storage.Keyspace;
import java.util.ArrayList;
import java.util.List;

/**
 * What a transaction must undo to return to an earlier point: every change to its write buffer (the
 * entry's previous buffered state), every catalog change (the previous working catalog) and every
 * range delete. Savepoints and the implicit savepoint around each statement are just positions in
 * this log; rolling back to one replays the entries after it in reverse.
 */
public final class UndoLog {
    private sealed interface Entry {}

    private record BufferEntry(Keyspace keyspace, byte[] key, byte[] previous) implements Entry {}

    private record CatalogEntry(Catalog previous, List<Long> changedIds) implements Entry {}

    private record RangeDeleteEntry() implements Entry {}

    private final List<Entry> entries = new ArrayList<>();

    public int position() {
        return entries.size();
    }

    void recordBufferChange(Keyspace keyspace, byte[] key, byte[] previous) {
        entries.add(new BufferEntry(keyspace, key, previous));
    }

    void recordCatalogChange(Catalog previous, List<Long> changedIdsBefore) {
        entries.add(new CatalogEntry(previous, changedIdsBefore));
    }

    void recordRangeDelete() {
        entries.add(new RangeDeleteEntry());
    }

    /** Undoes every entry after {@code position}, newest first. */
    void rollbackTo(int position, Transaction transaction) {
        for (int i = entries.size() - 1; i >= position; i--) {
            switch (entries.remove(i)) {
                case BufferEntry buffer -> transaction.buffer().restore(buffer.keyspace(), buffer.key(), buffer.previous());
                case CatalogEntry catalog -> transaction.restoreCatalog(catalog.previous(), catalog.changedIds());
                case RangeDeleteEntry range -> transaction.buffer().removeLastRangeDelete();
            }
        }
    }

    public void clear() {
        entries.clear();
    }
}
