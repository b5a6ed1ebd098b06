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
import io.weftdb.ir.type.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL-standard information_schema views, computed from the catalog. Every object is visible
 * (a session has every privilege). As in PostgreSQL, NOT NULL columns appear in table_constraints
 * as CHECK constraints named {@code <schema oid>_<table oid>_<attnum>_not_null}.
 */
final class InformationSchema {
    private static final String SCHEMA = "information_schema";

    private InformationSchema() {
    }

    static List<SystemTable> tables() {
        return List.of(
                SystemTable.of(SCHEMA, "schemata", InformationSchema::schemata),
                SystemTable.of(SCHEMA, "tables", InformationSchema::tablesView),
                SystemTable.of(SCHEMA, "columns", InformationSchema::columns),
                SystemTable.of(SCHEMA, "views", InformationSchema::views),
                SystemTable.of(SCHEMA, "table_constraints", InformationSchema::tableConstraints),
                SystemTable.of(SCHEMA, "key_column_usage", InformationSchema::keyColumnUsage),
                SystemTable.of(SCHEMA, "referential_constraints", InformationSchema::referentialConstraints),
                SystemTable.of(SCHEMA, "constraint_column_usage", InformationSchema::constraintColumnUsage),
                SystemTable.of(SCHEMA, "sequences", InformationSchema::sequences),
                // Functions are built in, not catalog objects; PostgreSQL lists only user routines to non-superusers too.
                SystemTable.empty(SCHEMA, "routines"));
    }

    private static String yes(boolean value) {
        return value ? "YES" : "NO";
    }

    private static void schemata(SystemTable table, SystemContext context, List<Object[]> out) {
        List<String> names = new ArrayList<>(List.of("pg_catalog", SCHEMA));
        context.schemas().stream().map(SchemaDef::name).forEach(names::add);
        for (String name : names) {
            out.add(table.row().set("catalog_name", context.database().name()).set("schema_name", name)
                    .set("schema_owner", context.user()).values());
        }
    }

    private static void tablesView(SystemTable table, SystemContext context, List<Object[]> out) {
        for (SystemTable system : SystemTables.all()) {
            out.add(tableRow(table, context, system.schema(), system.name(), system.view() ? "VIEW" : "BASE TABLE"));
        }
        for (CatalogObject object : context.relations()) {
            String schema = context.namespaceName(SystemContext.schemaOf(object));
            if (object instanceof TableDef) {
                out.add(tableRow(table, context, schema, object.name(), "BASE TABLE"));
            } else if (object instanceof ViewDef) {
                out.add(tableRow(table, context, schema, object.name(), "VIEW"));
            }
        }
    }

    private static Object[] tableRow(SystemTable table, SystemContext context, String schema, String name, String type) {
        return table.row().set("table_catalog", context.database().name()).set("table_schema", schema)
                .set("table_name", name).set("table_type", type).set("is_insertable_into", yes(type.equals("BASE TABLE")))
                .set("is_typed", "NO").values();
    }

    private static void columns(SystemTable table, SystemContext context, List<Object[]> out) {
        for (SystemTable system : SystemTables.all()) {
            int position = 1;
            for (SystemTable.Column column : system.columns()) {
                // A catalog column shows the type PostgreSQL declares it with (oid, name...), not the engine type it is read as.
                SystemTypes.TypeInfo declared = SystemTypes.byOid(column.typeOid());
                out.add(column(table, context, system.schema(), system.name(), column.name(), column.type(), position++,
                        false, null, Identity.NONE, false).set("data_type", declared.isArray() ? "ARRAY" : declared.displayName())
                        .set("udt_name", declared.name()).values());
            }
        }
        for (CatalogObject object : context.relations()) {
            String schema = context.namespaceName(SystemContext.schemaOf(object));
            if (object instanceof TableDef relation) {
                for (ColumnDef column : relation.columns()) {
                    out.add(column(table, context, schema, relation.name(), column.name(), column.type(), column.id(),
                            column.notNull(), DefaultText.of(column), column.identity(), true).values());
                }
            } else if (object instanceof ViewDef view) {
                int position = 1;
                for (RelationColumns.Column column : RelationColumns.ofView(context, view)) {
                    out.add(column(table, context, schema, view.name(), column.name(), column.type(), position++, false,
                            null, Identity.NONE, false).values());
                }
            }
        }
    }

    private static SystemTable.Row column(SystemTable table, SystemContext context, String schema, String relation, String name,
                                   DataType type, int position, boolean notNull, String defaultSql, Identity identity,
                                   boolean updatable) {
        SystemTypes.TypeInfo info = SystemTypes.byOid(SystemTypes.oid(type));
        SystemTable.Row row = table.row().set("table_catalog", context.database().name()).set("table_schema", schema)
                .set("table_name", relation).set("column_name", name).set("ordinal_position", (long) position)
                .set("column_default", identity == Identity.NONE ? defaultSql : null).set("is_nullable", yes(!notNull))
                .set("data_type", type.kind() == TypeKind.ARRAY ? "ARRAY" : info.displayName())
                .set("udt_catalog", context.database().name()).set("udt_schema", "pg_catalog").set("udt_name", info.name())
                .set("dtd_identifier", String.valueOf(position)).set("is_self_referencing", "NO")
                .set("is_identity", yes(identity != Identity.NONE)).set("is_generated", "NEVER")
                .set("is_updatable", yes(updatable)).set("identity_cycle", "NO");
        if (identity != Identity.NONE) {
            row.set("identity_generation", identity == Identity.ALWAYS ? "ALWAYS" : "BY DEFAULT");
        }
        switch (type.kind()) {
            case VARCHAR, CHAR, TEXT -> {
                if (type.hasLength()) {
                    row.set("character_maximum_length", (long) type.length());
                    row.set("character_octet_length", (long) type.length() * 4);
                } else if (type.kind() != TypeKind.CHAR) {
                    row.set("character_octet_length", 1073741824L);
                }
            }
            case SMALLINT, INTEGER, BIGINT -> row.set("numeric_precision", type.kind() == TypeKind.SMALLINT ? 16L
                    : type.kind() == TypeKind.INTEGER ? 32L : 64L).set("numeric_precision_radix", 2L)
                    .set("numeric_scale", 0L);
            case REAL, DOUBLE -> row.set("numeric_precision", type.kind() == TypeKind.REAL ? 24L : 53L)
                    .set("numeric_precision_radix", 2L);
            case NUMERIC -> {
                row.set("numeric_precision_radix", 10L);
                if (type.hasLength()) {
                    row.set("numeric_precision", (long) type.length()).set("numeric_scale", (long) Math.max(type.scale(), 0));
                }
            }
            case DATE -> row.set("datetime_precision", 0L);
            case TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL -> row.set("datetime_precision", 6L);
            default -> {
            }
        }
        return row;
    }

    private static void views(SystemTable table, SystemContext context, List<Object[]> out) {
        for (CatalogObject object : context.relations()) {
            if (object instanceof ViewDef view) {
                out.add(table.row().set("table_catalog", context.database().name())
                        .set("table_schema", context.namespaceName(view.schemaId())).set("table_name", view.name())
                        .set("view_definition", view.sql()).set("check_option", "NONE").set("is_updatable", "NO")
                        .set("is_insertable_into", "NO").set("is_trigger_updatable", "NO")
                        .set("is_trigger_deletable", "NO").set("is_trigger_insertable_into", "NO").values());
            }
        }
    }

    private static String constraintType(String type) {
        return switch (type) {
            case "p" -> "PRIMARY KEY";
            case "u" -> "UNIQUE";
            case "f" -> "FOREIGN KEY";
            default -> "CHECK";
        };
    }

    private static void tableConstraints(SystemTable table, SystemContext context, List<Object[]> out) {
        for (TableDef relation : context.tables()) {
            String schema = context.namespaceName(relation.schemaId());
            for (SystemContext.Constraint constraint : SystemContext.constraints(relation)) {
                boolean keyed = constraint.index() != null;
                out.add(constraintRow(table, context, schema, constraint.name(), relation.name(),
                        constraintType(constraint.type())).set("nulls_distinct", keyed ? "YES" : null).values());
            }
            for (ColumnDef column : relation.columns()) {
                if (column.notNull()) {
                    String name = relation.schemaId() + "_" + relation.id() + "_" + column.id() + "_not_null";
                    out.add(constraintRow(table, context, schema, name, relation.name(), "CHECK").values());
                }
            }
        }
    }

    private static SystemTable.Row constraintRow(SystemTable table, SystemContext context, String schema, String name,
                                                 String relation, String type) {
        return table.row().set("constraint_catalog", context.database().name()).set("constraint_schema", schema)
                .set("constraint_name", name).set("table_catalog", context.database().name()).set("table_schema", schema)
                .set("table_name", relation).set("constraint_type", type).set("is_deferrable", "NO")
                .set("initially_deferred", "NO").set("enforced", "YES");
    }

    private static void keyColumnUsage(SystemTable table, SystemContext context, List<Object[]> out) {
        for (SystemContext.Constraint constraint : context.constraints()) {
            TableDef relation = constraint.table();
            List<Integer> columns;
            List<Integer> referencedKey = null;
            if (constraint.index() != null) {
                columns = constraint.index().columnIds();
            } else if (constraint.foreignKey() != null) {
                ForeignKeyDef key = constraint.foreignKey();
                columns = key.columnIds();
                TableDef referenced = context.catalog().table(key.referencedTableId());
                IndexDef unique = referenced == null ? null : PgCatalogRelations.uniqueIndex(referenced,
                        key.referencedColumnIds());
                referencedKey = unique == null ? key.referencedColumnIds() : unique.columnIds();
            } else {
                continue;
            }
            String schema = context.namespaceName(relation.schemaId());
            for (int i = 0; i < columns.size(); i++) {
                ColumnDef column = relation.column(columns.get(i));
                SystemTable.Row row = table.row().set("constraint_catalog", context.database().name())
                        .set("constraint_schema", schema).set("constraint_name", constraint.name())
                        .set("table_catalog", context.database().name()).set("table_schema", schema)
                        .set("table_name", relation.name()).set("column_name", column == null ? null : column.name())
                        .set("ordinal_position", (long) i + 1);
                if (referencedKey != null) {
                    int referencedColumn = constraint.foreignKey().referencedColumnIds().get(i);
                    row.set("position_in_unique_constraint", (long) referencedKey.indexOf(referencedColumn) + 1);
                }
                out.add(row.values());
            }
        }
    }

    private static void referentialConstraints(SystemTable table, SystemContext context, List<Object[]> out) {
        for (SystemContext.Constraint constraint : context.constraints()) {
            if (constraint.foreignKey() == null) {
                continue;
            }
            ForeignKeyDef key = constraint.foreignKey();
            TableDef referenced = context.catalog().table(key.referencedTableId());
            IndexDef unique = referenced == null ? null : PgCatalogRelations.uniqueIndex(referenced, key.referencedColumnIds());
            out.add(table.row().set("constraint_catalog", context.database().name())
                    .set("constraint_schema", context.namespaceName(constraint.table().schemaId()))
                    .set("constraint_name", constraint.name())
                    .set("unique_constraint_catalog", unique == null ? null : context.database().name())
                    .set("unique_constraint_schema", unique == null ? null : context.namespaceName(referenced.schemaId()))
                    .set("unique_constraint_name", unique == null ? null : unique.name()).set("match_option", "NONE")
                    .set("update_rule", Definitions.actionSql(key.onUpdate()))
                    .set("delete_rule", Definitions.actionSql(key.onDelete())).values());
        }
    }

    /** The columns each constraint uses: its own for PRIMARY KEY/UNIQUE/CHECK, the referenced ones for FOREIGN KEY. */
    private static void constraintColumnUsage(SystemTable table, SystemContext context, List<Object[]> out) {
        for (SystemContext.Constraint constraint : context.constraints()) {
            TableDef relation = constraint.table();
            List<Integer> columns;
            if (constraint.index() != null) {
                columns = constraint.index().columnIds();
            } else if (constraint.foreignKey() != null) {
                relation = context.catalog().table(constraint.foreignKey().referencedTableId());
                columns = constraint.foreignKey().referencedColumnIds();
            } else {
                columns = new ArrayList<>();
                String sql = constraint.check().sql();
                for (ColumnDef column : relation.columns()) {
                    if (sql.contains(column.name())) {
                        columns.add(column.id());
                    }
                }
            }
            if (relation == null) {
                continue;
            }
            for (int columnId : columns) {
                ColumnDef column = relation.column(columnId);
                out.add(table.row().set("table_catalog", context.database().name())
                        .set("table_schema", context.namespaceName(relation.schemaId())).set("table_name", relation.name())
                        .set("column_name", column == null ? null : column.name())
                        .set("constraint_catalog", context.database().name())
                        .set("constraint_schema", context.namespaceName(constraint.table().schemaId()))
                        .set("constraint_name", constraint.name()).values());
            }
        }
    }

    private static void sequences(SystemTable table, SystemContext context, List<Object[]> out) {
        for (CatalogObject object : context.relations()) {
            if (object instanceof SequenceDef sequence) {
                SystemTypes.TypeInfo info = SystemTypes.byOid(SystemTypes.oid(sequence.type()));
                long precision = sequence.type().kind() == TypeKind.SMALLINT ? 16
                        : sequence.type().kind() == TypeKind.INTEGER ? 32 : 64;
                out.add(table.row().set("sequence_catalog", context.database().name())
                        .set("sequence_schema", context.namespaceName(sequence.schemaId()))
                        .set("sequence_name", sequence.name()).set("data_type", info.displayName())
                        .set("numeric_precision", precision).set("numeric_precision_radix", 2L).set("numeric_scale", 0L)
                        .set("start_value", String.valueOf(sequence.start()))
                        .set("minimum_value", String.valueOf(sequence.minValue()))
                        .set("maximum_value", String.valueOf(sequence.maxValue()))
                        .set("increment", String.valueOf(sequence.increment())).set("cycle_option", yes(sequence.cycle()))
                        .values());
            }
        }
    }
}
