package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.Scope;
import io.weftdb.ir.stmt.Query;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UNION, INTERSECT and EXCEPT, with or without ALL, over inputs already converted to the same
 * column types. UNION ALL streams both inputs; UNION streams too, dropping rows seen before; the
 * others read the right input into a multiset of rows first, then stream the left against it.
 * Rows compare as DISTINCT does: NULLs equal each other.
 */
public record SetOperationNode(Query.SetOperator operator, boolean all, PlanNode left, PlanNode right, Scope output)
        implements PlanNode {

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        return switch (operator) {
            case UNION -> union(environment);
            case INTERSECT, EXCEPT -> againstRight(environment);
        };
    }

    private RowSource union(ExecutionEnvironment environment) {
        Set<RowKey> seen = all ? null : new HashSet<>();
        return new RowSource() {
            private RowSource current = left.run(environment);
            private boolean onRight;

            @Override
            public boolean next() {
                while (true) {
                    if (current.next()) {
                        if (seen == null || seen.add(new RowKey(current.row().clone()))) {
                            return true;
                        }
                        continue;
                    }
                    if (onRight) {
                        return false;
                    }
                    current.close();
                    current = right.run(environment);
                    onRight = true;
                }
            }

            @Override
            public Object[] row() {
                return current.row();
            }

            @Override
            public void close() {
                current.close();
            }
        };
    }

    /**
     * INTERSECT [ALL] and EXCEPT [ALL]: a left row with m copies on the left and n on the right
     * comes out min(m, n) times (INTERSECT ALL), max(m - n, 0) times (EXCEPT ALL), or once when the
     * set operation's condition holds (without ALL).
     */
    private RowSource againstRight(ExecutionEnvironment environment) {
        Map<RowKey, int[]> rightCounts = new HashMap<>();
        try (RowSource rows = right.run(environment)) {
            while (rows.next()) {
                environment.checkCancelled();
                rightCounts.computeIfAbsent(new RowKey(rows.row().clone()), key -> new int[1])[0]++;
            }
        }
        boolean intersect = operator == Query.SetOperator.INTERSECT;
        Set<RowKey> emitted = all ? null : new HashSet<>();
        RowSource leftRows = left.run(environment);
        return new RowSource() {
            @Override
            public boolean next() {
                while (leftRows.next()) {
                    RowKey key = new RowKey(leftRows.row().clone());
                    int[] count = rightCounts.get(key);
                    boolean onRight = count != null && count[0] > 0;
                    if (all) {
                        if (onRight) {
                            count[0]--;
                        }
                        if (onRight == intersect) {
                            return true;
                        }
                    } else if (onRight == intersect && emitted.add(key)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public Object[] row() {
                return leftRows.row();
            }

            @Override
            public void close() {
                leftRows.close();
            }
        };
    }

    @Override
    public String describe() {
        String name = switch (operator) {
            case UNION -> all ? "Append" : "Union";
            case INTERSECT -> all ? "Intersect All" : "Intersect";
            case EXCEPT -> all ? "Except All" : "Except";
        };
        return name;
    }

    @Override
    public List<PlanNode> children() {
        return List.of(left, right);
    }
}
