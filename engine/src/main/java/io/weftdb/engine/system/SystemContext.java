package io.weftdb.engine.system;

import io.weftdb.engine.catalog.Catalog;
import io.weftdb.engine.catalog.CatalogObject;
import io.weftdb.engine.catalog.CheckDef;
import io.weftdb.engine.catalog.DatabaseDef;
import io.weftdb.engine.catalog.ForeignKeyDef;
import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.SchemaDef;
import io.weftdb.engine.catalog.SequenceDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.catalog.ViewDef;
import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What catalog views and catalog functions read: the catalog the statement's transaction sees, the
 * current database and user, and the session's settings (through the session's functions).
 */
public record SystemContext(Catalog catalog, DatabaseDef database, String user, EvaluationContext session) {

    /** One constraint as pg_constraint shows it: exactly one of index, foreignKey and check is set. */
    public record Constraint(long oid, String name, String type, TableDef table, IndexDef index, ForeignKeyDef foreignKey,
                             CheckDef check) {}

    /** The context of a running statement; catalog functions are never folded, so they always run in one. */
    public static SystemContext of(EvaluationContext context) {
        if (!(context instanceof ExecutionEnvironment environment)) {
            throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "catalog functions need a running statement");
        }
        Catalog catalog = environment.catalog();
        DatabaseDef database = catalog.databaseByName(context.currentDatabase());
        return new SystemContext(catalog, database, context.currentUser(), context);
    }

    /** The table's estimated row count (the last ANALYZE's, kept up to date by commits), or -1 when unknown. */
    public long rowEstimate(long tableId) {
        return session instanceof ExecutionEnvironment environment ? environment.statistics().rowCount(tableId) : -1;
    }

    /** The table's last committed ANALYZE, or null (never analyzed). */
    public io.weftdb.engine.stats.TableAnalysis analysis(long tableId) {
        return statistics().analysis(tableId);
    }

    /** Scans of a table (full) or an index since the server started. */
    public long scans(long relationId) {
        return statistics().scans(relationId);
    }

    /** The engine's table statistics (empty outside a running statement). */
    public io.weftdb.engine.stats.TableStatistics statistics() {
        return session instanceof ExecutionEnvironment environment ? environment.statistics()
                : new io.weftdb.engine.stats.TableStatistics();
    }

    /** The current value of a session setting (SHOW's value). */
    public String setting(String name) {
        return (String) session.callSessionFunction("current_setting", new Object[] {name});
    }

    /** The search path's schema names as written, "$user" replaced by the user name. */
    public List<String> searchPath() {
        List<String> names = new ArrayList<>();
        for (String entry : setting("search_path").split(",")) {
            String name = entry.strip();
            if (name.isEmpty()) {
                continue;
            }
            name = name.startsWith("\"") && name.endsWith("\"") && name.length() > 1
                    ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name.toLowerCase(Locale.ROOT);
            names.add(name.equals("$user") ? user : name);
        }
        return names;
    }

    /**
     * The schemas searched for unqualified names, in order, as their OIDs: pg_catalog first unless
     * the search path places it (PostgreSQL's implicit rule), then the existing search path schemas.
     */
    public List<Long> effectiveSearchPath() {
        List<String> path = searchPath();
        List<Long> oids = new ArrayList<>();
        if (!path.contains("pg_catalog")) {
            oids.add(SystemOids.PG_CATALOG);
        }
        for (String name : path) {
            Long oid = namespaceOid(name);
            if (oid != null && !oids.contains(oid)) {
                oids.add(oid);
            }
        }
        return oids;
    }

    /** This database's schemas in creation (id) order, the order PostgreSQL's heap scan usually gives. */
    public List<SchemaDef> schemas() {
        List<SchemaDef> schemas = new ArrayList<>(catalog.schemas(database.id()));
        schemas.sort(Comparator.comparingLong(SchemaDef::id));
        return schemas;
    }

    /** A namespace OID by name: the two system schemas or a catalog schema of this database; null when none. */
    public Long namespaceOid(String name) {
        return switch (name) {
            case "pg_catalog" -> SystemOids.PG_CATALOG;
            case "information_schema" -> SystemOids.INFORMATION_SCHEMA;
            default -> {
                SchemaDef schema = catalog.schemaByName(database.id(), name);
                yield schema == null ? null : schema.id();
            }
        };
    }

    /** A namespace's name by OID, or null. */
    public String namespaceName(long oid) {
        if (oid == SystemOids.PG_CATALOG) {
            return "pg_catalog";
        }
        if (oid == SystemOids.INFORMATION_SCHEMA) {
            return "information_schema";
        }
        SchemaDef schema = catalog.schema(oid);
        return schema == null || schema.databaseId() != database.id() ? null : schema.name();
    }

    /** The user relations (tables, views, sequences) of every schema of this database, in creation order. */
    public List<CatalogObject> relations() {
        List<CatalogObject> relations = new ArrayList<>();
        for (SchemaDef schema : schemas()) {
            relations.addAll(catalog.relations(schema.id()));
        }
        relations.sort(Comparator.comparingLong(CatalogObject::id));
        return relations;
    }

    public List<TableDef> tables() {
        return relations().stream().filter(TableDef.class::isInstance).map(TableDef.class::cast).toList();
    }

    /** The table owning index {@code indexId}, or null. */
    public TableDef tableOfIndex(long indexId) {
        for (TableDef table : tables()) {
            for (IndexDef index : table.indexes()) {
                if (index.id() == indexId && isVisibleIndex(table, index)) {
                    return table;
                }
            }
        }
        return null;
    }

    /** An index clients can see: every index except the hidden row-id primary index of a table without a key. */
    public static boolean isVisibleIndex(TableDef table, IndexDef index) {
        return !(index.primary() && table.hiddenRowId());
    }

    public static IndexDef index(TableDef table, long indexId) {
        return table.indexes().stream().filter(i -> i.id() == indexId).findFirst().orElse(null);
    }

    /** A table's constraints in PostgreSQL's kinds: p and u (backed by indexes), f, c. */
    public static List<Constraint> constraints(TableDef table) {
        List<Constraint> constraints = new ArrayList<>();
        for (IndexDef index : table.indexes()) {
            if (index.constraint() && isVisibleIndex(table, index)) {
                constraints.add(new Constraint(index.id(), index.name(), index.primary() ? "p" : "u", table, index, null,
                        null));
            }
        }
        for (int i = 0; i < table.foreignKeys().size(); i++) {
            ForeignKeyDef key = table.foreignKeys().get(i);
            constraints.add(new Constraint(SystemOids.foreignKey(table.id(), i), key.name(), "f", table, null, key, null));
        }
        for (int i = 0; i < table.checks().size(); i++) {
            CheckDef check = table.checks().get(i);
            constraints.add(new Constraint(SystemOids.check(table.id(), i), check.name(), "c", table, null, null, check));
        }
        return constraints;
    }

    /** Every constraint of every table of this database. */
    public List<Constraint> constraints() {
        List<Constraint> all = new ArrayList<>();
        for (TableDef table : tables()) {
            all.addAll(constraints(table));
        }
        return all;
    }

    public Constraint constraint(long oid) {
        for (Constraint constraint : constraints()) {
            if (constraint.oid() == oid) {
                return constraint;
            }
        }
        return null;
    }

    /** The relation (table, view, sequence) with this OID in this database, or null. */
    public CatalogObject relation(long oid) {
        CatalogObject object = catalog.object(oid);
        if (object instanceof TableDef || object instanceof ViewDef
                || object instanceof SequenceDef) {
            return namespaceName(schemaOf(object)) == null ? null : object;
        }
        return null;
    }

    /** The schema id of a table, view or sequence. */
    public static long schemaOf(CatalogObject relation) {
        return switch (relation) {
            case TableDef table -> table.schemaId();
            case ViewDef view -> view.schemaId();
            case SequenceDef sequence -> sequence.schemaId();
            case DatabaseDef database -> throw new IllegalArgumentException("a database is not a relation");
            case SchemaDef schema -> throw new IllegalArgumentException("a schema is not a relation");
        };
    }
}
