package io.weftdb.engine.system;

import io.weftdb.engine.catalog.ForeignKeyDef;
import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.ir.stmt.ReferentialAction;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL text PostgreSQL's pg_get_indexdef and pg_get_constraintdef produce, rebuilt from the
 * catalog. CHECK conditions and defaults are shown as they were written (the catalog keeps their
 * source text), where PostgreSQL prints its own deparsed form.
 */
public final class Definitions {
    private Definitions() {
    }

    /** {@code CREATE [UNIQUE] INDEX name ON schema.table USING btree (columns)}. */
    public static String indexDefinition(SystemContext context, TableDef table, IndexDef index) {
        StringBuilder text = new StringBuilder("CREATE ");
        if (index.unique()) {
            text.append("UNIQUE ");
        }
        text.append("INDEX ").append(identifier(index.name())).append(" ON ")
                .append(identifier(context.namespaceName(table.schemaId()))).append('.').append(identifier(table.name()))
                .append(" USING btree (");
        for (int i = 0; i < index.columnIds().size(); i++) {
            text.append(i > 0 ? ", " : "").append(identifier(columnName(table, index.columnIds().get(i))));
            if (index.descending().get(i)) {
                text.append(" DESC");
            }
        }
        return text.append(')').toString();
    }

    /** The index's column (attnum 1-based) {@code column}, as pg_get_indexdef(oid, column, pretty) returns it. */
    public static String indexColumn(TableDef table, IndexDef index, int column) {
        if (column < 1 || column > index.columnIds().size()) {
            return "";
        }
        return identifier(columnName(table, index.columnIds().get(column - 1)));
    }

    public static String constraintDefinition(SystemContext context, SystemContext.Constraint constraint) {
        TableDef table = constraint.table();
        return switch (constraint.type()) {
            case "p" -> "PRIMARY KEY (" + columnList(table, constraint.index().columnIds()) + ")";
            case "u" -> "UNIQUE (" + columnList(table, constraint.index().columnIds()) + ")";
            case "f" -> foreignKeyDefinition(context, table, constraint.foreignKey());
            default -> "CHECK (" + constraint.check().sql() + ")";
        };
    }

    private static String foreignKeyDefinition(SystemContext context, TableDef table, ForeignKeyDef key) {
        TableDef referenced = context.catalog().table(key.referencedTableId());
        StringBuilder text = new StringBuilder("FOREIGN KEY (").append(columnList(table, key.columnIds()))
                .append(") REFERENCES ");
        if (referenced == null) {
            return text.append("?").toString();
        }
        if (!Visibility.isVisible(context, referenced.schemaId(), referenced.name())) {
            text.append(identifier(context.namespaceName(referenced.schemaId()))).append('.');
        }
        text.append(identifier(referenced.name())).append('(').append(columnList(referenced, key.referencedColumnIds()))
                .append(')');
        if (key.onUpdate() != ReferentialAction.NO_ACTION) {
            text.append(" ON UPDATE ").append(actionSql(key.onUpdate()));
        }
        if (key.onDelete() != ReferentialAction.NO_ACTION) {
            text.append(" ON DELETE ").append(actionSql(key.onDelete()));
        }
        return text.toString();
    }

    /** A referential action as SQL writes it (SET NULL). */
    public static String actionSql(ReferentialAction action) {
        return switch (action) {
            case NO_ACTION -> "NO ACTION";
            case RESTRICT -> "RESTRICT";
            case CASCADE -> "CASCADE";
            case SET_NULL -> "SET NULL";
            case SET_DEFAULT -> "SET DEFAULT";
        };
    }

    /** A referential action as pg_constraint's confupdtype/confdeltype letter. */
    public static String actionLetter(ReferentialAction action) {
        return switch (action) {
            case NO_ACTION -> "a";
            case RESTRICT -> "r";
            case CASCADE -> "c";
            case SET_NULL -> "n";
            case SET_DEFAULT -> "d";
        };
    }

    private static String columnList(TableDef table, List<Integer> columnIds) {
        List<String> names = new ArrayList<>();
        for (int id : columnIds) {
            names.add(identifier(columnName(table, id)));
        }
        return String.join(", ", names);
    }

    private static String columnName(TableDef table, int columnId) {
        var column = table.column(columnId);
        return column == null ? "?" : column.name();
    }

    /** An identifier quoted as PostgreSQL's quote_ident does for names that are not plain lower-case words. */
    public static String identifier(String name) {
        boolean plain = !name.isEmpty() && (Character.isLowerCase(name.charAt(0)) || name.charAt(0) == '_');
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
        }
        return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
