package io.weftdb.engine.table;

import io.weftdb.engine.catalog.CheckDef;
import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.catalog.ForeignKeyDef;
import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.encoding.KeyEncoder;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.expr.ParameterTypes;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.storage.KeyCursor;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.txn.LockKey;
import io.weftdb.engine.txn.LockManager;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.stmt.Query;
import io.weftdb.ir.stmt.ReferentialAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes rows of one table inside a transaction, keeping its indexes in step and enforcing its
 * constraints: NOT NULL, CHECK, primary key and unique (under locks, against the latest committed
 * state so concurrent inserts cannot both win) and foreign keys in both directions.
 */
public final class TableWriter {
    private final ExecutionEnvironment environment;
    private final TableDef table;
    private final TableCodec codec;
    private final List<BoundExpr> checks = new ArrayList<>();
    /** Foreign keys of any table (this one included) that reference this table. */
    private final List<Reference> referencedBy = new ArrayList<>();
    /** Rows this writer added minus rows it removed, applied to the table's row estimate at commit. */
    /** This writer's net rows added and rows changed, applied to the table's statistics at commit. */
    private long[] rowChanges;

    /**
     * This transaction holds the table exclusively (TRUNCATE, LOCK TABLE, ALTER TABLE in the same
     * transaction): every other writer, and every foreign-key check reading it as a parent, must
     * first share-lock the table, so its row and key-value locks would guard nothing. A bulk load
     * after TRUNCATE (pgbench -i) then takes no lock per row.
     */
    private final boolean exclusive;
    /** The table's indexes other than the primary one, in order. */
    private final List<IndexDef> secondaryIndexes;
    /** Parent tables this writer's foreign-key checks have share-locked already. */
    private final java.util.Set<Long> parentsLocked = new java.util.HashSet<>();

    private record Reference(TableDef child, ForeignKeyDef foreignKey) {}

    public TableWriter(ExecutionEnvironment environment, TableDef table) {
        this.environment = environment;
        this.table = table;
        // Every row written asks for them: a copy made once, not a view made per row.
        this.secondaryIndexes = List.copyOf(table.indexes().subList(1, table.indexes().size()));
        this.exclusive = environment.holdsLock(LockKey.table(table.id()), LockManager.Mode.EXCLUSIVE);
        this.codec = TableCodec.of(table);
        Scope scope = TableScope.of(table, table.name());
        ExpressionCompiler compiler = new ExpressionCompiler(scope, ParameterTypes.none());
        for (CheckDef check : table.checks()) {
            checks.add(compiler.compileCondition(check.condition(), "CHECK"));
        }
        for (TableDef child : environment.catalog().ofType(TableDef.class)) {
            for (ForeignKeyDef foreignKey : child.foreignKeys()) {
                if (foreignKey.referencedTableId() == table.id()) {
                    referencedBy.add(new Reference(child.id() == table.id() ? table : child, foreignKey));
                }
            }
        }
    }

    public TableCodec codec() {
        return codec;
    }

    /** Inserts a complete row (defaults applied, values of the column types); returns its key. */
    public byte[] insert(Object[] row) {
        checkRow(row);
        long rowId = table.hiddenRowId() ? environment.sequences().nextRowId(table.id()) : 0;
        byte[] key = codec.rowKey(row, rowId);
        if (!table.hiddenRowId()) {
            // A fresh hidden row id is unique by construction; a declared key must be checked under its lock.
            lockOwn(LockKey.row(key));
            if (environment.reader().getLatest(Keyspace.DATA, key) != null) {
                throw uniqueViolation(table.primaryIndex(), row);
            }
        }
        checkUniqueIndexes(row, key);
        checkReferences(row, null);
        environment.transaction().put(Keyspace.DATA, key, codec.encodeRow(row));
        for (IndexDef index : secondaryIndexes()) {
            environment.transaction().put(Keyspace.DATA, codec.indexKey(index, row, key), TableCodec.emptyValue());
        }
        countRows(1);
        return key;
    }

    /** A row already holding the unique key an insert would take: its key and its latest stored value. */
    public record Conflict(byte[] key, byte[] value) {}

    /**
     * The row whose {@code arbiter} key (the primary key or a unique index) equals {@code row}'s,
     * or null. Locks that key value first, so a concurrent insert of the same key waits for this
     * transaction: what INSERT ... ON CONFLICT decides stays true until it commits.
     */
    public Conflict findConflict(Object[] row, IndexDef arbiter) {
        if (arbiter.primary()) {
            if (table.hiddenRowId()) {
                return null;
            }
            byte[] key = codec.rowKey(row, 0);
            lockOwn(LockKey.row(key));
            byte[] value = environment.reader().getLatest(Keyspace.DATA, key);
            return value == null ? null : new Conflict(key, value);
        }
        if (codec.hasNullKey(arbiter, row)) {
            return null;
        }
        byte[] prefix = codec.indexValuesKey(arbiter, row).toByteArray();
        lockOwn(LockKey.uniqueValue(prefix));
        try (KeyCursor cursor = environment.reader().scanLatest(Keyspace.DATA, prefix, KeyEncoder.prefixSuccessor(prefix))) {
            while (cursor.next()) {
                byte[] owner = codec.rowKeyOfIndexEntry(arbiter, cursor.key());
                lockOwn(LockKey.row(owner));
                byte[] value = environment.reader().getLatest(Keyspace.DATA, owner);
                if (value != null) {
                    return new Conflict(owner, value);
                }
            }
        }
        return null;
    }

    /**
     * Locks a row the statement read in its snapshot and returns the version to modify: under READ
     * COMMITTED (and InnoDB's REPEATABLE READ) the latest committed one (null if it was deleted
     * meanwhile), under REPEATABLE READ the snapshot one, or 40001 when someone else changed it since
     * the snapshot.
     */
    public byte[] lockRowForWrite(byte[] key, byte[] snapshotValue) {
        return lockRow(key, snapshotValue, LockManager.Mode.EXCLUSIVE, Query.LockWait.WAIT);
    }

    /**
     * {@link #lockRowForWrite} in {@code mode} (SELECT ... FOR SHARE takes the row shared) and with a
     * wait policy: NOWAIT fails with 55P03 where it would wait, SKIP LOCKED returns null (as for a
     * deleted row) and takes nothing.
     */
    public byte[] lockRow(byte[] key, byte[] snapshotValue, LockManager.Mode mode, Query.LockWait wait) {
        if (!exclusive) {
            if (wait == Query.LockWait.WAIT) {
                environment.lock(LockKey.row(key), mode);
            } else if (!environment.tryLock(LockKey.row(key), mode)) {
                if (wait == Query.LockWait.SKIP_LOCKED) {
                    return null;
                }
                throw new SqlException(ErrorCode.LOCK_NOT_AVAILABLE,
                        "could not obtain lock on row in relation \"" + table.name() + "\"");
            }
        }
        if (environment.reader().wroteItself(Keyspace.DATA, key)) {
            return environment.reader().get(Keyspace.DATA, key);
        }
        byte[] latest = environment.reader().getLatest(Keyspace.DATA, key);
        if (Arrays.equals(latest, snapshotValue)) {
            return latest;
        }
        if (!environment.transaction().writesLatestRows()) {
            throw new SqlException(ErrorCode.SERIALIZATION_FAILURE, "could not serialize access due to concurrent update");
        }
        return latest;
    }

    /** Replaces {@code oldRow} (stored under {@code oldKey}, already locked) with {@code newRow}. */
    public void update(byte[] oldKey, Object[] oldRow, Object[] newRow) {
        checkRow(newRow);
        byte[] newKey = table.hiddenRowId() ? oldKey : codec.rowKey(newRow, 0);
        boolean keyChanged = !Arrays.equals(oldKey, newKey);
        if (keyChanged) {
            lockOwn(LockKey.row(newKey));
            if (environment.reader().getLatest(Keyspace.DATA, newKey) != null) {
                throw uniqueViolation(table.primaryIndex(), newRow);
            }
            environment.transaction().delete(Keyspace.DATA, oldKey);
        }
        checkUniqueIndexes(newRow, newKey);
        checkReferences(newRow, oldRow);
        checkReferencingRows(oldRow, newRow);
        environment.transaction().put(Keyspace.DATA, newKey, codec.encodeRow(newRow));
        for (IndexDef index : secondaryIndexes()) {
            byte[] oldEntry = codec.indexKey(index, oldRow, oldKey);
            byte[] newEntry = codec.indexKey(index, newRow, newKey);
            if (!Arrays.equals(oldEntry, newEntry)) {
                environment.transaction().delete(Keyspace.DATA, oldEntry);
                environment.transaction().put(Keyspace.DATA, newEntry, TableCodec.emptyValue());
            }
        }
        countRows(0);
    }

    /** Deletes a row (already locked) and its index entries, applying ON DELETE actions of referencing tables. */
    public void delete(byte[] key, Object[] row) {
        checkReferencingRows(row, null);
        environment.transaction().delete(Keyspace.DATA, key);
        countRows(-1);
        for (IndexDef index : secondaryIndexes()) {
            environment.transaction().delete(Keyspace.DATA, codec.indexKey(index, row, key));
        }
    }

    /**
     * Keeps the planner's row count of the table up to date without rescanning, and counts the rows
     * changed for automatic ANALYZE: the writer's totals are applied when the transaction commits (a
     * statement rolled back to a savepoint still counts: it is an estimate).
     */
    private void countRows(long change) {
        if (rowChanges == null) {
            long[] counts = rowChanges = new long[2];
            long tableId = table.id();
            environment.transaction().afterCommit(() -> environment.statistics().recordCommit(tableId, counts[0], counts[1]));
        }
        rowChanges[0] += change;
        rowChanges[1]++;
    }

    private List<IndexDef> secondaryIndexes() {
        return secondaryIndexes;
    }

    private void checkRow(Object[] row) {
        List<ColumnDef> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (row[i] == null && columns.get(i).notNull()) {
                throw new SqlException(ErrorCode.NOT_NULL_VIOLATION, "null value in column \"" + columns.get(i).name()
                        + "\" of relation \"" + table.name() + "\" violates not-null constraint", 0,
                        ConstraintMessages.failingRow(table, row), null, null);
            }
        }
        for (int i = 0; i < checks.size(); i++) {
            if (Boolean.FALSE.equals(checks.get(i).evaluate(row, environment.context()))) {
                throw new SqlException(ErrorCode.CHECK_VIOLATION, "new row for relation \"" + table.name()
                        + "\" violates check constraint \"" + table.checks().get(i).name() + "\"", 0,
                        ConstraintMessages.failingRow(table, row), null, null);
            }
        }
    }

    private void checkUniqueIndexes(Object[] row, byte[] rowKey) {
        for (IndexDef index : secondaryIndexes()) {
            if (!index.unique() || codec.hasNullKey(index, row)) {
                continue;
            }
            byte[] prefix = codec.indexValuesKey(index, row).toByteArray();
            lockOwn(LockKey.uniqueValue(prefix));
            try (KeyCursor cursor = environment.reader().scanLatest(Keyspace.DATA, prefix, KeyEncoder.prefixSuccessor(prefix))) {
                while (cursor.next()) {
                    byte[] owner = codec.rowKeyOfIndexEntry(index, cursor.key());
                    if (!Arrays.equals(owner, rowKey)) {
                        throw uniqueViolation(index, row);
                    }
                }
            }
        }
    }

    private SqlException uniqueViolation(IndexDef index, Object[] row) {
        return new SqlException(ErrorCode.UNIQUE_VIOLATION, "duplicate key value violates unique constraint \""
                + index.name() + "\"", 0,
                ConstraintMessages.keyDetail(table, table.keyPositions(index), row) + " already exists.", null, null);
    }

    /** Child side: every non-null foreign key of {@code row} must exist in the referenced table. */
    private void checkReferences(Object[] row, Object[] oldRow) {
        for (ForeignKeyDef foreignKey : table.foreignKeys()) {
            boolean changed = oldRow == null;
            for (int position : positions(table, foreignKey.columnIds())) {
                changed |= oldRow != null && !java.util.Objects.equals(row[position], oldRow[position]);
            }
            if (changed) {
                checkReference(foreignKey, row);
            }
        }
    }

    /** Checks one foreign key of {@code row} (also used to validate a constraint added to a filled table). */
    public void checkReference(ForeignKeyDef foreignKey, Object[] row) {
        int[] positions = positions(table, foreignKey.columnIds());
        for (int position : positions) {
            if (row[position] == null) {
                return;
            }
        }
        TableDef parent = foreignKey.referencedTableId() == table.id() ? table
                : environment.catalog().table(foreignKey.referencedTableId());
        Object[] probe = new Object[parent.columns().size()];
        int[] parentPositions = positions(parent, foreignKey.referencedColumnIds());
        for (int i = 0; i < positions.length; i++) {
            probe[parentPositions[i]] = row[positions[i]];
        }
        if (!referencedRowExists(parent, parentPositions, probe)) {
            throw new SqlException(ErrorCode.FOREIGN_KEY_VIOLATION, "insert or update on table \"" + table.name()
                    + "\" violates foreign key constraint \"" + foreignKey.name() + "\"", 0,
                    ConstraintMessages.keyDetail(table, positions, row) + " is not present in table \""
                            + parent.name() + "\".", null, null);
        }
    }

    /** Finds the parent row through its primary key or a unique index on the referenced columns, and share-locks it. */
    private boolean referencedRowExists(TableDef parent, int[] parentPositions, Object[] probe) {
        if (parentsLocked.add(parent.id())) {
            // Conflicts with a transaction holding the parent exclusively, which takes no row locks (see exclusive).
            environment.lock(LockKey.table(parent.id()), LockManager.Mode.SHARED);
        }
        TableCodec parentCodec = TableCodec.of(parent);
        for (IndexDef index : parent.indexes()) {
            if (!index.unique() || !Arrays.equals(sorted(parent.keyPositions(index)), sorted(parentPositions))) {
                continue;
            }
            if (index.primary()) {
                byte[] key = parentCodec.rowKey(probe, 0);
                environment.lock(LockKey.row(key), LockManager.Mode.SHARED);
                return environment.reader().getLatest(Keyspace.DATA, key) != null;
            }
            byte[] prefix = parentCodec.indexValuesKey(index, probe).toByteArray();
            try (KeyCursor cursor = environment.reader().scanLatest(Keyspace.DATA, prefix, KeyEncoder.prefixSuccessor(prefix))) {
                if (cursor.next()) {
                    environment.lock(LockKey.row(parentCodec.rowKeyOfIndexEntry(index, cursor.key())), LockManager.Mode.SHARED);
                    return true;
                }
                return false;
            }
        }
        throw new SqlException(ErrorCode.INTERNAL_ERROR, "no unique index on the columns referenced by a foreign key");
    }

    /**
     * Parent side: rows of other tables referencing {@code oldRow}'s key. When the key goes away
     * (delete, or an update changing it) their ON DELETE/UPDATE action applies.
     */
    private void checkReferencingRows(Object[] oldRow, Object[] newRow) {
        for (Reference reference : referencedBy) {
            int[] parentPositions = positions(table, reference.foreignKey().referencedColumnIds());
            if (newRow == null || !sameValues(oldRow, newRow, parentPositions)) {
                applyReferentialAction(reference.child(), reference.foreignKey(), parentPositions, oldRow, newRow);
            }
        }
    }

    private void applyReferentialAction(TableDef child, ForeignKeyDef foreignKey, int[] parentPositions,
                                        Object[] oldRow, Object[] newRow) {
        int[] childPositions = positions(child, foreignKey.columnIds());
        ReferentialAction action = newRow == null ? foreignKey.onDelete() : foreignKey.onUpdate();
        TableWriter childWriter = child.id() == table.id() ? this : new TableWriter(environment, child);
        TableCodec childCodec = childWriter.codec;
        List<byte[]> keys = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        byte[] start = TableCodec.indexPrefix(child.primaryIndex().id());
        try (KeyCursor cursor = environment.reader().scanLatest(Keyspace.DATA, start, TableCodec.indexEnd(child.primaryIndex().id()))) {
            while (cursor.next()) {
                Object[] childRow = childCodec.decodeRow(cursor.value());
                boolean matches = true;
                for (int i = 0; i < childPositions.length && matches; i++) {
                    Object value = childRow[childPositions[i]];
                    matches = value != null && value.equals(oldRow[parentPositions[i]]);
                }
                if (matches) {
                    keys.add(cursor.key().clone());
                    rows.add(childRow);
                }
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        switch (action) {
            case NO_ACTION, RESTRICT -> throw new SqlException(ErrorCode.FOREIGN_KEY_VIOLATION, "update or delete on table \""
                    + table.name() + "\" violates foreign key constraint \"" + foreignKey.name() + "\" on table \""
                    + child.name() + "\"", 0, ConstraintMessages.keyDetail(table, parentPositions, oldRow)
                    + " is still referenced from table \"" + child.name() + "\".", null, null);
            case CASCADE -> {
                for (int i = 0; i < keys.size(); i++) {
                    environment.lock(LockKey.row(keys.get(i)), LockManager.Mode.EXCLUSIVE);
                    if (newRow == null) {
                        childWriter.delete(keys.get(i), rows.get(i));
                    } else {
                        Object[] updated = rows.get(i).clone();
                        for (int c = 0; c < childPositions.length; c++) {
                            updated[childPositions[c]] = newRow[parentPositions[c]];
                        }
                        childWriter.update(keys.get(i), rows.get(i), updated);
                    }
                }
            }
            case SET_NULL, SET_DEFAULT -> {
                for (int i = 0; i < keys.size(); i++) {
                    environment.lock(LockKey.row(keys.get(i)), LockManager.Mode.EXCLUSIVE);
                    Object[] updated = rows.get(i).clone();
                    for (int position : childPositions) {
                        updated[position] = action == ReferentialAction.SET_NULL ? null
                                : DefaultValues.evaluate(child.columns().get(position), environment);
                    }
                    childWriter.update(keys.get(i), rows.get(i), updated);
                }
            }
        }
    }

    private static boolean sameValues(Object[] a, Object[] b, int[] positions) {
        for (int position : positions) {
            if (!java.util.Objects.equals(a[position], b[position])) {
                return false;
            }
        }
        return true;
    }

    private static int[] positions(TableDef table, List<Integer> columnIds) {
        int[] result = new int[columnIds.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = table.columnPosition(columnIds.get(i));
        }
        return result;
    }

    private static int[] sorted(int[] values) {
        int[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** Locks a row or key value of this table exclusively, unless the transaction holds the whole table. */
    private void lockOwn(LockKey key) {
        if (!exclusive) {
            environment.lock(key, LockManager.Mode.EXCLUSIVE);
        }
    }
}
