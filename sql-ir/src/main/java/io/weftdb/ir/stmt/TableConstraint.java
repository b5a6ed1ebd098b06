package io.weftdb.ir.stmt;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.expr.Expr;
import java.util.List;

/** A table-level constraint; {@code name} is null when not named (the engine generates one as PostgreSQL does). */
public sealed interface TableConstraint {
    String name();

    record PrimaryKey(String name, List<String> columns) implements TableConstraint {
        public PrimaryKey {
            columns = List.copyOf(columns);
        }
    }

    record Unique(String name, List<String> columns) implements TableConstraint {
        public Unique {
            columns = List.copyOf(columns);
        }
    }

    /** {@code sql} is the condition's source text, kept for catalog views and error messages. */
    record Check(String name, Expr condition, String sql) implements TableConstraint {}

    record ForeignKey(String name, List<String> columns, QualifiedName referencedTable, List<String> referencedColumns,
                      ReferentialAction onDelete, ReferentialAction onUpdate) implements TableConstraint {
        public ForeignKey {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }
    }
}
