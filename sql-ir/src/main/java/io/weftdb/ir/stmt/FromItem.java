package io.weftdb.ir.stmt;

import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.expr.Expr;
import java.util.List;

/** An entry of a FROM clause. */
public sealed interface FromItem {

    record TableRef(QualifiedName name, String alias, List<String> columnAliases, int position) implements FromItem {
        public TableRef {
            columnAliases = List.copyOf(columnAliases);
        }
    }

    record DerivedTable(Query query, String alias, List<String> columnAliases, boolean lateral, int position)
            implements FromItem {
        public DerivedTable {
            columnAliases = List.copyOf(columnAliases);
        }
    }

    /** A set-returning function in FROM, e.g. {@code generate_series(1, 10) AS g(n)}. */
    record FunctionTable(Expr.FunctionCall call, String alias, List<String> columnAliases, boolean lateral,
                         int position) implements FromItem {
        public FunctionTable {
            columnAliases = List.copyOf(columnAliases);
        }
    }

    /** A join. {@code condition} for ON; {@code using} for USING; both empty for CROSS or NATURAL. */
    record Join(JoinType type, FromItem left, FromItem right, Expr condition, List<String> using, boolean natural)
            implements FromItem {
        public Join {
            using = List.copyOf(using);
        }
    }

    enum JoinType { INNER, LEFT, RIGHT, FULL, CROSS }
}
