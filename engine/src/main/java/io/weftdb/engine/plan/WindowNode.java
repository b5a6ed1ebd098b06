package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.ListRowSource;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.value.ValueOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Computes the window functions that share one window (PARTITION BY and ORDER BY): sorts the input
 * by partition then order keys, and appends each function's value to every row. The input is held
 * in memory, as the sort needs it all.
 */
public record WindowNode(PlanNode input, List<BoundExpr> partitionBy, List<BoundExpr> orderBy, List<Boolean> descending,
                         List<Boolean> nullsFirst, List<WindowFunction> functions, Scope output) implements PlanNode {

    public WindowNode {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
        descending = List.copyOf(descending);
        nullsFirst = List.copyOf(nullsFirst);
        functions = List.copyOf(functions);
    }

    /** An input row with its partition and order key values. */
    private record Keyed(Object[] row, Object[] partition, Object[] order) {}

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        EvaluationContext context = environment.context();
        List<Keyed> rows = new ArrayList<>();
        try (RowSource source = input.run(environment)) {
            while (source.next()) {
                environment.checkCancelled();
                Object[] row = source.row().clone();
                rows.add(new Keyed(row, evaluate(partitionBy, row, context), evaluate(orderBy, row, context)));
            }
        }
        rows.sort(comparator());
        int inputWidth = input.output().columns().size();
        List<Object[]> out = new ArrayList<>(rows.size());
        int start = 0;
        while (start < rows.size()) {
            int end = start + 1;
            while (end < rows.size() && RowKey.sameValues(rows.get(start).partition(), rows.get(end).partition())) {
                end++;
            }
            List<Keyed> members = rows.subList(start, end);
            WindowPartition partition = new WindowPartition(members.stream().map(Keyed::row).toList(),
                    members.stream().map(Keyed::order).toList());
            Object[][] values = new Object[functions.size()][members.size()];
            for (int f = 0; f < functions.size(); f++) {
                functions.get(f).compute(partition, values[f], context);
            }
            for (int i = 0; i < members.size(); i++) {
                Object[] extended = new Object[inputWidth + functions.size()];
                System.arraycopy(members.get(i).row(), 0, extended, 0, inputWidth);
                for (int f = 0; f < functions.size(); f++) {
                    extended[inputWidth + f] = values[f][i];
                }
                out.add(extended);
            }
            start = end;
        }
        return new ListRowSource(out);
    }

    private static Object[] evaluate(List<BoundExpr> expressions, Object[] row, EvaluationContext context) {
        Object[] values = new Object[expressions.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = expressions.get(i).evaluate(row, context);
        }
        return values;
    }

    private Comparator<Keyed> comparator() {
        return (a, b) -> {
            int order = compare(a.partition(), b.partition(), null, null);
            return order != 0 ? order : compare(a.order(), b.order(), descending, nullsFirst);
        };
    }

    private static int compare(Object[] a, Object[] b, List<Boolean> descending, List<Boolean> nullsFirst) {
        for (int i = 0; i < a.length; i++) {
            Object x = a[i];
            Object y = b[i];
            boolean desc = descending != null && descending.get(i);
            if (x == null || y == null) {
                if (x == y) {
                    continue;
                }
                boolean first = nullsFirst != null ? nullsFirst.get(i) : false;
                return (x == null) == first ? -1 : 1;
            }
            int order = ValueOrder.compare(x, y);
            if (order != 0) {
                return desc ? -order : order;
            }
        }
        return 0;
    }

    @Override
    public String describe() {
        return "WindowAgg";
    }

    @Override
    public List<PlanNode> children() {
        return List.of(input);
    }
}
