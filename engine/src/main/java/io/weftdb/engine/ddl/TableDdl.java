package io.weftdb.engine.ddl;

import io.weftdb.engine.CommandResult;
import io.weftdb.engine.catalog.CatalogObject;
import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.catalog.ForeignKeyDef;
import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.RowLayout;
import io.weftdb.engine.catalog.SchemaDef;
import io.weftdb.engine.catalog.SequenceDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.catalog.ViewDef;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.expr.ParameterTypes;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.plan.NameContext;
import io.weftdb.engine.plan.PlanNode;
import io.weftdb.engine.table.TableWriter;
import io.weftdb.engine.txn.LockKey;
import io.weftdb.engine.txn.LockManager;
import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.ColumnConstraint;
import io.weftdb.ir.stmt.ColumnDefinition;
import io.weftdb.ir.stmt.SchemaChange;
import io.weftdb.ir.stmt.TableConstraint;
import io.weftdb.ir.type.DataType;
import io.weftdb.ir.type.TypeKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** CREATE TABLE, DROP TABLE, TRUNCATE, CREATE INDEX and DROP INDEX. */
final class TableDdl {
    private final DdlContext context;
    private final ExecutionEnvironment environment;

    TableDdl(DdlContext context) {
        this.context = context;
        this.environment = context.environment();
    }

    CommandResult createTable(SchemaChange.CreateTable create) {
        NameContext names = context.currentNames();
        SchemaDef schema = names.schemaForCreate(create.name(), 0);
        environment.lock(LockKey.schema(schema.id()), LockManager.Mode.SHARED);
        environment.lock(LockKey.name(schema.id(), create.name().name()), LockManager.Mode.EXCLUSIVE);
        if (environment.catalog().relation(schema.id(), create.name().name()) != null) {
            if (create.ifNotExists()) {
                context.notice("relation \"" + create.name().name() + "\" already exists, skipping");
                return CommandResult.of(create.asQuery() != null ? "SELECT 0" : "CREATE TABLE");
            }
            throw new SqlException(ErrorCode.DUPLICATE_TABLE, "relation \"" + create.name().name() + "\" already exists");
        }
        List<ColumnDefinition> definitions = create.columns();
        PlanNode asPlan = null;
        if (create.asQuery() != null) {
            asPlan = context.planner().plan(create.asQuery());
            definitions = new ArrayList<>();
            for (Scope.Column column : asPlan.output().columns()) {
                definitions.add(new ColumnDefinition(column.name(), column.type(), null, false,
                        ColumnDefinition.Identity.NONE, List.of(), 0));
            }
        }
        long tableId = environment.sequences().allocateObjectId();
        String tableName = create.name().name();
        List<ColumnDef> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        List<SequenceDef> ownedSequences = new ArrayList<>();
        List<String> takenNames = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int columnId = 1;
        for (ColumnDefinition definition : definitions) {
            if (!seen.add(definition.name())) {
                throw new SqlException(ErrorCode.DUPLICATE_COLUMN, "column \"" + definition.name() + "\" specified more than once",
                        definition.position());
            }
            columns.add(columnDef(columnId++, definition, tableId, tableName, schema, constraints, ownedSequences, takenNames));
        }
        constraints.addAll(create.constraints());
        if (constraints.stream().filter(c -> c instanceof TableConstraint.PrimaryKey).count() > 1) {
            throw new SqlException(ErrorCode.INVALID_TABLE_DEFINITION, "multiple primary keys for table \"" + tableName
                    + "\" are not allowed");
        }
        TableDef table = new TableDef(tableId, schema.id(), tableName, columns, List.of(layoutOf(columns, 1)),
                List.of(hiddenPrimary()), List.of(), List.of(), columnId, true);
        ConstraintBuilder builder = new ConstraintBuilder(context);
        for (TableConstraint constraint : constraints) {
            if (constraint instanceof TableConstraint.PrimaryKey) {
                table = builder.add(table, constraint, takenNames);
            }
        }
        for (TableConstraint constraint : constraints) {
            if (!(constraint instanceof TableConstraint.PrimaryKey)) {
                table = builder.add(table, constraint, takenNames);
            }
        }
        for (SequenceDef sequence : ownedSequences) {
            environment.transaction().putCatalogObject(sequence);
        }
        environment.transaction().putCatalogObject(table);
        long createdId = table.id();
        environment.transaction().afterCommit(() -> environment.statistics().set(createdId, 0));
        if (asPlan != null) {
            return new CommandResult("SELECT " + copyRows(asPlan, table), -1);
        }
        return CommandResult.of("CREATE TABLE");
    }

    private long copyRows(PlanNode plan, TableDef table) {
        TableWriter writer = new TableWriter(environment, table);
        long count = 0;
        try (RowSource source = plan.open(environment)) {
            while (source.next()) {
                writer.insert(source.row().clone());
                count++;
            }
        }
        return count;
    }

    private IndexDef hiddenPrimary() {
        return new IndexDef(environment.sequences().allocateObjectId(), null, List.of(), List.of(), false, true, false);
    }

    static RowLayout layoutOf(List<ColumnDef> columns, int version) {
        return new RowLayout(version, columns.stream().map(ColumnDef::id).toList(),
                columns.stream().map(c -> c.type().kind()).toList());
    }

    /** Builds a column, moving its inline constraints to table level and creating its SERIAL/identity sequence. */
    ColumnDef columnDef(int id, ColumnDefinition definition, long tableId, String tableName, SchemaDef schema,
                        List<TableConstraint> constraints, List<SequenceDef> ownedSequences, List<String> takenNames) {
        boolean notNull = false;
        for (ColumnConstraint constraint : definition.constraints()) {
            switch (constraint) {
                case ColumnConstraint.NotNull notNullConstraint -> notNull = true;
                case ColumnConstraint.Null nullConstraint -> notNull = false;
                case ColumnConstraint.PrimaryKey primaryKey ->
                        constraints.add(new TableConstraint.PrimaryKey(primaryKey.name(), List.of(definition.name())));
                case ColumnConstraint.Unique unique ->
                        constraints.add(new TableConstraint.Unique(unique.name(), List.of(definition.name())));
                case ColumnConstraint.Check check ->
                        constraints.add(new TableConstraint.Check(check.name(), check.condition(), check.sql()));
                case ColumnConstraint.References references -> constraints.add(new TableConstraint.ForeignKey(
                        references.name(), List.of(definition.name()), references.table(), references.columns(),
                        references.onDelete(), references.onUpdate()));
            }
        }
        DataType type = definition.type();
        Expr defaultValue = definition.defaultValue();
        String defaultSql = null;
        boolean generated = definition.serial() || definition.identity() != ColumnDefinition.Identity.NONE;
        if (generated) {
            if (!type.kind().isInteger()) {
                throw new SqlException(ErrorCode.DATATYPE_MISMATCH, "identity column type must be smallint, integer, or bigint",
                        definition.position());
            }
            if (defaultValue != null) {
                throw new SqlException(ErrorCode.SYNTAX_ERROR, "multiple default values specified for column \""
                        + definition.name() + "\" of table \"" + tableName + "\"", definition.position());
            }
            String sequenceName = new ConstraintBuilder(context).uniqueRelationName(schema.id(),
                    tableName + "_" + definition.name() + "_seq", takenNames);
            takenNames.add(sequenceName);
            SequenceDef sequence = SequenceDdl.sequence(environment.sequences().allocateObjectId(), schema.id(), sequenceName,
                    type, io.weftdb.ir.stmt.SchemaChange.SequenceOptions.DEFAULTS, tableId, id);
            ownedSequences.add(sequence);
            String qualified = schema.name() + "." + sequenceName;
            defaultValue = Expr.FunctionCall.of("nextval", List.of(new Expr.Literal(qualified, DataType.UNKNOWN, 0)), 0);
            defaultSql = "nextval('" + sequenceName + "'::regclass)";
            notNull = true;
        } else if (defaultValue != null) {
            new ExpressionCompiler(Scope.EMPTY, ParameterTypes.none()).compileAssigned(defaultValue, type, definition.name());
        }
        if (definition.onUpdate() != null) {
            new ExpressionCompiler(Scope.EMPTY, ParameterTypes.none()).compileAssigned(definition.onUpdate(), type,
                    definition.name());
        }
        if (type.kind() == TypeKind.UNKNOWN) {
            type = DataType.TEXT;
        }
        return new ColumnDef(id, definition.name(), type, notNull, defaultValue, defaultSql, definition.identity(), null,
                definition.declaredType(), definition.onUpdate());
    }

    CommandResult dropTable(SchemaChange.DropTable drop) {
        List<TableDef> tables = new ArrayList<>();
        for (QualifiedName name : drop.names()) {
            CatalogObject relation = context.currentNames().findRelation(name, 0);
            if (relation == null) {
                if (drop.ifExists()) {
                    context.notice("table \"" + name.name() + "\" does not exist, skipping");
                    continue;
                }
                throw new SqlException(ErrorCode.UNDEFINED_TABLE, "table \"" + name.name() + "\" does not exist");
            }
            if (!(relation instanceof TableDef table)) {
                throw new SqlException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name.name() + "\" is not a table")
                        .withHint(relation instanceof ViewDef ? "Use DROP VIEW to remove a view." : null);
            }
            tables.add(table);
        }
        Set<Long> dropping = new HashSet<>();
        tables.forEach(t -> dropping.add(t.id()));
        for (TableDef table : tables) {
            environment.lock(LockKey.table(table.id()), LockManager.Mode.EXCLUSIVE);
        }
        for (TableDef table : tables) {
            dropReferencingForeignKeys(table, dropping, drop.cascade());
            dropTableObjects(environment.catalog().table(table.id()));
        }
        return CommandResult.of("DROP TABLE");
    }

    /** Removes a table, its owned sequences and (at commit) its stored entries. */
    void dropTableObjects(TableDef table) {
        for (SequenceDef sequence : environment.catalog().ofType(SequenceDef.class)) {
            if (sequence.ownerTableId() == table.id()) {
                environment.transaction().removeCatalogObject(sequence.id());
                environment.transaction().afterCommit(() -> environment.sequences().forget(sequence.id()));
            }
        }
        environment.transaction().removeCatalogObject(table.id());
        TableRewriter.dropIndexRanges(environment, table.indexes());
        environment.statistics().drop(table.id(), environment.transaction());
        if (table.hiddenRowId()) {
            environment.transaction().afterCommit(() -> environment.sequences().forgetRowIds(table.id()));
        }
    }

    /** Other tables' foreign keys to {@code table}: an error (2BP01) unless CASCADE, which drops those constraints. */
    void dropReferencingForeignKeys(TableDef table, Set<Long> alsoDropped, boolean cascade) {
        for (TableDef child : environment.catalog().ofType(TableDef.class)) {
            if (alsoDropped.contains(child.id())) {
                continue;
            }
            List<ForeignKeyDef> kept = new ArrayList<>();
            for (ForeignKeyDef foreignKey : child.foreignKeys()) {
                if (foreignKey.referencedTableId() != table.id()) {
                    kept.add(foreignKey);
                    continue;
                }
                if (!cascade) {
                    throw new SqlException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop table " + table.name()
                            + " because other objects depend on it", 0, "constraint " + foreignKey.name() + " on table "
                            + child.name() + " depends on table " + table.name(),
                            "Use DROP ... CASCADE to drop the dependent objects too.", null);
                }
                context.notice("drop cascades to constraint " + foreignKey.name() + " on table " + child.name());
            }
            if (kept.size() != child.foreignKeys().size()) {
                environment.transaction().putCatalogObject(child.withForeignKeys(kept));
            }
        }
    }

    CommandResult truncate(SchemaChange.Truncate truncate) {
        List<TableDef> tables = new ArrayList<>();
        for (QualifiedName name : truncate.tables()) {
            tables.add(context.currentNames().table(name, 0));
        }
        Set<Long> truncated = new HashSet<>();
        tables.forEach(t -> truncated.add(t.id()));
        for (TableDef table : tables) {
            environment.lock(LockKey.table(table.id()), LockManager.Mode.EXCLUSIVE);
            for (TableDef child : environment.catalog().ofType(TableDef.class)) {
                for (ForeignKeyDef foreignKey : child.foreignKeys()) {
                    if (foreignKey.referencedTableId() == table.id() && !truncated.contains(child.id())) {
                        throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED,
                                "cannot truncate a table referenced in a foreign key constraint", 0,
                                "Table \"" + child.name() + "\" references \"" + table.name() + "\".",
                                "Truncate table \"" + child.name() + "\" at the same time, or use TRUNCATE ... CASCADE.", null);
                    }
                }
            }
        }
        for (TableDef table : tables) {
            TableDef current = environment.catalog().table(table.id());
            List<IndexDef> renewed = new ArrayList<>();
            for (IndexDef index : current.indexes()) {
                renewed.add(index.withId(environment.sequences().allocateObjectId()));
            }
            environment.transaction().putCatalogObject(current.withIndexes(renewed, current.hiddenRowId()));
            TableRewriter.dropIndexRanges(environment, current.indexes());
            environment.transaction().afterCommit(() -> environment.statistics().set(current.id(), 0));
            if (truncate.restartIdentity()) {
                for (SequenceDef sequence : environment.catalog().ofType(SequenceDef.class)) {
                    if (sequence.ownerTableId() == table.id()) {
                        environment.transaction().afterCommit(() -> environment.sequences().restart(sequence));
                    }
                }
            }
        }
        return CommandResult.of("TRUNCATE TABLE");
    }

    CommandResult createIndex(SchemaChange.CreateIndex create) {
        TableDef table = context.currentNames().table(create.table(), 0);
        environment.lock(LockKey.table(table.id()), LockManager.Mode.EXCLUSIVE);
        table = environment.catalog().table(table.id());
        List<String> columnNames = create.columns().stream().map(SchemaChange.IndexColumn::column).toList();
        ConstraintBuilder builder = new ConstraintBuilder(context);
        String name = create.name();
        String localName = null;
        if (name != null && context.indexNamesPerTable()) {
            ConstraintBuilder.IndexName names = builder.indexName(table, name, List.of());
            name = names.name();
            localName = names.localName();
        }
        if (name != null && (environment.catalog().relation(table.schemaId(), name) != null
                || environment.catalog().tableOfIndex(table.schemaId(), name) != null)) {
            if (create.ifNotExists()) {
                context.notice("relation \"" + name + "\" already exists, skipping");
                return CommandResult.of("CREATE INDEX");
            }
            throw new SqlException(ErrorCode.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
        }
        if (name == null) {
            name = builder.uniqueRelationName(table.schemaId(), ConstraintBuilder.constraintBase(table.name(), columnNames, "idx"),
                    List.of());
        }
        environment.lock(LockKey.name(table.schemaId(), name), LockManager.Mode.EXCLUSIVE);
        List<Integer> ids = ConstraintBuilder.columnIds(table, columnNames);
        IndexDef index = new IndexDef(environment.sequences().allocateObjectId(), name, ids,
                create.columns().stream().map(SchemaChange.IndexColumn::descending).toList(), create.unique(), false, false,
                localName);
        List<IndexDef> indexes = new ArrayList<>(table.indexes());
        indexes.add(index);
        TableDef updated = table.withIndexes(indexes, table.hiddenRowId());
        TableRewriter.backfill(environment, updated, index);
        environment.transaction().putCatalogObject(updated);
        return CommandResult.of("CREATE INDEX");
    }

    CommandResult dropIndex(SchemaChange.DropIndex drop) {
        for (QualifiedName name : drop.names()) {
            NameContext names = context.currentNames();
            TableDef table = null;
            String indexName = name.name();
            if (drop.table() != null) {
                // DROP INDEX name ON table (MySQL): the name within that table.
                TableDef owner = names.table(drop.table(), 0);
                for (IndexDef index : owner.indexes()) {
                    if (name.name().equals(index.tableName())) {
                        table = owner;
                        indexName = index.name();
                    }
                }
            } else {
                SchemaDef explicit = names.explicitSchema(name, 0);
                for (SchemaDef schema : explicit != null ? List.of(explicit) : names.searchSchemas()) {
                    table = environment.catalog().tableOfIndex(schema.id(), name.name());
                    if (table != null) {
                        break;
                    }
                }
            }
            if (table == null) {
                if (drop.ifExists()) {
                    context.notice("index \"" + name.name() + "\" does not exist, skipping");
                    continue;
                }
                throw new SqlException(ErrorCode.UNDEFINED_OBJECT, "index \"" + name.name() + "\" does not exist");
            }
            environment.lock(LockKey.table(table.id()), LockManager.Mode.EXCLUSIVE);
            table = environment.catalog().table(table.id());
            List<IndexDef> kept = new ArrayList<>();
            IndexDef removed = null;
            for (IndexDef index : table.indexes()) {
                if (indexName.equals(index.name())) {
                    removed = index;
                } else {
                    kept.add(index);
                }
            }
            if (removed.constraint()) {
                throw new SqlException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop index " + removed.name()
                        + " because constraint " + removed.name() + " on table " + table.name() + " requires it", 0, null,
                        "You can drop constraint " + removed.name() + " on table " + table.name() + " instead.", null);
            }
            environment.transaction().putCatalogObject(table.withIndexes(kept, table.hiddenRowId()));
            TableRewriter.dropIndexRanges(environment, List.of(removed));
        }
        return CommandResult.of("DROP INDEX");
    }
}
