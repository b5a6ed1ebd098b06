package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.value.ValueOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * An inner equi-join of two inputs that both arrive in ascending order of their join key columns
 * (tables read in the order of an index that starts with them): the two streams advance side by
 * side and only the rows of one key value on the right are held, so neither input is hashed or
 * held whole. A NULL key matches nothing. {@code residual} is the rest of the condition.
 *
 * @param leftKeys the key columns' positions in left rows; {@code rightKeys} in right rows, pairwise
 */
public record MergeJoinNode(PlanNode left, PlanNode right, int[] leftKeys, int[] rightKeys, BoundExpr residual,
                            Scope output) implements PlanNode {

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        RowSource leftRows = left.run(environment);
        RowSource rightRows = right.run(environment);
        return new RowSource() {
            private boolean started;
            /** The current row of each input; null once it is exhausted. */
            private Object[] leftRow;
            private Object[] rightRow;
            /** The right rows of the key the current left row has, while it is paired with them. */
            private final List<Object[]> run = new ArrayList<>();
            private int runIndex;
            private Object[] row;
            private int sinceCancelCheck;

            @Override
            public boolean next() {
                if (!started) {
                    started = true;
                    leftRow = advance(leftRows);
                    rightRow = advance(rightRows);
                }
                while (true) {
                    if (++sinceCancelCheck == 1024) {
                        sinceCancelCheck = 0;
                        environment.checkCancelled();
                    }
                    if (!run.isEmpty()) {
                        while (runIndex < run.size()) {
                            Object[] candidate = join(leftRow, run.get(runIndex++));
                            if (residual == null
                                    || Boolean.TRUE.equals(residual.evaluate(candidate, environment.context()))) {
                                row = candidate;
                                return true;
                            }
                        }
                        // The next left row of the same key pairs with the same right rows.
                        leftRow = advance(leftRows);
                        if (leftRow != null && !hasNull(leftRow, leftKeys)
                                && compare(leftRow, leftKeys, run.get(0), rightKeys) == 0) {
                            runIndex = 0;
                        } else {
                            run.clear();
                        }
                        continue;
                    }
                    if (leftRow == null || rightRow == null) {
                        return false;
                    }
                    if (hasNull(leftRow, leftKeys)) {
                        leftRow = advance(leftRows);
                    } else if (hasNull(rightRow, rightKeys)) {
                        rightRow = advance(rightRows);
                    } else {
                        int order = compare(leftRow, leftKeys, rightRow, rightKeys);
                        if (order < 0) {
                            leftRow = advance(leftRows);
                        } else if (order > 0) {
                            rightRow = advance(rightRows);
                        } else {
                            Object[] first = rightRow;
                            while (rightRow != null && compare(first, rightKeys, rightRow, rightKeys) == 0) {
                                run.add(rightRow);
                                rightRow = advance(rightRows);
                            }
                            runIndex = 0;
                        }
                    }
                }
            }

            private Object[] advance(RowSource rows) {
                return rows.next() ? rows.row().clone() : null;
            }

            private Object[] join(Object[] leftValues, Object[] rightValues) {
                Object[] joined = new Object[leftValues.length + rightValues.length];
                System.arraycopy(leftValues, 0, joined, 0, leftValues.length);
                System.arraycopy(rightValues, 0, joined, leftValues.length, rightValues.length);
                return joined;
            }

            @Override
            public Object[] row() {
                return row;
            }

            @Override
            public void close() {
                try {
                    leftRows.close();
                } finally {
                    rightRows.close();
                }
            }
        };
    }

    private static boolean hasNull(Object[] row, int[] positions) {
        for (int position : positions) {
            if (row[position] == null) {
                return true;
            }
        }
        return false;
    }

    /** The two rows' keys in the inputs' common order (neither holds a NULL key). */
    private static int compare(Object[] a, int[] aKeys, Object[] b, int[] bKeys) {
        for (int i = 0; i < aKeys.length; i++) {
            int order = ValueOrder.compare(a[aKeys[i]], b[bKeys[i]]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    @Override
    public String describe() {
        return "Merge Join (" + leftKeys.length + (leftKeys.length == 1 ? " key)" : " keys)");
    }

    @Override
    public List<PlanNode> children() {
        return List.of(left, right);
    }
}
