package io.weftdb.engine.plan;

import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.KeyedRowSource;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.storage.KeyCursor;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.table.TableCodec;
import java.util.List;

/**
 * Reads a table's rows through one index: the primary index directly (rows are its entries), or a
 * secondary index whose entries lead to the rows. Streams: one stored entry in memory at a time.
 */
public record TableScanNode(TableDef table, String alias, KeyRange range, Scope output) implements PlanNode {

    @Override
    public KeyedRowSource open(ExecutionEnvironment environment) {
        return new Scan(environment);
    }

    @Override
    public String describe() {
        String relation = table.name() + (alias.equals(table.name()) ? "" : " " + alias);
        if (range.isFull() && range.index().primary()) {
            return "Seq Scan on " + relation;
        }
        return "Index Scan using " + range.index().name() + " on " + relation;
    }

    @Override
    public List<PlanNode> children() {
        return List.of();
    }

    private final class Scan implements KeyedRowSource {
        private final ExecutionEnvironment environment;
        private final TableCodec codec = new TableCodec(table);
        private final boolean viaPrimary = range.index().primary();
        private KeyCursor cursor;
        private boolean exhausted;
        private byte[] key;
        private byte[] value;
        private Object[] row;
        private int sinceCancelCheck;

        Scan(ExecutionEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public boolean next() {
            if (exhausted) {
                return false;
            }
            if (cursor == null) {
                byte[][] bounds = range.resolve(table, environment.context());
                if (bounds == null) {
                    exhausted = true;
                    return false;
                }
                if (viaPrimary && range.isPoint()) {
                    // A full primary key names at most one row: one point read, no iterator.
                    exhausted = true;
                    key = bounds[0];
                    value = environment.reader().get(Keyspace.DATA, key);
                    if (value == null) {
                        return false;
                    }
                    row = codec.decodeRow(value);
                    return true;
                }
                cursor = environment.reader().scan(Keyspace.DATA, bounds[0], bounds[1]);
            }
            while (cursor.next()) {
                if (++sinceCancelCheck == 1024) {
                    sinceCancelCheck = 0;
                    environment.checkCancelled();
                }
                if (viaPrimary) {
                    key = cursor.key();
                    value = cursor.value();
                } else {
                    key = codec.rowKeyOfIndexEntry(range.index(), cursor.key());
                    value = environment.reader().get(Keyspace.DATA, key);
                    if (value == null) {
                        continue;
                    }
                }
                row = codec.decodeRow(value);
                return true;
            }
            exhausted = true;
            return false;
        }

        @Override
        public Object[] row() {
            return row;
        }

        @Override
        public byte[] key() {
            return key;
        }

        @Override
        public byte[] storedValue() {
            return value;
        }

        @Override
        public void close() {
            if (cursor != null) {
                cursor.close();
                cursor = null;
            }
        }
    }
}
