package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins by testing the condition on every pair of rows; the right input is read once into memory.
 * The general fallback for any condition; equi-joins deserve hash or merge joins.
 *
 * @param condition null for a cross join
 * @param leftOuter whether left rows without a match are kept, padded with NULLs
 */
public record NestedLoopJoinNode(PlanNode left, PlanNode right, BoundExpr condition, boolean leftOuter, Scope output)
        implements PlanNode {

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        List<Object[]> rightRows = new ArrayList<>();
        try (RowSource source = right.open(environment)) {
            while (source.next()) {
                rightRows.add(source.row());
            }
        }
        RowSource leftSource = left.open(environment);
        int leftWidth = left.output().columns().size();
        int rightWidth = right.output().columns().size();
        return new RowSource() {
            private Object[] leftRow;
            private int index;
            private boolean matched;
            private Object[] row;

            @Override
            public boolean next() {
                while (true) {
                    if (leftRow == null) {
                        if (!leftSource.next()) {
                            return false;
                        }
                        leftRow = leftSource.row();
                        index = 0;
                        matched = false;
                    }
                    while (index < rightRows.size()) {
                        Object[] candidate = combine(leftRow, rightRows.get(index++));
                        if (condition == null || Boolean.TRUE.equals(condition.evaluate(candidate, environment.context()))) {
                            matched = true;
                            row = candidate;
                            return true;
                        }
                    }
                    Object[] unmatched = leftRow;
                    leftRow = null;
                    if (leftOuter && !matched) {
                        row = combine(unmatched, new Object[rightWidth]);
                        return true;
                    }
                }
            }

            private Object[] combine(Object[] a, Object[] b) {
                Object[] combined = new Object[leftWidth + rightWidth];
                System.arraycopy(a, 0, combined, 0, leftWidth);
                System.arraycopy(b, 0, combined, leftWidth, rightWidth);
                return combined;
            }

            @Override
            public Object[] row() {
                return row;
            }

            @Override
            public void close() {
                leftSource.close();
            }
        };
    }

    @Override
    public String describe() {
        return "Nested Loop" + (leftOuter ? " Left Join" : "");
    }

    @Override
    public List<PlanNode> children() {
        return List.of(left, right);
    }
}
