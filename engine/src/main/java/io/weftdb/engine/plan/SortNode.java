package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.ListRowSource;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.exec.RowSizes;
import io.weftdb.engine.exec.SpillFile;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.value.ValueOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorts its input by columns of the input row. Rows are held in memory up to work_mem; past it
 * they are written to disk as sorted runs, merged at the end (an external merge sort). Under a
 * LIMIT only the rows the limit needs are kept (top-N).
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
        Comparator<Object[]> order = comparator();
        List<Object[]> rows = new ArrayList<>();
        List<SpillFile> runs = new ArrayList<>();
        long budget = environment.workMemoryBytes();
        long held = 0;
        try (RowSource source = input.run(environment)) {
            while (source.next()) {
                Object[] row = source.row();
                rows.add(row);
                held += RowSizes.estimate(row);
                if (held > budget) {
                    runs.add(spill(rows, order, environment));
                    rows.clear();
                    held = 0;
                }
            }
        } catch (RuntimeException e) {
            runs.forEach(SpillFile::close);
            throw e;
        }
        rows.sort(order);
        if (runs.isEmpty()) {
            return new ListRowSource(rows);
        }
        return merge(runs, new ListRowSource(rows), order);
    }

    /** Writes the rows held so far, sorted, as one run on disk: the sort outgrew work_mem. */
    private SpillFile spill(List<Object[]> rows, Comparator<Object[]> order, ExecutionEnvironment environment) {
        rows.sort(order);
        SpillFile run = new SpillFile(input.output().columns().stream().map(Scope.Column::type).toList());
        try {
            for (Object[] row : rows) {
                run.write(row);
            }
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
        environment.checkCancelled();
        return run;
    }

    /** A k-way merge of the sorted runs on disk and the last one in memory; closing deletes the files. */
    private static RowSource merge(List<SpillFile> runs, RowSource inMemory, Comparator<Object[]> order) {
        List<RowSource> sources = new ArrayList<>();
        for (SpillFile run : runs) {
            sources.add(run.read());
        }
        sources.add(inMemory);
        PriorityQueue<RowSource> heads = new PriorityQueue<>(sources.size(), (a, b) -> order.compare(a.row(), b.row()));
        for (RowSource source : sources) {
            if (source.next()) {
                heads.add(source);
            }
        }
        return new RowSource() {
            private RowSource current;
            private Object[] row;

            @Override
            public boolean next() {
                if (current != null && current.next()) {
                    heads.add(current);
                }
                current = heads.poll();
                if (current == null) {
                    return false;
                }
                row = current.row();
                return true;
            }

            @Override
            public Object[] row() {
                return row;
            }

            @Override
            public void close() {
                sources.forEach(RowSource::close);
                runs.forEach(SpillFile::close);
            }
        };
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
