package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.Scope;
import java.util.List;

/** Literal rows: a VALUES list, or the single empty row a FROM-less SELECT reads. */
public record ValuesNode(List<List<BoundExpr>> rows, Scope output) implements PlanNode {
    public ValuesNode {
        rows = rows.stream().map(List::copyOf).toList();
    }

    public static ValuesNode singleEmptyRow() {
        return new ValuesNode(List.of(List.of()), Scope.EMPTY);
    }

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        return new RowSource() {
            private int index = -1;
            private Object[] row;

            @Override
            public boolean next() {
                if (++index >= rows.size()) {
                    return false;
                }
                List<BoundExpr> expressions = rows.get(index);
                row = new Object[expressions.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = expressions.get(i).evaluate(null, environment.context());
                }
                return true;
            }

            @Override
            public Object[] row() {
                return row;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String describe() {
        return rows.size() == 1 && output.columns().isEmpty() ? "Result" : "Values Scan (" + rows.size() + " rows)";
    }

    @Override
    public List<PlanNode> children() {
        return List.of();
    }
}
