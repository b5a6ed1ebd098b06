package io.weftdb.ir.stmt;

import io.weftdb.ir.QualifiedName;
import java.util.List;
import java.util.Map;

/**
 * {@code COPY table [(columns)] FROM|TO STDIN|STDOUT|'file' [WITH (options)]} or
 * {@code COPY (query) TO ...}. Options keep their names lower-cased; values as written (null for a
 * bare flag such as HEADER). {@code load} carries what MySQL's LOAD DATA adds to a COPY FROM (null
 * for a plain COPY).
 */
public record Copy(QualifiedName table, List<String> columns, Query query, Direction direction, String fileName,
                   Map<String, String> options, Load load) implements Statement {
    public Copy {
        columns = List.copyOf(columns);
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        if (load != null && !columns.isEmpty()) {
            throw new IllegalArgumentException("a LOAD DATA mapping names its fields itself");
        }
    }

    public Copy(QualifiedName table, List<String> columns, Query query, Direction direction, String fileName,
                Map<String, String> options) {
        this(table, columns, query, direction, fileName, options, null);
    }

    public enum Direction { FROM, TO }

    /**
     * LOAD DATA's row mapping and duplicate handling: each field of a line goes to a column or to an
     * input variable ({@code (a, @skip, @raw)}); the {@code SET} assignments, computed per line, may
     * read the columns already given and the variables, which expressions name as columns of the
     * relation {@link #VARIABLES}. An empty field list means every column in table order.
     */
    public record Load(List<Field> fields, List<DataChange.Assignment> assignments, Duplicates duplicates) {
        /** The relation an expression names an input variable by: {@code @v} is the column {@code "@".v}. */
        public static final String VARIABLES = "@";

        public Load {
            fields = List.copyOf(fields);
            assignments = List.copyOf(assignments);
        }
    }

    /** Where one field of a LOAD DATA line goes. */
    public sealed interface Field {
        String name();

        record Column(String name) implements Field {}

        record Variable(String name) implements Field {}
    }

    /**
     * What a line whose primary or unique key is taken does: fail the load, be skipped (with a
     * warning) or replace the rows it conflicts with.
     */
    public enum Duplicates { ERROR, IGNORE, REPLACE }
}
