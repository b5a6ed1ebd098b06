package io.weftdb.engine.system;

import io.weftdb.engine.catalog.CatalogObject;
import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.catalog.ForeignKeyDef;
import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.SchemaDef;
import io.weftdb.engine.catalog.SequenceDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.catalog.ViewDef;
import io.weftdb.ir.stmt.ColumnDefinition.Identity;
import io.weftdb.ir.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * pg_catalog's relation catalogs computed from the engine catalog: pg_namespace, pg_class,
 * pg_attribute, pg_attrdef, pg_index, pg_constraint, pg_type, pg_depend and pg_sequence.
 */
final class PgCatalogRelations {
    private PgCatalogRelations() {
    }

    static List<SystemTable> tables() {
        return List.of(
                SystemTable.of("pg_catalog", "pg_namespace", PgCatalogRelations::namespaces),
                SystemTable.of("pg_catalog", "pg_class", PgCatalogRelations::classes),
                SystemTable.of("pg_catalog", "pg_attribute", PgCatalogRelations::attributes),
                SystemTable.of("pg_catalog", "pg_attrdef", PgCatalogRelations::defaults),
                SystemTable.of("pg_catalog", "pg_index", PgCatalogRelations::indexes),
                SystemTable.of("pg_catalog", "pg_constraint", PgCatalogRelations::constraints),
                SystemTable.of("pg_catalog", "pg_type", PgCatalogRelations::types),
                SystemTable.of("pg_catalog", "pg_depend", PgCatalogRelations::dependencies),
                SystemTable.of("pg_catalog", "pg_sequence", PgCatalogRelations::sequences));
    }

    private static void namespaces(SystemTable table, SystemContext context, List<Object[]> out) {
        out.add(namespace(table, SystemOids.PG_CATALOG, "pg_catalog"));
        out.add(namespace(table, SystemOids.INFORMATION_SCHEMA, "information_schema"));
        for (SchemaDef schema : context.schemas()) {
            out.add(namespace(table, schema.id(), schema.name()));
        }
    }

    private static Object[] namespace(SystemTable table, long oid, String name) {
        return table.row().set("oid", oid).set("nspname", name).set("nspowner", SystemOids.SUPERUSER).values();
    }

    private static void classes(SystemTable table, SystemContext context, List<Object[]> out) {
        for (SystemTable system : SystemTables.all()) {
            long namespace = system.schema().equals("pg_catalog") ? SystemOids.PG_CATALOG : SystemOids.INFORMATION_SCHEMA;
            out.add(relation(table, system.oid(), system.name(), namespace, system.view() ? "v" : "r",
                    system.view() ? 0 : SystemOids.HEAP, system.columns().size())
                    .set("reltuples", -1.0).values());
        }
        for (CatalogObject object : context.relations()) {
            switch (object) {
                case TableDef relation -> {
                    boolean indexed = relation.indexes().stream().anyMatch(i -> SystemContext.isVisibleIndex(relation, i));
                    long rows = context.rowEstimate(relation.id());
                    out.add(relation(table, relation.id(), relation.name(), relation.schemaId(), "r", SystemOids.HEAP,
                            relation.columns().size())
                            .set("relhasindex", indexed).set("relchecks", (long) relation.checks().size())
                            .set("relhastriggers", inForeignKey(context, relation))
                            .set("reltuples", rows < 0 ? -1.0 : (double) rows).values());
                    for (IndexDef index : relation.indexes()) {
                        if (SystemContext.isVisibleIndex(relation, index)) {
                            out.add(relation(table, index.id(), index.name(), relation.schemaId(), "i", SystemOids.BTREE,
                                    index.columnIds().size()).set("reltuples", rows < 0 ? 0.0 : (double) rows).values());
                        }
                    }
                }
                case ViewDef view -> out.add(relation(table, view.id(), view.name(), view.schemaId(), "v", 0,
                        view.columnNames().size()).set("reltuples", -1.0).values());
                case SequenceDef sequence -> out.add(relation(table, sequence.id(), sequence.name(), sequence.schemaId(),
                        "S", 0, 3).set("reltuples", 1.0).values());
                default -> {
                }
            }
        }
    }

    /**
     * PostgreSQL enforces foreign keys with triggers on both tables, so relhastriggers is true for a
     * table that references or is referenced (psql shows the foreign-key sections only then).
     */
    private static boolean inForeignKey(SystemContext context, TableDef table) {
        if (!table.foreignKeys().isEmpty()) {
            return true;
        }
        return context.tables().stream().flatMap(other -> other.foreignKeys().stream())
                .anyMatch(key -> key.referencedTableId() == table.id());
    }

    private static SystemTable.Row relation(SystemTable table, long oid, String name, long namespace, String kind, long am,
                                            int columns) {
        return table.row().set("oid", oid).set("relname", name).set("relnamespace", namespace).set("reltype", 0L)
                .set("reloftype", 0L).set("relowner", SystemOids.SUPERUSER).set("relam", am)
                .set("relfilenode", kind.equals("v") ? 0L : oid).set("reltablespace", 0L).set("relpages", 0L)
                .set("relallvisible", 0L).set("reltoastrelid", 0L).set("relhasindex", false).set("relisshared", false)
                .set("relpersistence", "p").set("relkind", kind).set("relnatts", (long) columns).set("relchecks", 0L)
                .set("relhasrules", false).set("relhastriggers", false).set("relhassubclass", false)
                .set("relrowsecurity", false).set("relforcerowsecurity", false).set("relispopulated", true)
                .set("relreplident", kind.equals("r") ? "d" : "n").set("relispartition", false).set("relrewrite", 0L)
                .set("relfrozenxid", 0L).set("relminmxid", 0L);
    }

    private static void attributes(SystemTable table, SystemContext context, List<Object[]> out) {
        for (SystemTable system : SystemTables.all()) {
            int attnum = 1;
            for (SystemTable.Column column : system.columns()) {
                out.add(attribute(table, system.oid(), column.name(), SystemTypes.byOid(column.typeOid()), -1,
                        attnum++, false).values());
            }
        }
        for (CatalogObject object : context.relations()) {
            switch (object) {
                case TableDef relation -> {
                    for (ColumnDef column : relation.columns()) {
                        out.add(attribute(table, relation.id(), column.name(), column.type(), column.id(), column.notNull())
                                .set("atthasdef", hasDefault(column))
                                .set("atthasmissing", column.missingValue() != null)
                                .set("attidentity", identity(column.identity())).values());
                    }
                    for (IndexDef index : relation.indexes()) {
                        if (!SystemContext.isVisibleIndex(relation, index)) {
                            continue;
                        }
                        for (int i = 0; i < index.columnIds().size(); i++) {
                            ColumnDef column = relation.column(index.columnIds().get(i));
                            if (column != null) {
                                out.add(attribute(table, index.id(), column.name(), column.type(), i + 1, false).values());
                            }
                        }
                    }
                }
                case ViewDef view -> {
                    int attnum = 1;
                    for (RelationColumns.Column column : RelationColumns.ofView(context, view)) {
                        out.add(attribute(table, view.id(), column.name(), column.type(), attnum++, false).values());
                    }
                }
                case SequenceDef sequence -> {
                    int attnum = 1;
                    for (RelationColumns.Column column : RelationColumns.ofSequence()) {
                        out.add(attribute(table, sequence.id(), column.name(), column.type(), attnum++, true).values());
                    }
                }
                default -> {
                }
            }
        }
    }

    private static SystemTable.Row attribute(SystemTable table, long relation, String name, DataType type, int attnum,
                                             boolean notNull) {
        return attribute(table, relation, name, SystemTypes.byOid(SystemTypes.oid(type)), SystemTypes.typeModifier(type),
                attnum, notNull);
    }

    private static SystemTable.Row attribute(SystemTable table, long relation, String name, SystemTypes.TypeInfo info,
                                             int typeModifier, int attnum, boolean notNull) {
        return table.row().set("attrelid", relation).set("attname", name).set("atttypid", info.oid())
                .set("attstattarget", -1L).set("attlen", (long) info.length()).set("attnum", (long) attnum)
                .set("attndims", info.isArray() ? 1L : 0L).set("attcacheoff", -1L)
                .set("atttypmod", (long) typeModifier).set("attbyval", info.byValue())
                .set("attalign", info.align()).set("attstorage", info.storage()).set("attcompression", "")
                .set("attnotnull", notNull).set("atthasdef", false).set("atthasmissing", false).set("attidentity", "")
                .set("attgenerated", "").set("attisdropped", false).set("attislocal", true).set("attinhcount", 0L)
                .set("attcollation", info.collation());
    }

    private static String identity(Identity identity) {
        return switch (identity) {
            case NONE -> "";
            case ALWAYS -> "a";
            case BY_DEFAULT -> "d";
        };
    }

    private static void defaults(SystemTable table, SystemContext context, List<Object[]> out) {
        for (TableDef relation : context.tables()) {
            for (ColumnDef column : relation.columns()) {
                if (hasDefault(column)) {
                    out.add(table.row().set("oid", SystemOids.columnDefault(relation.id(), column.id()))
                            .set("adrelid", relation.id()).set("adnum", (long) column.id())
                            .set("adbin", DefaultText.of(column)).values());
                }
            }
        }
    }

    /** An identity column's values come from its sequence, not from a default: PostgreSQL shows none. */
    private static boolean hasDefault(ColumnDef column) {
        return column.identity() == Identity.NONE && DefaultText.of(column) != null;
    }

    private static void indexes(SystemTable table, SystemContext context, List<Object[]> out) {
        for (TableDef relation : context.tables()) {
            for (IndexDef index : relation.indexes()) {
                if (!SystemContext.isVisibleIndex(relation, index)) {
                    continue;
                }
                List<Long> keys = new ArrayList<>();
                List<Long> collations = new ArrayList<>();
                List<Long> classes = new ArrayList<>();
                List<Long> options = new ArrayList<>();
                for (int i = 0; i < index.columnIds().size(); i++) {
                    keys.add((long) index.columnIds().get(i));
                    ColumnDef column = relation.column(index.columnIds().get(i));
                    collations.add(column == null ? 0L : SystemTypes.byOid(SystemTypes.oid(column.type())).collation());
                    classes.add(0L);
                    // INDOPTION_DESC | INDOPTION_NULLS_FIRST: a DESC key sorts NULLs first by default.
                    options.add(index.descending().get(i) ? 3L : 0L);
                }
                out.add(table.row().set("indexrelid", index.id()).set("indrelid", relation.id())
                        .set("indnatts", (long) keys.size()).set("indnkeyatts", (long) keys.size())
                        .set("indisunique", index.unique()).set("indnullsnotdistinct", false)
                        .set("indisprimary", index.primary()).set("indisexclusion", false).set("indimmediate", true)
                        .set("indisclustered", false).set("indisvalid", true).set("indcheckxmin", false)
                        .set("indisready", true).set("indislive", true).set("indisreplident", false).set("indkey", keys)
                        .set("indcollation", collations).set("indclass", classes).set("indoption", options).values());
            }
        }
    }

    private static void constraints(SystemTable table, SystemContext context, List<Object[]> out) {
        for (SystemContext.Constraint constraint : context.constraints()) {
            TableDef relation = constraint.table();
            SystemTable.Row row = table.row().set("oid", constraint.oid()).set("conname", constraint.name())
                    .set("connamespace", relation.schemaId()).set("contype", constraint.type())
                    .set("condeferrable", false).set("condeferred", false).set("convalidated", true)
                    .set("conrelid", relation.id()).set("contypid", 0L).set("conindid", 0L).set("conparentid", 0L)
                    .set("confrelid", 0L).set("confupdtype", " ").set("confdeltype", " ").set("confmatchtype", " ")
                    .set("conislocal", true).set("coninhcount", 0L).set("connoinherit", false);
            switch (constraint.type()) {
                case "p", "u" -> row.set("conindid", constraint.index().id())
                        .set("conkey", attnums(constraint.index().columnIds()));
                case "f" -> {
                    ForeignKeyDef key = constraint.foreignKey();
                    TableDef referenced = context.catalog().table(key.referencedTableId());
                    IndexDef unique = referenced == null ? null : uniqueIndex(referenced, key.referencedColumnIds());
                    row.set("conindid", unique == null ? 0L : unique.id()).set("confrelid", key.referencedTableId())
                            .set("confupdtype", Definitions.actionLetter(key.onUpdate()))
                            .set("confdeltype", Definitions.actionLetter(key.onDelete())).set("confmatchtype", "s")
                            .set("conkey", attnums(key.columnIds())).set("confkey", attnums(key.referencedColumnIds()));
                }
                default -> row.set("conbin", constraint.check().sql()).set("conkey", checkColumns(constraint));
            }
            out.add(row.values());
        }
    }

    /** The columns a CHECK's source text names (PostgreSQL records the ones its expression reads). */
    private static List<Long> checkColumns(SystemContext.Constraint constraint) {
        List<Long> columns = new ArrayList<>();
        String sql = constraint.check().sql();
        for (ColumnDef column : constraint.table().columns()) {
            if (sql.matches("(?s).*(?<![A-Za-z0-9_$])\"?" + java.util.regex.Pattern.quote(column.name())
                    + "\"?(?![A-Za-z0-9_$]).*")) {
                columns.add((long) column.id());
            }
        }
        return columns;
    }

    /** The unique index of {@code table} over exactly {@code columnIds} (the one a foreign key depends on). */
    static IndexDef uniqueIndex(TableDef table, List<Integer> columnIds) {
        for (IndexDef index : table.indexes()) {
            if (index.unique() && SystemContext.isVisibleIndex(table, index)
                    && index.columnIds().size() == columnIds.size() && index.columnIds().containsAll(columnIds)) {
                return index;
            }
        }
        return null;
    }

    private static List<Long> attnums(List<Integer> columnIds) {
        return columnIds.stream().map(Integer::longValue).toList();
    }

    private static void types(SystemTable table, SystemContext context, List<Object[]> out) {
        for (SystemTypes.TypeInfo type : SystemTypes.all()) {
            out.add(table.row().set("oid", type.oid()).set("typname", type.name())
                    .set("typnamespace", SystemOids.PG_CATALOG).set("typowner", SystemOids.SUPERUSER)
                    .set("typlen", (long) type.length()).set("typbyval", type.byValue())
                    .set("typtype", type.category().equals("X") || type.category().equals("P") ? "p" : "b").set("typcategory", type.category())
                    .set("typispreferred", type.preferred()).set("typisdefined", true).set("typdelim", ",")
                    .set("typrelid", 0L).set("typsubscript", 0L).set("typelem", type.elementOid())
                    .set("typarray", type.arrayOid()).set("typinput", 0L).set("typoutput", 0L).set("typreceive", 0L)
                    .set("typsend", 0L).set("typmodin", 0L).set("typmodout", 0L).set("typanalyze", 0L)
                    .set("typalign", type.align()).set("typstorage", type.storage()).set("typnotnull", false)
                    .set("typbasetype", 0L).set("typtypmod", -1L).set("typndims", 0L)
                    .set("typcollation", type.collation()).values());
        }
    }

    /** Sequences owned by columns (SERIAL, identity): the automatic dependency pg_get_serial_sequence follows. */
    private static void dependencies(SystemTable table, SystemContext context, List<Object[]> out) {
        for (CatalogObject object : context.relations()) {
            if (object instanceof SequenceDef sequence && sequence.ownerTableId() != 0) {
                out.add(table.row().set("classid", SystemOids.PG_CLASS).set("objid", sequence.id()).set("objsubid", 0L)
                        .set("refclassid", SystemOids.PG_CLASS).set("refobjid", sequence.ownerTableId())
                        .set("refobjsubid", (long) sequence.ownerColumnId()).set("deptype", "a").values());
            }
        }
    }

    private static void sequences(SystemTable table, SystemContext context, List<Object[]> out) {
        for (CatalogObject object : context.relations()) {
            if (object instanceof SequenceDef sequence) {
                out.add(table.row().set("seqrelid", sequence.id()).set("seqtypid", SystemTypes.oid(sequence.type()))
                        .set("seqstart", sequence.start()).set("seqincrement", sequence.increment())
                        .set("seqmax", sequence.maxValue()).set("seqmin", sequence.minValue())
                        .set("seqcache", sequence.cache()).set("seqcycle", sequence.cycle()).values());
            }
        }
    }
}
