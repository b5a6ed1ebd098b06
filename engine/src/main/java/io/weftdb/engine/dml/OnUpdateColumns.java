package io.weftdb.engine.dml;

import io.weftdb.engine.catalog.ColumnDef;
import io.weftdb.engine.catalog.TableDef;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.expr.ParameterTypes;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.value.ValueOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * MySQL's {@code ON UPDATE CURRENT_TIMESTAMP}: when an UPDATE (or ON DUPLICATE KEY UPDATE) changes
 * a row, the columns that have an ON UPDATE value and that the statement does not assign take it.
 * An update that leaves every value as it was changes nothing, these columns included.
 */
final class OnUpdateColumns {
    private final int[] positions;
    private final BoundExpr[] values;

    private OnUpdateColumns(int[] positions, BoundExpr[] values) {
        this.positions = positions;
        this.values = values;
    }

    /** The ON UPDATE columns of {@code table} not among {@code assigned} (table positions). */
    static OnUpdateColumns of(TableDef table, int[] assigned) {
        List<Integer> positions = new ArrayList<>();
        List<BoundExpr> values = new ArrayList<>();
        ExpressionCompiler compiler = new ExpressionCompiler(Scope.EMPTY, ParameterTypes.none());
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnDef column = table.columns().get(i);
            if (column.onUpdate() != null && !contains(assigned, i)) {
                positions.add(i);
                values.add(compiler.compileAssigned(column.onUpdate(), column.type(), column.name()));
            }
        }
        return new OnUpdateColumns(positions.stream().mapToInt(Integer::intValue).toArray(), values.toArray(BoundExpr[]::new));
    }

    /** Sets the ON UPDATE columns of {@code updated} when it differs from {@code old}. */
    void apply(Object[] old, Object[] updated, EvaluationContext context) {
        if (positions.length == 0 || sameValues(old, updated)) {
            return;
        }
        for (int i = 0; i < positions.length; i++) {
            updated[positions[i]] = values[i].evaluate(null, context);
        }
    }

    static boolean sameValues(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null || b[i] == null ? a[i] != b[i] : !ValueOrder.equal(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(int[] values, int value) {
        for (int candidate : values) {
            if (candidate == value) {
                return true;
            }
        }
        return false;
    }
}
