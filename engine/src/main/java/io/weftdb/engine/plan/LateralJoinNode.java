package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.Scope;
import io.weftdb.ir.stmt.FromItem.JoinType;
import java.util.List;

/**
 * A join whose right side reads the left row (LATERAL, or a function in FROM given a column of an
 * earlier item): the right plan runs again for each left row, which it sees as its outer row.
 * INNER or LEFT; {@code condition} (null for none) is tested on each combined row.
 */
public record LateralJoinNode(PlanNode left, PlanNode right, BoundExpr condition, JoinType type, Scope output)
        implements PlanNode {

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        EvaluationContext context = environment.context();
        JoinRows joinRows = new JoinRows(left.output().columns().size(), right.output().columns().size());
        RowSource leftRows = left.run(environment);
        boolean keepLeft = type == JoinType.LEFT;
        return new RowSource() {
            private Object[] leftRow;
            private RowSource rightRows;
            private boolean matched;
            private Object[] row;

            @Override
            public boolean next() {
                while (true) {
                    if (rightRows == null) {
                        if (!leftRows.next()) {
                            return false;
                        }
                        leftRow = leftRows.row().clone();
                        rightRows = right.run(environment.withOuterRow(leftRow));
                        matched = false;
                        environment.checkCancelled();
                    }
                    while (rightRows.next()) {
                        Object[] candidate = joinRows.combine(leftRow, rightRows.row());
                        if (condition == null || Boolean.TRUE.equals(condition.evaluate(candidate, context))) {
                            matched = true;
                            row = candidate;
                            return true;
                        }
                    }
                    rightRows.close();
                    rightRows = null;
                    if (keepLeft && !matched) {
                        row = joinRows.combine(leftRow, null);
                        return true;
                    }
                }
            }

            @Override
            public Object[] row() {
                return row;
            }

            @Override
            public void close() {
                if (rightRows != null) {
                    rightRows.close();
                }
                leftRows.close();
            }
        };
    }

    @Override
    public String describe() {
        return "Nested Loop" + (type == JoinType.LEFT ? " Left Join" : "") + " (lateral)";
    }

    @Override
    public List<PlanNode> children() {
        return List.of(left, right);
    }
}
