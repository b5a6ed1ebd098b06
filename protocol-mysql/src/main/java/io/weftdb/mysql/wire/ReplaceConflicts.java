package io.weftdb.mysql.wire;

import io.weftdb.engine.catalog.IndexDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.ir.QualifiedName;
import io.weftdb.ir.expr.BinaryOperator;
import io.weftdb.ir.expr.Expr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a REPLACE row conflicts with: those holding the same values in any unique key (primary
 * key included) whose columns the row names. A key the row leaves to defaults (or sets to DEFAULT)
 * is not compared: an AUTO_INCREMENT value drawn for the row is new.
 */
final class ReplaceConflicts {
    private ReplaceConflicts() {
    }

    /** {@code key1 = v1 AND ... OR key2 = ...} over the row's values, or null when no unique key is named. */
    static Expr condition(TableDef table, List<String> columns, List<Expr> row) {
        Map<String, Expr> values = new HashMap<>();
        for (int i = 0; i < Math.min(columns.size(), row.size()); i++) {
            if (!(row.get(i) instanceof Expr.DefaultValue)) {
                values.put(columns.get(i), row.get(i));
            }
        }
        Expr any = null;
        for (IndexDef index : table.indexes()) {
            if ((!index.unique() && !index.primary()) || (index.primary() && table.hiddenRowId())) {
                continue;
            }
            Expr all = null;
            for (int columnId : index.columnIds()) {
                String column = table.column(columnId).name();
                Expr value = values.get(column);
                if (value == null) {
                    all = null;
                    break;
                }
                Expr equal = new Expr.Binary(BinaryOperator.EQUAL, new Expr.ColumnRef(QualifiedName.of(column), 0), value, 0);
                all = all == null ? equal : new Expr.Binary(BinaryOperator.AND, all, equal, 0);
            }
            if (all != null) {
                any = any == null ? all : new Expr.Binary(BinaryOperator.OR, any, all, 0);
            }
        }
        return any;
    }
}
