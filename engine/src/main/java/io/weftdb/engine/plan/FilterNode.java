package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.Scope;
import java.util.List;

/**
 * Passes on the rows for which the condition is true (not false, not NULL). Over a table scan,
 * given the columns the condition reads ({@code scanColumns}), the scan evaluates it itself after
 * decoding just those columns.
 */
public record FilterNode(PlanNode input, BoundExpr condition, String conditionText, boolean[] scanColumns)
        implements PlanNode {
    public FilterNode(PlanNode input, BoundExpr condition, String conditionText) {
        this(input, condition, conditionText, null);
    }

    @Override
    public Scope output() {
        return input.output();
    }

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        // EXPLAIN ANALYZE counts the scan's own rows, so it keeps the two nodes apart.
        if (scanColumns != null && input instanceof TableScanNode scan && environment.observer() == null) {
            return scan.openFiltered(environment, condition, scanColumns);
        }
        RowSource source = input.run(environment);
        return new RowSource() {
            @Override
            public boolean next() {
                while (source.next()) {
                    if (Boolean.TRUE.equals(condition.evaluate(source.row(), environment.context()))) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public Object[] row() {
                return source.row();
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    @Override
    public String describe() {
        return "Filter: " + conditionText;
    }

    @Override
    public List<PlanNode> children() {
        return List.of(input);
    }
}
