package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.ListRowSource;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.value.ValueOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorts its input by columns of the input row. Materialises the input in memory (sorting needs all
 * rows); spilling to disk past a memory budget belongs to the query-engine work.
 */
public record SortNode(PlanNode input, List<SortKey> keys, BoundExpr rowsWanted) implements PlanNode {
    /** Sort by input column {@code position}. */
    public record SortKey(int position, boolean descending, boolean nullsFirst) {}

    public SortNode {
        keys = List.copyOf(keys);
    }

    public SortNode(PlanNode input, List<SortKey> keys) {
        this(input, keys, null);
    }

    @Override
    public Scope output() {
        return input.output();
    }

    public Comparator<Object[]> comparator() {
        return ordering(keys);
    }

    /** The order {@code keys} put rows in: SQL's NULLS FIRST/LAST and ASC/DESC per key. */
    public static Comparator<Object[]> ordering(List<SortKey> keys) {
        return (a, b) -> {
            for (SortKey key : keys) {
                Object x = a[key.position()];
                Object y = b[key.position()];
                int order;
                if (x == null || y == null) {
                    if (x == y) {
                        continue;
                    }
                    order = (x == null) == key.nullsFirst() ? -1 : 1;
                    return order;
                }
                order = ValueOrder.compare(x, y);
                if (order != 0) {
                    return key.descending() ? -order : order;
                }
            }
            return 0;
        };
    }

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        Object wanted = rowsWanted == null ? null : rowsWanted.evaluate(null, environment.context());
        if (wanted != null) {
            return topN(environment, ((Number) wanted).longValue());
        }
        RowSource source = input.run(environment);
        List<Object[]> rows = new ArrayList<>();
        try (source) {
            while (source.next()) {
                rows.add(source.row());
            }
        }
        rows.sort(comparator());
        return new ListRowSource(rows);
    }

    /**
     * ORDER BY ... LIMIT: only the first {@code wanted} rows are kept, in a heap whose top is the
     * worst of them, so memory is bounded by the limit, not the input.
     */
    private RowSource topN(ExecutionEnvironment environment, long wanted) {
        Comparator<Object[]> order = comparator();
        int capacity = (int) Math.max(0, Math.min(wanted, Integer.MAX_VALUE - 8));
        PriorityQueue<Object[]> kept = new PriorityQueue<>(Math.max(1, Math.min(capacity, 1024)), order.reversed());
        try (RowSource source = input.run(environment)) {
            while (source.next()) {
                if (capacity == 0) {
                    continue;
                }
                Object[] row = source.row();
                if (kept.size() < capacity) {
                    kept.add(row);
                } else if (order.compare(row, kept.peek()) < 0) {
                    kept.poll();
                    kept.add(row);
                }
            }
        }
        List<Object[]> rows = new ArrayList<>(kept);
        rows.sort(order);
        return new ListRowSource(rows);
    }

    @Override
    public String describe() {
        return rowsWanted == null ? "Sort" : "Sort (top-N)";
    }

    @Override
    public List<PlanNode> children() {
        return List.of(input);
    }
}
