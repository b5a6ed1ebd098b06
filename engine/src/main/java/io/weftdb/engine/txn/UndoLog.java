package io.weftdb.engine.txn;

import io.weftdb.engine.catalog.Catalog;
import io.weftdb.engine.storage.Keyspace;
import java.util.ArrayList;
import java.util.List;

/**
 * What a transaction must undo to return to an earlier point: every change to its write buffer (the
 * entry's previous buffered state), every catalog change (the previous working catalog) and every
 * range delete; appends to a write run are counted rather than logged one by one. Savepoints and the implicit savepoint around each statement are just positions in
 * this log; rolling back to one replays the entries after it in reverse.
 */
public final class UndoLog {
    private sealed interface Entry {}

    private record BufferEntry(Keyspace keyspace, byte[] key, byte[] previous) implements Entry {}

    private record CatalogEntry(Catalog previous, List<Long> changedIds) implements Entry {}

    private record RangeDeleteEntry() implements Entry {}

    /** Appends to a keyspace's run, counted: a bulk load logs one entry, not one per row. */
    private static final class AppendEntry implements Entry {
        private final Keyspace keyspace;
        private final PackedRun run;
        private int count = 1;

        AppendEntry(Keyspace keyspace, PackedRun run) {
            this.keyspace = keyspace;
            this.run = run;
        }
    }

    private record RunCutEntry(Keyspace keyspace, PackedRun run, PackedRun removed) implements Entry {}

    private final List<Entry> entries = new ArrayList<>();
    /** Entries below this index were logged before a position was handed out, so they must not grow. */
    private int sealed;

    public int position() {
        sealed = entries.size();
        return sealed;
    }

    void recordBufferChange(Keyspace keyspace, byte[] key, byte[] previous) {
        entries.add(new BufferEntry(keyspace, key, previous));
    }

    void recordAppend(Keyspace keyspace, PackedRun run) {
        int last = entries.size() - 1;
        if (last >= sealed && entries.get(last) instanceof AppendEntry append && append.run == run) {
            append.count++;
        } else {
            entries.add(new AppendEntry(keyspace, run));
        }
    }

    void recordRunCut(Keyspace keyspace, PackedRun run, PackedRun removed) {
        entries.add(new RunCutEntry(keyspace, run, removed));
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
                case BufferEntry buffer -> transaction.buffer().writes(buffer.keyspace()).restore(buffer.key(), buffer.previous());
                case AppendEntry append -> transaction.buffer().writes(append.keyspace).dropAppended(append.run, append.count);
                case RunCutEntry cut -> transaction.buffer().writes(cut.keyspace()).restoreRun(cut.run(), cut.removed());
                case CatalogEntry catalog -> transaction.restoreCatalog(catalog.previous(), catalog.changedIds());
                case RangeDeleteEntry range -> transaction.buffer().removeLastRangeDelete();
            }
        }
        sealed = Math.min(sealed, entries.size());
    }

    public void clear() {
        entries.clear();
        sealed = 0;
    }
}
