package io.weftdb.ir.stmt;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.expr.SortItem;
import java.util.List;

/** INSERT, UPDATE, DELETE. */
public sealed interface DataChange extends Statement {

    /**
     * {@code INSERT INTO table [(columns)] source [ON CONFLICT ...] [RETURNING ...]}. {@code source} is
     * null for {@code DEFAULT VALUES}.
     */
    record Insert(List<Query.With> with, QualifiedName table, String alias, List<String> columns, Query source,
                  OnConflict onConflict, List<Query.SelectItem> returning) implements DataChange {
        public Insert {
            with = List.copyOf(with);
            columns = List.copyOf(columns);
            returning = List.copyOf(returning);
        }
    }

    /** ON CONFLICT [(target columns)] DO NOTHING | DO UPDATE SET ... [WHERE ...]. */
    record OnConflict(List<String> targetColumns, String constraintName, boolean doNothing,
                      List<Assignment> assignments, Expr where) {
        public OnConflict {
            targetColumns = List.copyOf(targetColumns);
            assignments = List.copyOf(assignments);
        }
    }

    /** UPDATE; {@code orderBy} and {@code limit} (MySQL's) change only the first rows in that order. */
    record Update(List<Query.With> with, QualifiedName table, String alias, List<Assignment> assignments,
                  List<FromItem> from, Expr where, List<Query.SelectItem> returning, List<SortItem> orderBy, Expr limit)
            implements DataChange {
        public Update {
            with = List.copyOf(with);
            assignments = List.copyOf(assignments);
            from = List.copyOf(from);
            returning = List.copyOf(returning);
            orderBy = List.copyOf(orderBy);
        }

        public Update(List<Query.With> with, QualifiedName table, String alias, List<Assignment> assignments,
                      List<FromItem> from, Expr where, List<Query.SelectItem> returning) {
            this(with, table, alias, assignments, from, where, returning, List.of(), null);
        }
    }

    /** DELETE; {@code orderBy} and {@code limit} (MySQL's) delete only the first rows in that order. */
    record Delete(List<Query.With> with, QualifiedName table, String alias, List<FromItem> using, Expr where,
                  List<Query.SelectItem> returning, List<SortItem> orderBy, Expr limit) implements DataChange {
        public Delete {
            with = List.copyOf(with);
            using = List.copyOf(using);
            returning = List.copyOf(returning);
            orderBy = List.copyOf(orderBy);
        }

        public Delete(List<Query.With> with, QualifiedName table, String alias, List<FromItem> using, Expr where,
                      List<Query.SelectItem> returning) {
            this(with, table, alias, using, where, returning, List.of(), null);
        }
    }

    /** {@code column = value} in UPDATE SET or ON CONFLICT DO UPDATE SET. */
    record Assignment(String column, Expr value) {}
}
