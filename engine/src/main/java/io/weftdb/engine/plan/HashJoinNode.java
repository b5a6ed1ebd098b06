package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.Scope;
import io.weftdb.ir.stmt.FromItem.JoinType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An equi-join: reads the right input into a hash table on its join keys, then streams the left
 * input, looking each row's keys up. A NULL key matches nothing, as {@code =} never holds for it.
 * {@code residual} is the rest of the join condition, tested on each key match. LEFT and FULL keep
 * unmatched left rows; RIGHT and FULL emit the right rows no left row matched at the end.
 *
 * @param leftKeys evaluated on left rows; {@code rightKeys} on right rows; both already cast to
 *        the type each pair compares in
 */
public record HashJoinNode(PlanNode left, PlanNode right, List<BoundExpr> leftKeys, List<BoundExpr> rightKeys,
                           BoundExpr residual, JoinType type, Scope output) implements PlanNode {

    public HashJoinNode {
        leftKeys = List.copyOf(leftKeys);
        rightKeys = List.copyOf(rightKeys);
    }

    /** A right row in the hash table, with whether some left row matched it (for RIGHT/FULL). */
    private static final class Entry {
        final Object[] row;
        boolean matched;

        Entry(Object[] row) {
            this.row = row;
        }
    }

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        EvaluationContext context = environment.context();
        boolean keepRight = type == JoinType.RIGHT || type == JoinType.FULL;
        boolean keepLeft = type == JoinType.LEFT || type == JoinType.FULL;
        Map<RowKey, List<Entry>> table = new HashMap<>();
        List<Entry> unmatchable = new ArrayList<>();
        try (RowSource rows = right.run(environment)) {
            while (rows.next()) {
                environment.checkCancelled();
                Object[] row = rows.row().clone();
                Object[] key = keys(rightKeys, row, context);
                if (key == null) {
                    if (keepRight) {
                        unmatchable.add(new Entry(row));
                    }
                } else {
                    table.computeIfAbsent(new RowKey(key), k -> new ArrayList<>(1)).add(new Entry(row));
                }
            }
        }
        JoinRows joinRows = new JoinRows(left.output().columns().size(), right.output().columns().size());
        RowSource leftRows = left.run(environment);
        return new RowSource() {
            private Object[] leftRow;
            private List<Entry> candidates = List.of();
            private int index;
            private boolean matched;
            private Iterator<Entry> rightLeftovers;
            private Object[] row;

            @Override
            public boolean next() {
                if (rightLeftovers != null) {
                    return nextUnmatchedRight();
                }
                while (true) {
                    while (index < candidates.size()) {
                        Entry entry = candidates.get(index++);
                        Object[] combined = joinRows.combine(leftRow, entry.row);
                        if (residual == null || Boolean.TRUE.equals(residual.evaluate(combined, context))) {
                            matched = true;
                            entry.matched = true;
                            row = combined;
                            return true;
                        }
                    }
                    if (leftRow != null && keepLeft && !matched) {
                        row = joinRows.combine(leftRow, null);
                        leftRow = null;
                        return true;
                    }
                    if (!leftRows.next()) {
                        leftRow = null;
                        if (!keepRight) {
                            return false;
                        }
                        List<Entry> leftovers = new ArrayList<>(unmatchable);
                        table.values().forEach(leftovers::addAll);
                        rightLeftovers = leftovers.iterator();
                        return nextUnmatchedRight();
                    }
                    leftRow = leftRows.row();
                    Object[] key = keys(leftKeys, leftRow, context);
                    List<Entry> found = key == null ? null : table.get(new RowKey(key));
                    candidates = found == null ? List.of() : found;
                    index = 0;
                    matched = false;
                }
            }

            private boolean nextUnmatchedRight() {
                while (rightLeftovers.hasNext()) {
                    Entry entry = rightLeftovers.next();
                    if (!entry.matched) {
                        row = joinRows.combine(null, entry.row);
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
                leftRows.close();
            }
        };
    }

    /** The key values of {@code row}, or null when one is NULL (it can match nothing). */
    private static Object[] keys(List<BoundExpr> expressions, Object[] row, EvaluationContext context) {
        Object[] key = new Object[expressions.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = expressions.get(i).evaluate(row, context);
            if (key[i] == null) {
                return null;
            }
        }
        return key;
    }

    @Override
    public String describe() {
        return switch (type) {
            case LEFT -> "Hash Left Join";
            case RIGHT -> "Hash Right Join";
            case FULL -> "Hash Full Join";
            default -> "Hash Join";
        } + " (" + leftKeys.size() + (leftKeys.size() == 1 ? " key)" : " keys)");
    }

    @Override
    public List<PlanNode> children() {
        return List.of(left, right);
    }
}
