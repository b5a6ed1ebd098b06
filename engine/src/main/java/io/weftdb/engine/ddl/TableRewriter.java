package io.weftdb.engine.ddl;

import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.storage.KeyCursor;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.table.TableCodec;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Index backfills and whole-table rewrites, for DDL that cannot be done by changing the catalog
 * alone (CREATE INDEX, ADD PRIMARY KEY, ALTER COLUMN TYPE). A rewrite writes the new rows under new
 * index ids and drops the old key ranges at commit, so a rollback leaves the old table untouched.
 */
final class TableRewriter {
    /** The row mapping of a rewrite that changes only keys (ADD PRIMARY KEY): stored rows are copied as they are. */
    static final UnaryOperator<Object[]> UNCHANGED = row -> row;

    private TableRewriter() {
    }

    /** Writes the entries of a new secondary index for every existing row, checking uniqueness. */
    static void backfill(ExecutionEnvironment environment, TableDef table, IndexDef index) {
        // In the transaction's catalog first, so the new index counts as one only it can see (its rows may spill).
        environment.transaction().putCatalogObject(table);
        TableCodec codec = new TableCodec(table);
        Set<ByteKey> seen = index.unique() ? new HashSet<>() : null;
        long primary = table.primaryIndex().id();
        try (KeyCursor cursor = environment.reader().scan(Keyspace.DATA, TableCodec.indexPrefix(primary), TableCodec.indexEnd(primary))) {
            while (cursor.next()) {
                Object[] row = codec.decodeRow(cursor.value());
                if (seen != null && !codec.hasNullKey(index, row)
                        && !seen.add(new ByteKey(codec.indexValuesKey(index, row).toByteArray()))) {
                    throw duplicate(table, index, row);
                }
                environment.transaction().put(Keyspace.DATA, codec.indexKey(index, row, cursor.key().clone()),
                        TableCodec.emptyValue());
            }
        }
    }

    /**
     * Copies every row of {@code oldTable} into {@code newTable} (which must use new index ids),
     * through {@code mapRow}, checking the new primary key's uniqueness, then rebuilds the secondary
     * indexes and schedules the old ranges for deletion.
     */
    static void rewrite(ExecutionEnvironment environment, TableDef oldTable, TableDef newTable, UnaryOperator<Object[]> mapRow) {
        // In the transaction's catalog first, so the new indexes count as ones only it can see (their rows may spill).
        environment.transaction().putCatalogObject(newTable);
        TableCodec oldCodec = new TableCodec(oldTable);
        TableCodec newCodec = new TableCodec(newTable);
        long oldPrimary = oldTable.primaryIndex().id();
        // Rows keep their stored bytes when only the keys change: each names its own layout, and both tables share them.
        boolean copyValues = mapRow == UNCHANGED && oldTable.layouts().equals(newTable.layouts());
        List<IndexDef> secondary = newTable.indexes().subList(1, newTable.indexes().size());
        List<Set<ByteKey>> uniqueSeen = new ArrayList<>();
        for (IndexDef index : secondary) {
            uniqueSeen.add(index.unique() ? new HashSet<>() : null);
        }
        // Copying stored bytes, only the columns of the new keys need decoding.
        TableCodec.Subset keyColumns = copyValues ? oldCodec.subset(indexColumns(newTable)) : null;
        int[] primaryKey = newTable.hiddenRowId() ? new int[0] : newTable.keyPositions(newTable.primaryIndex());
        try (KeyCursor cursor = environment.reader().scan(Keyspace.DATA, TableCodec.indexPrefix(oldPrimary),
                TableCodec.indexEnd(oldPrimary))) {
            while (cursor.next()) {
                Object[] row;
                if (keyColumns != null) {
                    row = oldCodec.emptyRow(cursor.value());
                    keyColumns.decode(cursor.value(), row);
                } else {
                    row = mapRow.apply(oldCodec.decodeRow(cursor.value()));
                }
                long rowId = newTable.hiddenRowId() ? environment.sequences().nextRowId(newTable.id()) : 0;
                for (int position : primaryKey) {
                    if (row[position] == null) {
                        throw new SqlException(ErrorCode.NOT_NULL_VIOLATION, "column \""
                                + newTable.columns().get(position).name() + "\" of relation \"" + newTable.name()
                                + "\" contains null values");
                    }
                }
                byte[] key = newCodec.rowKey(row, rowId);
                byte[] value = copyValues ? cursor.value() : newCodec.encodeRow(row);
                // The new primary index's range is empty but for this rewrite: a key already written is a duplicate.
                if (environment.transaction().storedEarly(Keyspace.DATA, key)
                        || environment.transaction().put(Keyspace.DATA, key, value) != null) {
                    throw duplicate(newTable, newTable.primaryIndex(), row);
                }
                for (int i = 0; i < secondary.size(); i++) {
                    IndexDef index = secondary.get(i);
                    Set<ByteKey> seen = uniqueSeen.get(i);
                    if (seen != null && !newCodec.hasNullKey(index, row)
                            && !seen.add(new ByteKey(newCodec.indexValuesKey(index, row).toByteArray()))) {
                        throw duplicate(newTable, index, row);
                    }
                    environment.transaction().put(Keyspace.DATA, newCodec.indexKey(index, row, key), TableCodec.emptyValue());
                }
                environment.checkCancelled();
            }
        }
        dropIndexRanges(environment, oldTable.indexes());
    }

    /** The columns any index of {@code table} (its primary key included) is keyed on. */
    private static boolean[] indexColumns(TableDef table) {
        boolean[] wanted = new boolean[table.columns().size()];
        for (IndexDef index : table.indexes()) {
            for (int position : table.keyPositions(index)) {
                wanted[position] = true;
            }
        }
        return wanted;
    }

    static void dropIndexRanges(ExecutionEnvironment environment, List<IndexDef> indexes) {
        for (IndexDef index : indexes) {
            environment.transaction().deleteRange(TableCodec.indexPrefix(index.id()), TableCodec.indexEnd(index.id()));
        }
    }

    private static SqlException duplicate(TableDef table, IndexDef index, Object[] row) {
        StringBuilder key = new StringBuilder("Key (");
        StringBuilder values = new StringBuilder();
        int[] positions = table.keyPositions(index);
        for (int i = 0; i < positions.length; i++) {
            key.append(i > 0 ? ", " : "").append(table.columns().get(positions[i]).name());
            values.append(i > 0 ? ", " : "").append(io.weftdb.engine.value.TextFormat.format(row[positions[i]],
                    table.columns().get(positions[i]).type()));
        }
        return new SqlException(ErrorCode.UNIQUE_VIOLATION, "could not create unique index \"" + index.name() + "\"", 0,
                key + ")=(" + values + ") is duplicated.", null, null);
    }

    /** Byte arrays as hash keys. */
    private record ByteKey(byte[] bytes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ByteKey key && java.util.Arrays.equals(key.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }
    }
}
