package io.weftdb.engine.dml;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.ExpressionCompiler;
import io.weftdb.engine.plan.SortNode;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.expr.SortItem;
import io.weftdb.ir.type.DataType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MySQL's {@code UPDATE/DELETE ... [ORDER BY ...] LIMIT n}: how many target rows to act on, and
 * in which order to take them (over the target table's row). Without a LIMIT every row qualifies.
 */
record RowLimit(List<BoundExpr> sortExpressions, Comparator<Object[]> order, long rows) {

    static RowLimit of(List<SortItem> orderBy, Expr limit, ExpressionCompiler compiler, ExecutionEnvironment environment) {
        long rows = Long.MAX_VALUE;
        if (limit != null) {
            BoundExpr bound = compiler.compileAssigned(limit, DataType.BIGINT, "LIMIT");
            Object value = bound.evaluate(null, environment.context());
            if (value != null && (Long) value < 0) {
                throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, "LIMIT must not be negative");
            }
            rows = value == null ? Long.MAX_VALUE : (Long) value;
        }
        List<BoundExpr> expressions = new ArrayList<>();
        List<SortNode.SortKey> keys = new ArrayList<>();
        for (SortItem item : orderBy) {
            keys.add(new SortNode.SortKey(expressions.size(), item.descending(), item.effectiveNullsFirst()));
            expressions.add(compiler.compile(item.expression()));
        }
        return new RowLimit(expressions, SortNode.ordering(keys), rows);
    }

    boolean ordered() {
        return !sortExpressions.isEmpty();
    }

    Object[] sortValues(Object[] row, EvaluationContext context) {
        Object[] values = new Object[sortExpressions.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = sortExpressions.get(i).evaluate(row, context);
        }
        return values;
    }
}
