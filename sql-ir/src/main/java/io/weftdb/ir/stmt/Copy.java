package io.weftdb.ir.stmt;

import io.weftdb.ir.QualifiedName;
import java.util.List;
import java.util.Map;

/**
 * {@code COPY table [(columns)] FROM|TO STDIN|STDOUT|'file' [WITH (options)]} or
 * {@code COPY (query) TO ...}. Options keep their names lower-cased; values as written (null for a
 * bare flag such as HEADER).
 */
public record Copy(QualifiedName table, List<String> columns, Query query, Direction direction, String fileName,
                   Map<String, String> options) implements Statement {
    public Copy {
        columns = List.copyOf(columns);
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }

    public enum Direction { FROM, TO }
}
