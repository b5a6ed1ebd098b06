package io.weftdb.engine.plan;

import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.encoding.KeyDecoder;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.KeyedRowSource;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.storage.KeyCursor;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.table.TableCodec;
import java.util.List;

/**
 * Reads a table's rows through one index: the primary index directly (rows are its entries), or a
 * secondary index whose entries lead to the rows. Streams: one stored entry in memory at a time.
 */
public record TableScanNode(TableDef table, String alias, KeyRange range, Scope output, boolean[] decoded)
        implements PlanNode {
    /** A scan decoding every column. */
    public TableScanNode(TableDef table, String alias, KeyRange range, Scope output) {
        this(table, alias, range, output, null);
    }

    @Override
    public KeyedRowSource open(ExecutionEnvironment environment) {
        return new Scan(environment, null, null);
    }

    /**
     * The rows for which {@code condition} is true, decoding only the {@code conditionColumns}
     * until it is: most of a selective filter's rows are never fully decoded.
     */
    KeyedRowSource openFiltered(ExecutionEnvironment environment, BoundExpr condition, boolean[] conditionColumns) {
        return new Scan(environment, condition, conditionColumns);
    }

    @Override
    public String describe() {
        String relation = table.name() + (alias.equals(table.name()) ? "" : " " + alias);
        if (range.isFull() && range.index().primary()) {
            return "Seq Scan on " + relation;
        }
        return (indexOnly() ? "Index Only Scan using " : "Index Scan using ") + range.index().name() + " on " + relation;
    }

    /**
     * Whether every column the query reads is in the secondary index's entries (its own columns and
     * the primary key that ends each entry) and decodes from a key exactly as stored: the scan then
     * answers from the index without reading the rows. Numbers whose key form loses their scale or
     * sign of zero (numeric, floats), padded char and the like are read from the rows.
     */
    boolean indexOnly() {
        if (decoded == null || range.index().primary() || table.hiddenRowId()) {
            return false;
        }
        boolean[] inKey = new boolean[decoded.length];
        for (int position : table.keyPositions(range.index())) {
            inKey[position] = true;
        }
        for (int position : table.keyPositions(table.primaryIndex())) {
            inKey[position] = true;
        }
        for (int i = 0; i < decoded.length; i++) {
            if (decoded[i] && (!inKey[i] || !exactInKeys(table.columns().get(i).type().kind()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean exactInKeys(io.weftdb.ir.type.TypeKind kind) {
        return switch (kind) {
            case BOOLEAN, SMALLINT, INTEGER, BIGINT, TEXT, VARCHAR, BYTEA, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, UUID -> true;
            default -> false;
        };
    }

    @Override
    public List<PlanNode> children() {
        return List.of();
    }

    private final class Scan implements KeyedRowSource {
        private final ExecutionEnvironment environment;
        private final TableCodec codec = TableCodec.of(table);
        private final BoundExpr condition;
        private final TableCodec.Subset conditionPart;
        private final TableCodec.Subset restPart;
        private final boolean viaPrimary = range.index().primary();
        /** Rows are decoded from the index entries' keys (see {@link #indexOnly()}). */
        private final boolean fromIndexKeys = indexOnly();
        /** No column is decoded: stored values need not even be fetched. */
        private final boolean readsNothing;
        private KeyCursor cursor;
        private boolean exhausted;
        private byte[] key;
        private byte[] value;
        private Object[] row;
        private int sinceCancelCheck;

        Scan(ExecutionEnvironment environment, BoundExpr condition, boolean[] conditionColumns) {
            this.environment = environment;
            this.condition = condition;
            boolean[] rest = decoded == null ? null : decoded.clone();
            if (condition != null) {
                rest = new boolean[conditionColumns.length];
                for (int i = 0; i < rest.length; i++) {
                    rest[i] = !conditionColumns[i] && (decoded == null || decoded[i]);
                }
            }
            conditionPart = condition == null ? null : codec.subset(conditionColumns);
            restPart = rest == null ? null : codec.subset(rest);
            boolean none = rest != null && condition == null;
            for (int i = 0; none && i < rest.length; i++) {
                none = !rest[i];
            }
            readsNothing = none;
        }

        /**
         * The stored row decoded (only the columns the query reads, the others left null), or null
         * when the scan's condition rejects it.
         */
        private Object[] decode(byte[] stored) {
            if (restPart == null) {
                return codec.decodeRow(stored);
            }
            Object[] values = codec.emptyRow(stored);
            if (condition != null) {
                conditionPart.decode(stored, values);
                if (!Boolean.TRUE.equals(condition.evaluate(values, environment.context()))) {
                    return null;
                }
            }
            restPart.decode(stored, values);
            return values;
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
                    environment.statistics().noteScan(range.index().id());
                    key = bounds[0];
                    value = environment.reader().get(Keyspace.DATA, key);
                    if (value == null) {
                        return false;
                    }
                    row = decode(value);
                    return row != null;
                }
                cursor = environment.reader().scan(Keyspace.DATA, bounds[0], bounds[1]);
                environment.statistics().noteScan(range.isFull() && viaPrimary ? table.id() : range.index().id());
            }
            while (cursor.next()) {
                if (++sinceCancelCheck == 1024) {
                    sinceCancelCheck = 0;
                    environment.checkCancelled();
                }
                if (viaPrimary && readsNothing) {
                    // SELECT count(*) and the like: the row's existence is all that is read.
                    key = cursor.key();
                    value = null;
                    row = new Object[output.columns().size()];
                    return true;
                }
                if (viaPrimary) {
                    key = cursor.key();
                    value = cursor.value();
                } else if (fromIndexKeys) {
                    key = codec.rowKeyOfIndexEntry(range.index(), cursor.key());
                    value = null;
                    row = keyValues(cursor.key());
                    if (condition == null || Boolean.TRUE.equals(condition.evaluate(row, environment.context()))) {
                        return true;
                    }
                    continue;
                } else {
                    key = codec.rowKeyOfIndexEntry(range.index(), cursor.key());
                    value = environment.reader().get(Keyspace.DATA, key);
                    if (value == null) {
                        continue;
                    }
                }
                row = decode(value);
                if (row != null) {
                    return true;
                }
            }
            exhausted = true;
            return false;
        }

        /** The columns an index entry holds: the index's own, then the primary key's that end it. */
        private Object[] keyValues(byte[] entry) {
            Object[] values = new Object[output.columns().size()];
            KeyDecoder decoder = new KeyDecoder(entry);
            decoder.readLong();
            readColumns(decoder, range.index(), values);
            readColumns(decoder, table.primaryIndex(), values);
            return values;
        }

        private void readColumns(KeyDecoder decoder, IndexDef index, Object[] values) {
            int[] positions = table.keyPositions(index);
            for (int i = 0; i < positions.length; i++) {
                values[positions[i]] = decoder.readValue(table.columns().get(positions[i]).type().kind(),
                        index.descending().get(i));
            }
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
