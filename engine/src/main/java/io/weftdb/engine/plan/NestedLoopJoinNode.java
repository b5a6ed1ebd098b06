package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.Scope;
import io.weftdb.ir.stmt.FromItem.JoinType;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins by testing the condition on every pair of rows; the right input is read once into memory.
 * The fallback for conditions that are no equality ({@link HashJoinNode} takes those) and for
 * cross joins. LEFT and FULL keep unmatched left rows; RIGHT and FULL emit unmatched right rows
 * at the end.
 *
 * @param condition null for a cross join
 */
public record NestedLoopJoinNode(PlanNode left, PlanNode right, BoundExpr condition, JoinType type, Scope output)
        implements PlanNode {

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        List<Object[]> rightRows = new ArrayList<>();
        try (RowSource source = right.run(environment)) {
            while (source.next()) {
                rightRows.add(source.row().clone());
            }
        }
        boolean keepLeft = type == JoinType.LEFT || type == JoinType.FULL;
        boolean keepRight = type == JoinType.RIGHT || type == JoinType.FULL;
        boolean[] rightMatched = keepRight ? new boolean[rightRows.size()] : null;
        EvaluationContext context = environment.context();
        JoinRows joinRows = new JoinRows(left.output().columns().size(), right.output().columns().size());
        RowSource leftSource = left.run(environment);
        return new RowSource() {
            private Object[] leftRow;
            private int index;
            private boolean matched;
            private int unmatchedRight = -1;
            private Object[] row;

            @Override
            public boolean next() {
                if (unmatchedRight >= 0) {
                    return nextUnmatchedRight();
                }
                while (true) {
                    if (leftRow == null) {
                        if (!leftSource.next()) {
                            if (!keepRight) {
                                return false;
                            }
                            unmatchedRight = 0;
                            return nextUnmatchedRight();
                        }
                        leftRow = leftSource.row();
                        index = 0;
                        matched = false;
                        environment.checkCancelled();
                    }
                    while (index < rightRows.size()) {
                        int position = index++;
                        Object[] candidate = joinRows.combine(leftRow, rightRows.get(position));
                        if (condition == null || Boolean.TRUE.equals(condition.evaluate(candidate, context))) {
                            matched = true;
                            if (rightMatched != null) {
                                rightMatched[position] = true;
                            }
                            row = candidate;
                            return true;
                        }
                    }
                    Object[] unmatched = leftRow;
                    leftRow = null;
                    if (keepLeft && !matched) {
                        row = joinRows.combine(unmatched, null);
                        return true;
                    }
                }
            }

            private boolean nextUnmatchedRight() {
                while (unmatchedRight < rightRows.size()) {
                    int position = unmatchedRight++;
                    if (!rightMatched[position]) {
                        row = joinRows.combine(null, rightRows.get(position));
                        return true;
                    }
                }
                return false;
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
        return "Nested Loop" + switch (type) {
            case LEFT -> " Left Join";
            case RIGHT -> " Right Join";
            case FULL -> " Full Join";
            default -> "";
        };
    }

    @Override
    public List<PlanNode> children() {
        return List.of(left, right);
    }
}
