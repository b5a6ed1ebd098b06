package io.weftdb.engine.ddl;

import io.weftdb.engine.CommandResult;
import io.weftdb.engine.catalog.CheckDef;
import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.catalog.ForeignKeyDef;
import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.SchemaDef;
import io.weftdb.engine.catalog.SequenceDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.expr.ParameterTypes;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.storage.KeyCursor;
import io.weftdb.engine.storage.Keyspace;
import io.weftdb.engine.table.TableCodec;
import io.weftdb.engine.table.TableScope;
import io.weftdb.engine.table.TableWriter;
import io.weftdb.engine.txn.LockKey;
import io.weftdb.engine.txn.LockManager;
import io.weftdb.engine.value.Casts;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.ExprTrees;
import io.weftdb.ir.stmt.SchemaChange.AlterAction;
import io.weftdb.ir.stmt.SchemaChange.AlterTable;
import io.weftdb.ir.stmt.TableConstraint;
import io.weftdb.ir.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * ALTER TABLE. Most actions only change the catalog (columns keep stable ids and rows carry their
 * layout version, so ADD/DROP/RENAME COLUMN never touch rows); adding a primary key or changing a
 * column's type rewrites the rows under new index ids, in the same transaction.
 */
final class AlterTableDdl {
    private final DdlContext context;
    private final ExecutionEnvironment environment;
    private final TableDdl tables;

    AlterTableDdl(DdlContext context, TableDdl tables) {
        this.context = context;
        this.environment = context.environment();
        this.tables = tables;
    }

    CommandResult alter(AlterTable alter) {
        var relation = context.currentNames().findRelation(alter.table(), 0);
        if (relation == null && alter.ifExists()) {
            context.notice("relation \"" + alter.table().name() + "\" does not exist, skipping");
            return CommandResult.of("ALTER TABLE");
        }
        TableDef table = context.currentNames().table(alter.table(), 0);
        environment.lock(LockKey.table(table.id()), LockManager.Mode.EXCLUSIVE);
        for (AlterAction action : alter.actions()) {
            TableDef current = environment.catalog().table(table.id());
            apply(current, action);
        }
        return CommandResult.of("ALTER TABLE");
    }

    private void apply(TableDef table, AlterAction action) {
        switch (action) {
            case AlterAction.AddColumn add -> addColumn(table, add);
            case AlterAction.DropColumn drop -> dropColumn(table, drop);
            case AlterAction.RenameColumn rename -> renameColumn(table, rename);
            case AlterAction.RenameTable rename -> renameTable(table, rename);
            case AlterAction.AddConstraint add -> addConstraint(table, add.constraint());
            case AlterAction.DropConstraint drop -> dropConstraint(table, drop);
            case AlterAction.SetDefault setDefault -> {
                ColumnDef column = column(table, setDefault.column());
                new ExpressionCompiler(Scope.EMPTY, ParameterTypes.none())
                        .compileAssigned(setDefault.defaultValue(), column.type(), column.name());
                replaceColumn(table, column.withDefault(setDefault.defaultValue(), null));
            }
            case AlterAction.DropDefault dropDefault -> replaceColumn(table, column(table, dropDefault.column()).withDefault(null, null));
            case AlterAction.SetNotNull setNotNull -> {
                ColumnDef column = column(table, setNotNull.column());
                int position = table.columnIndex(column.name());
                forEachRow(table, row -> {
                    if (row[position] == null) {
                        throw new SqlException(ErrorCode.NOT_NULL_VIOLATION, "column \"" + column.name() + "\" of relation \""
                                + table.name() + "\" contains null values");
                    }
                });
                replaceColumn(table, column.withNotNull(true));
            }
            case AlterAction.DropNotNull dropNotNull -> {
                ColumnDef column = column(table, dropNotNull.column());
                if (!table.hiddenRowId() && table.primaryIndex().columnIds().contains(column.id())) {
                    throw new SqlException(ErrorCode.INVALID_TABLE_DEFINITION, "column \"" + column.name()
                            + "\" is in a primary key");
                }
                replaceColumn(table, column.withNotNull(false));
            }
            case AlterAction.AlterColumnType alterType -> alterColumnType(table, alterType);
            case AlterAction.MoveColumn move -> moveColumn(table, move);
            case AlterAction.DropPrimaryKey drop -> {
                if (table.hiddenRowId()) {
                    throw new SqlException(ErrorCode.UNDEFINED_OBJECT, "table \"" + table.name() + "\" has no primary key");
                }
                dropPrimaryKey(table);
            }
            case AlterAction.SetOnUpdate setOnUpdate -> {
                ColumnDef column = column(table, setOnUpdate.column());
                if (setOnUpdate.onUpdate() != null) {
                    new ExpressionCompiler(Scope.EMPTY, ParameterTypes.none())
                            .compileAssigned(setOnUpdate.onUpdate(), column.type(), column.name());
                }
                replaceColumn(table, column.withOnUpdate(setOnUpdate.onUpdate()));
            }
        }
    }

    private static ColumnDef column(TableDef table, String name) {
        int position = table.columnIndex(name);
        if (position < 0) {
            throw new SqlException(ErrorCode.UNDEFINED_COLUMN, "column \"" + name + "\" of relation \"" + table.name()
                    + "\" does not exist");
        }
        return table.columns().get(position);
    }

    private void replaceColumn(TableDef table, ColumnDef column) {
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        columns.set(table.columnPosition(column.id()), column);
        environment.transaction().putCatalogObject(table.withColumns(columns, false));
    }

    private void forEachRow(TableDef table, Consumer<Object[]> action) {
        TableCodec codec = new TableCodec(table);
        long primary = table.primaryIndex().id();
        try (KeyCursor cursor = environment.reader().scan(Keyspace.DATA, TableCodec.indexPrefix(primary), TableCodec.indexEnd(primary))) {
            while (cursor.next()) {
                action.accept(codec.decodeRow(cursor.value()));
            }
        }
    }

    private boolean hasRows(TableDef table) {
        long primary = table.primaryIndex().id();
        try (KeyCursor cursor = environment.reader().scan(Keyspace.DATA, TableCodec.indexPrefix(primary), TableCodec.indexEnd(primary))) {
            return cursor.next();
        }
    }

    private void addColumn(TableDef table, AlterAction.AddColumn add) {
        if (table.columnIndex(add.column().name()) >= 0) {
            if (add.ifNotExists()) {
                context.notice("column \"" + add.column().name() + "\" of relation \"" + table.name() + "\" already exists, skipping");
                return;
            }
            throw new SqlException(ErrorCode.DUPLICATE_COLUMN, "column \"" + add.column().name() + "\" of relation \""
                    + table.name() + "\" already exists");
        }
        SchemaDef schema = environment.catalog().schema(table.schemaId());
        List<TableConstraint> constraints = new ArrayList<>();
        List<SequenceDef> sequences = new ArrayList<>();
        ColumnDef column = tables.columnDef(table.nextColumnId(), add.column(), table.id(), table.name(), schema, constraints,
                sequences, new ArrayList<>());
        sequences.forEach(environment.transaction()::putCatalogObject);
        BoundExpr defaultValue = column.defaultValue() == null ? null
                : new ExpressionCompiler(Scope.EMPTY, ParameterTypes.none()).compileAssigned(column.defaultValue(), column.type(),
                column.name());
        boolean volatileDefault = defaultValue != null && !defaultValue.constant();
        Object missing = defaultValue != null && defaultValue.constant() ? defaultValue.evaluate(null, environment.context()) : null;
        if (column.notNull() && missing == null && !volatileDefault && hasRows(table)) {
            throw new SqlException(ErrorCode.NOT_NULL_VIOLATION, "column \"" + column.name() + "\" of relation \""
                    + table.name() + "\" contains null values");
        }
        ColumnDef added = new ColumnDef(column.id(), column.name(), column.type(), column.notNull(), column.defaultValue(),
                column.defaultSql(), column.identity(), missing, column.declaredType(), column.onUpdate());
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        columns.add(added);
        TableDef updated = table.withColumns(columns, true);
        if (volatileDefault) {
            // A volatile default (nextval, random) differs per row: fill it into every existing row now.
            TableDef rewritten = withNewIndexIds(updated);
            int position = columns.size() - 1;
            TableRewriter.rewrite(environment, table, rewritten, row -> {
                Object[] extended = java.util.Arrays.copyOf(row, row.length + 1);
                extended[position] = defaultValue.evaluate(null, environment.context());
                return extended;
            });
            updated = rewritten;
        }
        environment.transaction().putCatalogObject(updated);
        for (TableConstraint constraint : constraints) {
            addConstraint(environment.catalog().table(table.id()), constraint);
        }
    }

    private TableDef withNewIndexIds(TableDef table) {
        List<IndexDef> renewed = new ArrayList<>();
        for (IndexDef index : table.indexes()) {
            renewed.add(index.withId(environment.sequences().allocateObjectId()));
        }
        return table.withIndexes(renewed, table.hiddenRowId());
    }

    private void dropColumn(TableDef table, AlterAction.DropColumn drop) {
        int position = table.columnIndex(drop.column());
        if (position < 0) {
            if (drop.ifExists()) {
                context.notice("column \"" + drop.column() + "\" of relation \"" + table.name() + "\" does not exist, skipping");
                return;
            }
            column(table, drop.column());
        }
        ColumnDef column = table.columns().get(position);
        if (!table.hiddenRowId() && table.primaryIndex().columnIds().contains(column.id())) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "dropping a primary key column is not supported yet");
        }
        for (TableDef other : environment.catalog().ofType(TableDef.class)) {
            for (ForeignKeyDef foreignKey : other.foreignKeys()) {
                if (foreignKey.referencedTableId() == table.id() && foreignKey.referencedColumnIds().contains(column.id())
                        && !drop.cascade()) {
                    throw new SqlException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop column " + column.name()
                            + " of table " + table.name() + " because other objects depend on it", 0,
                            "constraint " + foreignKey.name() + " on table " + other.name() + " depends on column "
                                    + column.name() + " of table " + table.name(),
                            "Use DROP ... CASCADE to drop the dependent objects too.", null);
                }
            }
        }
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        columns.remove(position);
        List<IndexDef> indexes = new ArrayList<>();
        List<IndexDef> dropped = new ArrayList<>();
        for (IndexDef index : table.indexes()) {
            (index.columnIds().contains(column.id()) ? dropped : indexes).add(index);
        }
        List<CheckDef> checks = table.checks().stream()
                .filter(check -> !ExprTrees.referencesColumn(check.condition(), column.name())).toList();
        List<ForeignKeyDef> foreignKeys = table.foreignKeys().stream()
                .filter(foreignKey -> !foreignKey.columnIds().contains(column.id())).toList();
        TableDef updated = table.withColumns(columns, true).withIndexes(indexes, table.hiddenRowId()).withChecks(checks)
                .withForeignKeys(foreignKeys);
        environment.transaction().putCatalogObject(updated);
        TableRewriter.dropIndexRanges(environment, dropped);
        for (SequenceDef sequence : environment.catalog().ofType(SequenceDef.class)) {
            if (sequence.ownerTableId() == table.id() && sequence.ownerColumnId() == column.id()) {
                environment.transaction().removeCatalogObject(sequence.id());
            }
        }
        dropReferencingConstraints(table, column);
    }

    private void dropReferencingConstraints(TableDef table, ColumnDef column) {
        for (TableDef other : environment.catalog().ofType(TableDef.class)) {
            List<ForeignKeyDef> kept = other.foreignKeys().stream()
                    .filter(fk -> !(fk.referencedTableId() == table.id() && fk.referencedColumnIds().contains(column.id())))
                    .toList();
            if (kept.size() != other.foreignKeys().size()) {
                context.notice("drop cascades to constraint on table " + other.name());
                environment.transaction().putCatalogObject(other.withForeignKeys(kept));
            }
        }
    }

    private void renameColumn(TableDef table, AlterAction.RenameColumn rename) {
        ColumnDef column = column(table, rename.from());
        if (table.columnIndex(rename.to()) >= 0) {
            throw new SqlException(ErrorCode.DUPLICATE_COLUMN, "column \"" + rename.to() + "\" of relation \"" + table.name()
                    + "\" already exists");
        }
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        columns.set(table.columnPosition(column.id()), column.withName(rename.to()));
        List<CheckDef> checks = table.checks().stream()
                .map(check -> new CheckDef(check.name(), ExprTrees.renameColumn(check.condition(), rename.from(), rename.to()),
                        check.sql()))
                .toList();
        environment.transaction().putCatalogObject(table.withColumns(columns, false).withChecks(checks));
    }

    private void renameTable(TableDef table, AlterAction.RenameTable rename) {
        environment.lock(LockKey.name(table.schemaId(), rename.newName()), LockManager.Mode.EXCLUSIVE);
        if (environment.catalog().relation(table.schemaId(), rename.newName()) != null) {
            throw new SqlException(ErrorCode.DUPLICATE_TABLE, "relation \"" + rename.newName() + "\" already exists");
        }
        environment.transaction().putCatalogObject(table.withName(rename.newName()));
    }

    private void addConstraint(TableDef table, TableConstraint constraint) {
        ConstraintBuilder builder = new ConstraintBuilder(context);
        TableDef updated = builder.add(table, constraint, new ArrayList<>());
        switch (constraint) {
            case TableConstraint.PrimaryKey primaryKey -> {
                TableDef rewritten = withNewIndexIds(updated);
                TableRewriter.rewrite(environment, table, rewritten, TableRewriter.UNCHANGED);
                updated = rewritten;
                environment.transaction().afterCommit(() -> environment.sequences().forgetRowIds(table.id()));
            }
            case TableConstraint.Unique unique -> TableRewriter.backfill(environment, updated,
                    updated.indexes().get(updated.indexes().size() - 1));
            case TableConstraint.Check check -> {
                BoundExpr condition = new ExpressionCompiler(TableScope.of(updated, updated.name()), ParameterTypes.none())
                        .compileCondition(check.condition(), "CHECK");
                String name = updated.checks().get(updated.checks().size() - 1).name();
                forEachRow(updated, row -> {
                    if (Boolean.FALSE.equals(condition.evaluate(row, environment.context()))) {
                        throw new SqlException(ErrorCode.CHECK_VIOLATION, "check constraint \"" + name + "\" of relation \""
                                + table.name() + "\" is violated by some row");
                    }
                });
            }
            case TableConstraint.ForeignKey foreignKey -> {
                ForeignKeyDef added = updated.foreignKeys().get(updated.foreignKeys().size() - 1);
                TableWriter writer = new TableWriter(environment, updated);
                forEachRow(updated, row -> writer.checkReference(added, row));
            }
        }
        environment.transaction().putCatalogObject(updated);
    }

    private void dropConstraint(TableDef table, AlterAction.DropConstraint drop) {
        String name = drop.name();
        for (IndexDef index : table.indexes()) {
            if (index.constraint() && name.equals(index.name())) {
                if (index.primary()) {
                    dropPrimaryKey(table);
                    return;
                }
                List<IndexDef> kept = new ArrayList<>(table.indexes());
                kept.remove(index);
                environment.transaction().putCatalogObject(table.withIndexes(kept, table.hiddenRowId()));
                TableRewriter.dropIndexRanges(environment, List.of(index));
                return;
            }
        }
        List<CheckDef> checks = table.checks().stream().filter(check -> !check.name().equals(name)).toList();
        List<ForeignKeyDef> foreignKeys = table.foreignKeys().stream().filter(fk -> !fk.name().equals(name)).toList();
        if (checks.size() == table.checks().size() && foreignKeys.size() == table.foreignKeys().size()) {
            if (drop.ifExists()) {
                context.notice("constraint \"" + name + "\" of relation \"" + table.name() + "\" does not exist, skipping");
                return;
            }
            throw new SqlException(ErrorCode.UNDEFINED_OBJECT, "constraint \"" + name + "\" of relation \"" + table.name()
                    + "\" does not exist");
        }
        environment.transaction().putCatalogObject(table.withChecks(checks).withForeignKeys(foreignKeys));
    }

    /**
     * Drops the primary key: the rows, which its index holds, move under hidden row ids (a rewrite,
     * secondary indexes rebuilt since their entries end with the row key). Its columns stay NOT NULL,
     * as in PostgreSQL. A foreign key referencing the table's key keeps it (2BP01).
     */
    private void dropPrimaryKey(TableDef table) {
        IndexDef primary = table.primaryIndex();
        for (TableDef other : environment.catalog().ofType(TableDef.class)) {
            for (ForeignKeyDef foreignKey : other.foreignKeys()) {
                if (foreignKey.referencedTableId() == table.id()
                        && new java.util.HashSet<>(foreignKey.referencedColumnIds()).equals(new java.util.HashSet<>(primary.columnIds()))) {
                    throw new SqlException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop constraint " + primary.name()
                            + " on table " + table.name() + " because other objects depend on it", 0, "constraint "
                            + foreignKey.name() + " on table " + other.name() + " depends on index " + primary.name(),
                            "Use DROP ... CASCADE to drop the dependent objects too.", null);
                }
            }
        }
        List<IndexDef> indexes = new ArrayList<>();
        indexes.add(new IndexDef(environment.sequences().allocateObjectId(), null, List.of(), List.of(), false, true, false));
        for (IndexDef index : table.indexes().subList(1, table.indexes().size())) {
            indexes.add(index.withId(environment.sequences().allocateObjectId()));
        }
        TableDef rewritten = table.withIndexes(indexes, true);
        TableRewriter.rewrite(environment, table, rewritten, TableRewriter.UNCHANGED);
        environment.transaction().putCatalogObject(rewritten);
    }

    /**
     * FIRST / AFTER: a new column order, and a row layout in it. Rows keep their own layouts (read by
     * column id), so nothing is rewritten.
     */
    private void moveColumn(TableDef table, AlterAction.MoveColumn move) {
        ColumnDef column = column(table, move.column());
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        columns.remove(column);
        int at = 0;
        if (move.after() != null) {
            ColumnDef anchor = column(table, move.after());
            if (anchor.id() == column.id()) {
                throw new SqlException(ErrorCode.UNDEFINED_COLUMN, "column \"" + move.after() + "\" cannot follow itself");
            }
            at = columns.indexOf(anchor) + 1;
        }
        columns.add(at, column);
        environment.transaction().putCatalogObject(table.withColumns(columns, true));
    }

    private void alterColumnType(TableDef table, AlterAction.AlterColumnType alterType) {
        ColumnDef column = column(table, alterType.column());
        int position = table.columnPosition(column.id());
        DataType from = column.type();
        DataType to = alterType.type();
        if (from.equals(to)) {
            // Stored values stay as they are (MySQL's MODIFY restating a column, TEXT to MEDIUMTEXT): no rewrite.
            replaceColumn(table, column.withType(to, alterType.declaredType(), column.missingValue()));
            return;
        }
        List<ColumnDef> columns = new ArrayList<>(table.columns());
        columns.set(position, column.withType(to, alterType.declaredType(), column.missingValue() == null ? null
                : Casts.cast(column.missingValue(), from, to, Casts.Context.ASSIGNMENT, environment.context().timeZone())));
        TableDef rewritten = withNewIndexIds(table.withColumns(columns, true));
        TableRewriter.rewrite(environment, table, rewritten, row -> {
            Object[] converted = row.clone();
            converted[position] = Casts.cast(row[position], from, to, Casts.Context.ASSIGNMENT, environment.context().timeZone());
            return converted;
        });
        environment.transaction().putCatalogObject(rewritten);
    }
}
