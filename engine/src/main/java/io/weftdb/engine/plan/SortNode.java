package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.ListRowSource;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.value.ValueOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts its input by columns of the input row. Materialises the input in memory (sorting needs all
 * rows); spilling to disk past a memory budget belongs to the query-engine work.
 */
public record SortNode(PlanNode input, List<SortKey> keys) implements PlanNode {
    /** Sort by input column {@code position}. */
    public record SortKey(int position, boolean descending, boolean nullsFirst) {}

    public SortNode {
        keys = List.copyOf(keys);
    }

    @Override
    public Scope output() {
        return input.output();
    }

    public Comparator<Object[]> comparator() {
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
        RowSource source = input.open(environment);
        List<Object[]> rows = new ArrayList<>();
        try (source) {
            while (source.next()) {
                rows.add(source.row());
            }
        }
        rows.sort(comparator());
        return new ListRowSource(rows);
    }

    @Override
    public String describe() {
        return "Sort";
    }

    @Override
    public List<PlanNode> children() {
        return List.of(input);
    }
}
