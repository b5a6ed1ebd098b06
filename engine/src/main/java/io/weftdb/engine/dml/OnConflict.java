package io.weftdb.engine.dml;

import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.plan.QueryPlanner;
import io.weftdb.engine.table.DefaultValues;
import io.weftdb.engine.table.TableScope;
import io.weftdb.engine.table.TableWriter;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.ColumnDefinition;
import io.weftdb.ir.stmt.DataChange;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code INSERT ... ON CONFLICT}: the arbiter (the unique index the conflict target names; any
 * unique index without a target) and, for DO UPDATE, the SET list and WHERE
 * compiled over the existing row (by the table's name or alias) followed by the proposed one
 * ({@code EXCLUDED}). One instance serves one statement: it remembers the rows the statement wrote,
 * since PostgreSQL refuses to update a row twice in one command.
 */
final class OnConflict {
    private final IndexDef arbiter;
    private final boolean doNothing;
    private final int[] positions;
    private final List<BoundExpr> values;
    private final BoundExpr where;
    private final List<IndexDef> uniqueIndexes;
    private final OnUpdateColumns onUpdate;
    private final Set<ByteBuffer> written = new HashSet<>();
    private long updatedRows;

    private OnConflict(IndexDef arbiter, List<IndexDef> uniqueIndexes, boolean doNothing, int[] positions,
                       List<BoundExpr> values, BoundExpr where, OnUpdateColumns onUpdate) {
        this.onUpdate = onUpdate;
        this.arbiter = arbiter;
        this.uniqueIndexes = uniqueIndexes;
        this.doNothing = doNothing;
        this.positions = positions;
        this.values = values;
        this.where = where;
    }

    static OnConflict of(DataChange.OnConflict spec, TableDef table, String alias, QueryPlanner planner) {
        IndexDef arbiter = arbiter(spec, table);
        if (spec.doNothing()) {
            return new OnConflict(arbiter, List.of(), true, new int[0], List.of(), null, null);
        }
        Scope scope = TableScope.of(table, alias).concat(TableScope.of(table, "excluded"));
        ExpressionCompiler compiler = planner.compiler(scope);
        int[] positions = new int[spec.assignments().size()];
        List<BoundExpr> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < positions.length; i++) {
            DataChange.Assignment assignment = spec.assignments().get(i);
            if (!seen.add(assignment.column())) {
                throw new SqlException(ErrorCode.SYNTAX_ERROR, "multiple assignments to same column \""
                        + assignment.column() + "\"");
            }
            positions[i] = table.columnIndex(assignment.column());
            if (positions[i] < 0) {
                throw new SqlException(ErrorCode.UNDEFINED_COLUMN, "column \"" + assignment.column() + "\" of relation \""
                        + table.name() + "\" does not exist", assignment.value().position());
            }
            ColumnDef column = table.columns().get(positions[i]);
            if (assignment.value() instanceof Expr.DefaultValue) {
                values.add(DefaultValues.compile(column));
            } else {
                if (column.identity() == ColumnDefinition.Identity.ALWAYS) {
                    throw new SqlException(ErrorCode.GENERATED_ALWAYS, "column \"" + column.name()
                            + "\" can only be updated to DEFAULT");
                }
                values.add(compiler.compileAssigned(assignment.value(), column.type(), column.name()));
            }
        }
        BoundExpr where = spec.where() == null ? null : compiler.compileCondition(spec.where(), "WHERE");
        List<IndexDef> unique = table.indexes().stream().filter(IndexDef::unique).toList();
        return new OnConflict(arbiter, unique, false, positions, values, where, OnUpdateColumns.of(table, positions));
    }

    /** The unique index the conflict target names, or null when there is no target. */
    private static IndexDef arbiter(DataChange.OnConflict spec, TableDef table) {
        if (spec.constraintName() != null) {
            for (IndexDef index : table.indexes()) {
                if (index.unique() && index.name().equals(spec.constraintName())) {
                    return index;
                }
            }
            throw new SqlException(ErrorCode.UNDEFINED_OBJECT, "constraint \"" + spec.constraintName()
                    + "\" for table \"" + table.name() + "\" does not exist");
        }
        if (spec.targetColumns().isEmpty()) {
            return null;
        }
        Set<Integer> target = new HashSet<>();
        for (String name : spec.targetColumns()) {
            int position = table.columnIndex(name);
            if (position < 0) {
                throw new SqlException(ErrorCode.UNDEFINED_COLUMN, "column \"" + name + "\" does not exist");
            }
            target.add(table.columns().get(position).id());
        }
        for (IndexDef index : table.indexes()) {
            if (index.unique() && new HashSet<>(index.columnIds()).equals(target)) {
                return index;
            }
        }
        throw new SqlException(ErrorCode.INVALID_COLUMN_REFERENCE,
                "there is no unique or exclusion constraint matching the ON CONFLICT specification");
    }

    /**
     * Inserts {@code row}, or resolves its conflict with an existing row; returns the row written
     * (inserted, or the existing one updated) or null when nothing was written.
     */
    Object[] insert(Object[] row, TableWriter writer, ExecutionEnvironment environment) {
        if (arbiter == null && !doNothing) {
            // DO UPDATE without a target (MySQL's ON DUPLICATE KEY UPDATE; PostgreSQL's parser requires
            // one): the first unique key, primary key first, that some existing row holds.
            for (IndexDef index : uniqueIndexes) {
                TableWriter.Conflict conflict = writer.findConflict(row, index);
                if (conflict != null) {
                    return update(conflict, row, writer, environment);
                }
            }
            remember(writer.insert(row));
            return row;
        }
        if (arbiter == null) {
            try {
                remember(writer.insert(row));
                return row;
            } catch (SqlException e) {
                if (e.code() == ErrorCode.UNIQUE_VIOLATION) {
                    return null;
                }
                throw e;
            }
        }
        TableWriter.Conflict conflict = writer.findConflict(row, arbiter);
        if (conflict == null) {
            remember(writer.insert(row));
            return row;
        }
        if (doNothing) {
            return null;
        }
        return update(conflict, row, writer, environment);
    }

    private Object[] update(TableWriter.Conflict conflict, Object[] row, TableWriter writer, ExecutionEnvironment environment) {
        if (written.contains(ByteBuffer.wrap(conflict.key()))) {
            throw new SqlException(ErrorCode.CARDINALITY_VIOLATION,
                    "ON CONFLICT DO UPDATE command cannot affect row a second time", 0, null,
                    "Ensure that no rows proposed for insertion within the same command have duplicate constrained values.",
                    null);
        }
        Object[] existing = writer.codec().decodeRow(conflict.value());
        Object[] both = new Object[existing.length + row.length];
        System.arraycopy(existing, 0, both, 0, existing.length);
        System.arraycopy(row, 0, both, existing.length, row.length);
        if (where != null && !Boolean.TRUE.equals(where.evaluate(both, environment.context()))) {
            return null;
        }
        Object[] updated = existing.clone();
        for (int i = 0; i < positions.length; i++) {
            updated[positions[i]] = values.get(i).evaluate(both, environment.context());
        }
        onUpdate.apply(existing, updated, environment.context());
        writer.update(conflict.key(), existing, updated);
        remember(conflict.key());
        if (!OnUpdateColumns.sameValues(existing, updated)) {
            updatedRows++;
        }
        return updated;
    }

    /** How many existing rows the statement's updates changed (MySQL counts those twice). */
    long updated() {
        return updatedRows;
    }

    private void remember(byte[] key) {
        written.add(ByteBuffer.wrap(key.clone()));
    }
}
