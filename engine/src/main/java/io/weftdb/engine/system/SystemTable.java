package io.weftdb.engine.system;

import io.weftdb.ir.type.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One relation of pg_catalog or information_schema: its name, PostgreSQL's columns and a generator
 * that computes its rows from the statement's catalog and session. Nothing is stored: every scan
 * sees the catalog of the transaction it runs in.
 * Its pg_class oid is PostgreSQL's (fixed for catalogs, the usual one for views); {@code view}
 * says whether PostgreSQL defines it as a view (relkind 'v') rather than a catalog table ('r').
 */
public final class SystemTable {
    /**
     * A column with its PostgreSQL name, the engine type its values have and the pg_type oid
     * PostgreSQL declares it with (oid, name, "char"... where the engine type is bigint or text).
     */
    public record Column(String name, DataType type, long typeOid) {}

    /** Computes the rows: each an array in column order, made with {@link #row()}. */
    @FunctionalInterface
    public interface Generator {
        void generate(SystemTable table, SystemContext context, List<Object[]> out);
    }

    private final String schema;
    private final String name;
    private final long oid;
    private final boolean view;
    private final List<Column> columns;
    private final Generator generator;
    private final Map<String, Integer> positions = new HashMap<>();

    public SystemTable(String schema, String name, long oid, boolean view, List<Column> columns, Generator generator) {
        this.schema = schema;
        this.name = name;
        this.oid = oid;
        this.view = view;
        this.columns = List.copyOf(columns);
        this.generator = generator;
        for (int i = 0; i < this.columns.size(); i++) {
            positions.put(this.columns.get(i).name(), i);
        }
    }

    public String schema() {
        return schema;
    }

    public String name() {
        return name;
    }

    public long oid() {
        return oid;
    }

    public boolean view() {
        return view;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The relation PostgreSQL defines as {@code schema.name}, with its columns and oid, computed by {@code generator}. */
    public static SystemTable of(String schema, String name, Generator generator) {
        CatalogColumns.Definition definition = CatalogColumns.of(schema, name);
        List<Column> parsed = new ArrayList<>();
        for (String column : definition.columns().split(",")) {
            String trimmed = column.strip();
            int space = trimmed.indexOf(' ');
            String type = trimmed.substring(space + 1);
            parsed.add(new Column(trimmed.substring(0, space), SystemTypes.columnType(type), SystemTypes.columnTypeOid(type)));
        }
        return new SystemTable(schema, name, definition.oid(), definition.view(), parsed, generator);
    }

    /** A relation that is empty here because WeftDB has no such objects (see the registry for why each is). */
    public static SystemTable empty(String schema, String name) {
        return of(schema, name, (table, context, out) -> { });
    }

    public List<Object[]> rows(SystemContext context) {
        List<Object[]> out = new ArrayList<>();
        generator.generate(this, context, out);
        return out;
    }

    /** A new all-NULL row to fill by column name. */
    public Row row() {
        return new Row(this);
    }

    /** A row being built; unknown column names fail at once, so a typo cannot silently leave a column NULL. */
    public static final class Row {
        private final SystemTable table;
        private final Object[] values;

        private Row(SystemTable table) {
            this.table = table;
            this.values = new Object[table.columns.size()];
        }

        public Row set(String column, Object value) {
            values[table.position(column)] = value;
            return this;
        }

        public Object[] values() {
            return values;
        }
    }

    private int position(String column) {
        Integer position = positions.get(column);
        if (position == null) {
            throw new IllegalArgumentException(schema + "." + name + " has no column " + column);
        }
        return position;
    }
}
