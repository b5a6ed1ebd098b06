package io.weftdb.engine.ddl;

import io.weftdb.engine.catalog.CatalogObject;
import io.weftdb.engine.catalog.CheckDef;
import io.weftdb.engine.catalog.ForeignKeyDef;
import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.expr.ParameterTypes;
import io.weftdb.engine.table.TableScope;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.ExprTrees;
import io.weftdb.ir.stmt.ReferentialAction;
import io.weftdb.ir.stmt.TableConstraint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns constraint definitions into catalog entries for a table, with PostgreSQL's generated
 * names ({@code t_pkey}, {@code t_a_key}, {@code t_a_check}, {@code t_a_fkey}) made unique.
 */
final class ConstraintBuilder {
    private final DdlContext context;

    ConstraintBuilder(DdlContext context) {
        this.context = context;
    }

    /** Column ids of the named columns (42703 for an unknown one). */
    static List<Integer> columnIds(TableDef table, List<String> names) {
        List<Integer> ids = new ArrayList<>();
        for (String name : names) {
            int position = table.columnIndex(name);
            if (position < 0) {
                throw new SqlException(ErrorCode.UNDEFINED_COLUMN, "column \"" + name + "\" named in key does not exist");
            }
            if (table.columns().get(position).type().kind() == io.weftdb.ir.type.TypeKind.ARRAY) {
                throw new SqlException(ErrorCode.FEATURE_NOT_SUPPORTED, "column \"" + name
                        + "\" is an array: array columns cannot be part of a key or index yet");
            }
            ids.add(table.columns().get(position).id());
        }
        return ids;
    }

    /** An index name not yet used by any relation or index of the schema (also among {@code taken}). */
    String uniqueRelationName(long schemaId, String base, List<String> taken) {
        String candidate = truncate(base, "");
        for (int suffix = 1; relationNameUsed(schemaId, candidate) || taken.contains(candidate); suffix++) {
            candidate = truncate(base, Integer.toString(suffix));
        }
        return candidate;
    }

    /** The schema-wide name of an index and, where it had to differ from the requested one, that name within its table. */
    record IndexName(String name, String localName) {}

    /**
     * The names of an index asked to be called {@code requested}: that name; or, where index names
     * belong to their table (MySQL) and another relation of the schema has it, a free schema-wide
     * name with {@code requested} kept as the name within the table (two indexes of one table may
     * not share it).
     */
    IndexName indexName(TableDef table, String requested, List<String> taken) {
        if (!context.indexNamesPerTable() || !relationNameUsed(table.schemaId(), requested) && !taken.contains(requested)) {
            return new IndexName(requested, null);
        }
        for (IndexDef index : table.indexes()) {
            if (requested.equals(index.tableName())) {
                throw new SqlException(ErrorCode.DUPLICATE_OBJECT, "Duplicate key name '" + requested + "'");
            }
        }
        return new IndexName(uniqueRelationName(table.schemaId(), table.name() + "_" + requested, taken), requested);
    }

    private boolean relationNameUsed(long schemaId, String name) {
        CatalogObject relation = context.environment().catalog().relation(schemaId, name);
        return relation != null || context.environment().catalog().tableOfIndex(schemaId, name) != null;
    }

    static String constraintBase(String table, List<String> columns, String suffix) {
        return table + (columns.isEmpty() ? "" : "_" + String.join("_", columns)) + "_" + suffix;
    }

    private static String truncate(String base, String suffix) {
        String name = base + suffix;
        return name.length() <= 63 ? name : base.substring(0, 63 - suffix.length()) + suffix;
    }

    /** Applies a table constraint to {@code table}; PRIMARY KEY needs a table without one (callers rewrite rows). */
    TableDef add(TableDef table, TableConstraint constraint, List<String> takenNames) {
        return switch (constraint) {
            case TableConstraint.PrimaryKey primaryKey -> {
                if (!table.hiddenRowId()) {
                    throw new SqlException(ErrorCode.INVALID_TABLE_DEFINITION, "multiple primary keys for table \""
                            + table.name() + "\" are not allowed");
                }
                List<Integer> ids = columnIds(table, primaryKey.columns());
                String name = primaryKey.name() != null ? primaryKey.name()
                        : uniqueRelationName(table.schemaId(), table.name() + "_pkey", takenNames);
                takenNames.add(name);
                IndexDef index = new IndexDef(context.environment().sequences().allocateObjectId(), name, ids,
                        Collections.nCopies(ids.size(), false), true, true, true);
                List<io.weftdb.engine.catalog.ColumnDef> columns = new ArrayList<>();
                for (io.weftdb.engine.catalog.ColumnDef column : table.columns()) {
                    columns.add(ids.contains(column.id()) ? column.withNotNull(true) : column);
                }
                List<IndexDef> indexes = new ArrayList<>();
                indexes.add(index);
                indexes.addAll(table.indexes().subList(1, table.indexes().size()));
                yield table.withColumns(columns, false).withIndexes(indexes, false);
            }
            case TableConstraint.Unique unique -> {
                List<Integer> ids = columnIds(table, unique.columns());
                IndexName name = unique.name() != null ? indexName(table, unique.name(), takenNames)
                        : new IndexName(uniqueRelationName(table.schemaId(), constraintBase(table.name(), unique.columns(), "key"),
                                takenNames), null);
                takenNames.add(name.name());
                IndexDef index = new IndexDef(context.environment().sequences().allocateObjectId(), name.name(), ids,
                        Collections.nCopies(ids.size(), false), true, false, true, name.localName());
                List<IndexDef> indexes = new ArrayList<>(table.indexes());
                indexes.add(index);
                yield table.withIndexes(indexes, table.hiddenRowId());
            }
            case TableConstraint.Check check -> {
                new ExpressionCompiler(TableScope.of(table, table.name()), ParameterTypes.none())
                        .compileCondition(check.condition(), "CHECK");
                List<String> columns = new ArrayList<>();
                for (io.weftdb.engine.catalog.ColumnDef column : table.columns()) {
                    if (ExprTrees.referencesColumn(check.condition(), column.name())) {
                        columns.add(column.name());
                    }
                }
                String name = check.name() != null ? check.name()
                        : uniqueConstraintName(table, constraintBase(table.name(), columns.size() == 1 ? columns : List.of(), "check"), takenNames);
                takenNames.add(name);
                List<CheckDef> checks = new ArrayList<>(table.checks());
                checks.add(new CheckDef(name, check.condition(), check.sql()));
                yield table.withChecks(checks);
            }
            case TableConstraint.ForeignKey foreignKey -> {
                TableDef parent = foreignKey.referencedTable().name().equals(table.name()) && foreignKey.referencedTable().size() == 1
                        ? table : context.currentNames().table(foreignKey.referencedTable(), 0);
                List<Integer> childIds = columnIds(table, foreignKey.columns());
                List<Integer> parentIds = foreignKey.referencedColumns().isEmpty()
                        ? primaryKeyIds(parent) : columnIds(parent, foreignKey.referencedColumns());
                if (childIds.size() != parentIds.size()) {
                    throw new SqlException(ErrorCode.INVALID_FOREIGN_KEY,
                            "number of referencing and referenced columns for foreign key disagree");
                }
                if (!hasUniqueIndexOn(parent, parentIds)) {
                    throw new SqlException(ErrorCode.INVALID_FOREIGN_KEY, "there is no unique constraint matching given keys"
                            + " for referenced table \"" + parent.name() + "\"");
                }
                for (int i = 0; i < childIds.size(); i++) {
                    var childType = table.column(childIds.get(i)).type().kind();
                    var parentType = parent.column(parentIds.get(i)).type().kind();
                    boolean compatible = childType == parentType || (childType.isInteger() && parentType.isInteger())
                            || (childType.isString() && parentType.isString());
                    if (!compatible) {
                        throw new SqlException(ErrorCode.DATATYPE_MISMATCH, "foreign key constraint cannot be implemented", 0,
                                "Key columns are of incompatible types.", null, null);
                    }
                }
                String name = foreignKey.name() != null ? foreignKey.name()
                        : uniqueConstraintName(table, constraintBase(table.name(), foreignKey.columns(), "fkey"), takenNames);
                takenNames.add(name);
                List<ForeignKeyDef> foreignKeys = new ArrayList<>(table.foreignKeys());
                foreignKeys.add(new ForeignKeyDef(name, childIds, parent.id(), parentIds,
                        orDefault(foreignKey.onDelete()), orDefault(foreignKey.onUpdate())));
                yield table.withForeignKeys(foreignKeys);
            }
        };
    }

    private static ReferentialAction orDefault(ReferentialAction action) {
        return action == null ? ReferentialAction.NO_ACTION : action;
    }

    private String uniqueConstraintName(TableDef table, String base, List<String> taken) {
        String candidate = truncate(base, "");
        for (int suffix = 1; constraintNameUsed(table, candidate) || taken.contains(candidate); suffix++) {
            candidate = truncate(base, Integer.toString(suffix));
        }
        return candidate;
    }

    private static boolean constraintNameUsed(TableDef table, String name) {
        return table.checks().stream().anyMatch(c -> c.name().equals(name))
                || table.foreignKeys().stream().anyMatch(f -> f.name().equals(name))
                || table.indexes().stream().anyMatch(i -> name.equals(i.name()));
    }

    static List<Integer> primaryKeyIds(TableDef table) {
        if (table.hiddenRowId()) {
            throw new SqlException(ErrorCode.INVALID_FOREIGN_KEY, "there is no primary key for referenced table \""
                    + table.name() + "\"");
        }
        return table.primaryIndex().columnIds();
    }

    private static boolean hasUniqueIndexOn(TableDef table, List<Integer> columnIds) {
        for (IndexDef index : table.indexes()) {
            if (index.unique() && index.columnIds().size() == columnIds.size() && index.columnIds().containsAll(columnIds)) {
                return true;
            }
        }
        return false;
    }
}
