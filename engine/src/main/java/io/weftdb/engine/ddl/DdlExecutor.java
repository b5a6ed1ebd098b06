package io.weftdb.engine.ddl;

import io.weftdb.engine.CommandResult;
import io.weftdb.engine.catalog.CatalogObject;
import io.weftdb.engine.catalog.DatabaseDef;
import io.weftdb.engine.catalog.SchemaDef;
import io.weftdb.engine.catalog.SequenceDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.catalog.ViewDef;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.plan.NameContext;
import io.weftdb.engine.plan.PlanNode;
import io.weftdb.engine.txn.LockKey;
import io.weftdb.engine.txn.LockManager;
import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.stmt.SchemaChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Runs DDL statements inside the current transaction; every change goes through the undo log. */
public final class DdlExecutor {
    private final DdlContext context;
    private final ExecutionEnvironment environment;
    private final TableDdl tables;

    public DdlExecutor(DdlContext context) {
        this.context = context;
        this.environment = context.environment();
        this.tables = new TableDdl(context);
    }

    public CommandResult execute(SchemaChange statement) {
        return switch (statement) {
            case SchemaChange.CreateTable create -> tables.createTable(create);
            case SchemaChange.DropTable drop -> tables.dropTable(drop);
            case SchemaChange.CreateIndex create -> tables.createIndex(create);
            case SchemaChange.DropIndex drop -> tables.dropIndex(drop);
            case SchemaChange.Truncate truncate -> tables.truncate(truncate);
            case SchemaChange.AlterTable alter -> new AlterTableDdl(context, tables).alter(alter);
            case SchemaChange.CreateSequence create -> new SequenceDdl(context).create(create);
            case SchemaChange.DropSequence drop -> new SequenceDdl(context).drop(drop);
            case SchemaChange.CreateSchema create -> createSchema(create);
            case SchemaChange.DropSchema drop -> dropSchema(drop);
            case SchemaChange.CreateDatabase create -> createDatabase(create);
            case SchemaChange.DropDatabase drop -> dropDatabase(drop);
            case SchemaChange.CreateView create -> createView(create);
            case SchemaChange.DropView drop -> dropView(drop);
            case SchemaChange.Analyze analyze -> analyze(analyze);
            case SchemaChange.Comment comment -> comment(comment);
        };
    }

    /** COMMENT ON: resolves the object (a column by its table and attnum) and sets or removes its comment. */
    private CommandResult comment(SchemaChange.Comment comment) {
        NameContext names = context.currentNames();
        QualifiedName name = comment.name();
        long objectId;
        int subId = 0;
        switch (comment.target()) {
            case TABLE, VIEW, SEQUENCE -> {
                CatalogObject relation = names.relation(name, 0);
                boolean matches = switch (comment.target()) {
                    case TABLE -> relation instanceof TableDef;
                    case VIEW -> relation instanceof ViewDef;
                    default -> relation instanceof SequenceDef;
                };
                if (!matches) {
                    throw new SqlException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name + "\" is not a "
                            + comment.target().name().toLowerCase(java.util.Locale.ROOT));
                }
                objectId = relation.id();
            }
            case INDEX -> {
                SchemaDef explicit = names.explicitSchema(name, 0);
                Long found = null;
                for (SchemaDef schema : explicit != null ? List.of(explicit) : names.searchSchemas()) {
                    TableDef table = environment.catalog().tableOfIndex(schema.id(), name.name());
                    if (table != null) {
                        found = table.indexes().stream().filter(index -> index.name().equals(name.name()))
                                .findFirst().orElseThrow().id();
                        break;
                    }
                }
                if (found == null) {
                    throw new SqlException(ErrorCode.UNDEFINED_OBJECT, "index \"" + name.name() + "\" does not exist");
                }
                objectId = found;
            }
            case COLUMN -> {
                if (name.size() < 2) {
                    throw new SqlException(ErrorCode.SYNTAX_ERROR, "column name must be qualified");
                }
                List<String> parts = name.parts();
                TableDef table = names.table(new QualifiedName(parts.subList(0, parts.size() - 1)), 0);
                String column = name.name();
                objectId = table.id();
                subId = table.columns().stream().filter(c -> c.name().equals(column)).findFirst()
                        .orElseThrow(() -> new SqlException(ErrorCode.UNDEFINED_COLUMN, "column \"" + column
                                + "\" of relation \"" + table.name() + "\" does not exist")).id();
            }
            case SCHEMA -> {
                SchemaDef schema = environment.catalog().schemaByName(names.database().id(), name.name());
                if (schema == null) {
                    throw new SqlException(ErrorCode.UNDEFINED_SCHEMA, "schema \"" + name.name() + "\" does not exist");
                }
                objectId = schema.id();
            }
            case DATABASE -> {
                DatabaseDef database = environment.catalog().databaseByName(name.name());
                if (database == null) {
                    throw new SqlException(ErrorCode.UNDEFINED_DATABASE, "database \"" + name.name() + "\" does not exist");
                }
                objectId = database.id();
            }
            default -> throw new IllegalStateException("unhandled COMMENT target " + comment.target());
        }
        Comments.set(environment.transaction(), objectId, subId, comment.text());
        return CommandResult.of("COMMENT");
    }

    private CommandResult createSchema(SchemaChange.CreateSchema create) {
        long databaseId = context.names().database().id();
        environment.lock(LockKey.name(databaseId, create.name()), LockManager.Mode.EXCLUSIVE);
        if (environment.catalog().schemaByName(databaseId, create.name()) != null) {
            if (create.ifNotExists()) {
                context.notice("schema \"" + create.name() + "\" already exists, skipping");
                return CommandResult.of("CREATE SCHEMA");
            }
            throw new SqlException(ErrorCode.DUPLICATE_SCHEMA, "schema \"" + create.name() + "\" already exists");
        }
        environment.transaction().putCatalogObject(new SchemaDef(environment.sequences().allocateObjectId(), databaseId,
                create.name()));
        return CommandResult.of("CREATE SCHEMA");
    }

    private CommandResult dropSchema(SchemaChange.DropSchema drop) {
        long databaseId = context.names().database().id();
        for (String name : drop.names()) {
            SchemaDef schema = environment.catalog().schemaByName(databaseId, name);
            if (schema == null) {
                if (drop.ifExists()) {
                    context.notice("schema \"" + name + "\" does not exist, skipping");
                    continue;
                }
                throw new SqlException(ErrorCode.UNDEFINED_SCHEMA, "schema \"" + name + "\" does not exist");
            }
            environment.lock(LockKey.schema(schema.id()), LockManager.Mode.EXCLUSIVE);
            dropSchemaContents(schema, drop.cascade());
            environment.transaction().removeCatalogObject(schema.id());
        }
        return CommandResult.of("DROP SCHEMA");
    }

    private void dropSchemaContents(SchemaDef schema, boolean cascade) {
        List<CatalogObject> contents = environment.catalog().relations(schema.id());
        if (contents.isEmpty()) {
            return;
        }
        if (!cascade) {
            throw new SqlException(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop schema " + schema.name()
                    + " because other objects depend on it", 0, describe(contents.get(0)) + " depends on schema " + schema.name(),
                    "Use DROP ... CASCADE to drop the dependent objects too.", null);
        }
        HashSet<Long> dropping = new HashSet<>();
        contents.forEach(object -> dropping.add(object.id()));
        for (CatalogObject object : contents) {
            context.notice("drop cascades to " + describe(object));
            switch (object) {
                case TableDef table -> {
                    environment.lock(LockKey.table(table.id()), LockManager.Mode.EXCLUSIVE);
                    tables.dropReferencingForeignKeys(table, dropping, true);
                    tables.dropTableObjects(environment.catalog().table(table.id()));
                }
                case SequenceDef sequence -> {
                    if (environment.catalog().object(sequence.id()) != null) {
                        environment.transaction().removeCatalogObject(sequence.id());
                        environment.transaction().afterCommit(() -> environment.sequences().forget(sequence.id()));
                    }
                }
                case ViewDef view -> environment.transaction().removeCatalogObject(view.id());
                default -> throw new IllegalStateException("unexpected object in schema: " + object);
            }
        }
    }

    private static String describe(CatalogObject object) {
        return switch (object) {
            case TableDef table -> "table " + table.name();
            case ViewDef view -> "view " + view.name();
            case SequenceDef sequence -> "sequence " + sequence.name();
            default -> object.name();
        };
    }

    private CommandResult createDatabase(SchemaChange.CreateDatabase create) {
        requireOutsideTransactionBlock("CREATE DATABASE");
        environment.lock(LockKey.name(0, create.name()), LockManager.Mode.EXCLUSIVE);
        if (environment.catalog().databaseByName(create.name()) != null) {
            if (create.ifNotExists()) {
                context.notice("database \"" + create.name() + "\" already exists, skipping");
                return CommandResult.of("CREATE DATABASE");
            }
            throw new SqlException(ErrorCode.DUPLICATE_DATABASE, "database \"" + create.name() + "\" already exists");
        }
        DatabaseDef database = new DatabaseDef(environment.sequences().allocateObjectId(), create.name());
        environment.transaction().putCatalogObject(database);
        environment.transaction().putCatalogObject(new SchemaDef(environment.sequences().allocateObjectId(), database.id(),
                "public"));
        return CommandResult.of("CREATE DATABASE");
    }

    private CommandResult dropDatabase(SchemaChange.DropDatabase drop) {
        requireOutsideTransactionBlock("DROP DATABASE");
        DatabaseDef database = environment.catalog().databaseByName(drop.name());
        if (database == null) {
            if (drop.ifExists()) {
                context.notice("database \"" + drop.name() + "\" does not exist, skipping");
                return CommandResult.of("DROP DATABASE");
            }
            throw new SqlException(ErrorCode.UNDEFINED_DATABASE, "database \"" + drop.name() + "\" does not exist");
        }
        if (database.id() == context.names().database().id()) {
            throw new SqlException(ErrorCode.OBJECT_IN_USE, "cannot drop the currently open database");
        }
        for (SchemaDef schema : environment.catalog().schemas(database.id())) {
            dropSchemaContents(schema, true);
            environment.transaction().removeCatalogObject(schema.id());
        }
        environment.transaction().removeCatalogObject(database.id());
        return CommandResult.of("DROP DATABASE");
    }

    private void requireOutsideTransactionBlock(String command) {
        if (!environment.transaction().isImplicit()) {
            throw new SqlException(ErrorCode.ACTIVE_SQL_TRANSACTION, command + " cannot run inside a transaction block");
        }
    }

    private CommandResult createView(SchemaChange.CreateView create) {
        SchemaDef schema = context.currentNames().schemaForCreate(create.name(), 0);
        environment.lock(LockKey.name(schema.id(), create.name().name()), LockManager.Mode.EXCLUSIVE);
        PlanNode plan = context.planner().plan(create.query());
        List<String> names = new ArrayList<>();
        List<Scope.Column> columns = plan.output().columns();
        for (int i = 0; i < columns.size(); i++) {
            names.add(i < create.columnNames().size() ? create.columnNames().get(i) : columns.get(i).name());
        }
        CatalogObject existing = environment.catalog().relation(schema.id(), create.name().name());
        long id;
        if (existing instanceof ViewDef view && create.orReplace()) {
            if (names.size() < view.columnNames().size() || !names.subList(0, view.columnNames().size()).equals(view.columnNames())) {
                throw new SqlException(ErrorCode.INVALID_TABLE_DEFINITION, "cannot drop columns from view");
            }
            id = view.id();
        } else if (existing != null) {
            throw new SqlException(ErrorCode.DUPLICATE_TABLE, "relation \"" + create.name().name() + "\" already exists");
        } else {
            id = environment.sequences().allocateObjectId();
        }
        environment.transaction().putCatalogObject(new ViewDef(id, schema.id(), create.name().name(), names, create.query(),
                create.sql()));
        return CommandResult.of("CREATE VIEW");
    }

    private CommandResult dropView(SchemaChange.DropView drop) {
        for (QualifiedName name : drop.names()) {
            CatalogObject relation = context.currentNames().findRelation(name, 0);
            if (relation == null && drop.ifExists()) {
                context.notice("view \"" + name.name() + "\" does not exist, skipping");
                continue;
            }
            if (relation == null) {
                throw new SqlException(ErrorCode.UNDEFINED_TABLE, "view \"" + name.name() + "\" does not exist");
            }
            if (!(relation instanceof ViewDef view)) {
                throw new SqlException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name.name() + "\" is not a view");
            }
            environment.transaction().removeCatalogObject(view.id());
        }
        return CommandResult.of("DROP VIEW");
    }

    /**
     * ANALYZE counts rows into the engine's statistics. VACUUM has no dead rows to collect here
     * (RocksDB compaction reclaims space by itself), so it refreshes statistics too.
     */
    private CommandResult analyze(SchemaChange.Analyze analyze) {
        List<TableDef> targets = new ArrayList<>();
        if (analyze.tables().isEmpty()) {
            for (SchemaDef schema : environment.catalog().schemas(context.names().database().id())) {
                for (CatalogObject object : environment.catalog().relations(schema.id())) {
                    if (object instanceof TableDef table) {
                        targets.add(table);
                    }
                }
            }
        } else {
            for (QualifiedName name : analyze.tables()) {
                targets.add(context.currentNames().table(name, 0));
            }
        }
        for (TableDef table : targets) {
            environment.statistics().analyze(table, environment);
        }
        return CommandResult.of(analyze.vacuum() ? "VACUUM" : "ANALYZE");
    }
}
