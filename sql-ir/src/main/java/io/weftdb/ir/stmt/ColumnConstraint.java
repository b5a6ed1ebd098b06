package io.weftdb.ir.stmt;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.expr.Expr;
import java.util.List;

/** A constraint written on a column definition; {@code name} is null when not named. */
public sealed interface ColumnConstraint {
    String name();

    record NotNull(String name) implements ColumnConstraint {}

    record Null(String name) implements ColumnConstraint {}

    record PrimaryKey(String name) implements ColumnConstraint {}

    record Unique(String name) implements ColumnConstraint {}

    record Check(String name, Expr condition, String sql) implements ColumnConstraint {}

    record References(String name, QualifiedName table, List<String> columns, ReferentialAction onDelete,
                      ReferentialAction onUpdate) implements ColumnConstraint {
        public References {
            columns = List.copyOf(columns);
        }
    }
}
