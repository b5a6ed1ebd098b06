package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.Scope;
import io.weftdb.engine.value.ValueOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes the window functions that share one window (PARTITION BY and ORDER BY) over an input
 * sorted by the partition keys then the order keys, which its rows carry after their own
 * {@code inputWidth} columns ({@link WindowPlanner} puts a {@link SortNode} below, which spills to
 * disk past work_mem). Partitions stream through one at a time: only the current one is held, and
 * each output row is the input row's own columns followed by each function's value.
 */
public record WindowNode(PlanNode input, int inputWidth, int partitionKeys, int orderKeys, List<WindowFunction> functions,
                         Scope output) implements PlanNode {

    public WindowNode {
        functions = List.copyOf(functions);
    }

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        return new Partitions(input.run(environment), environment);
    }

    /** The output rows, a partition at a time. */
    private final class Partitions implements RowSource {
        private final RowSource source;
        private final ExecutionEnvironment environment;
        private final EvaluationContext context;
        /** The first row of the next partition, read ahead; null when none. */
        private Object[] lookahead;
        private boolean started;
        private List<Object[]> out = List.of();
        private int index = -1;

        Partitions(RowSource source, ExecutionEnvironment environment) {
            this.source = source;
            this.environment = environment;
            this.context = environment.context();
        }

        @Override
        public boolean next() {
            if (index + 1 < out.size()) {
                out.set(index, null);
                index++;
                return true;
            }
            if (!started) {
                started = true;
                lookahead = source.next() ? source.row().clone() : null;
            }
            if (lookahead == null) {
                return false;
            }
            out = nextPartition();
            index = 0;
            return true;
        }

        private List<Object[]> nextPartition() {
            List<Object[]> rows = new ArrayList<>();
            List<Object[]> orderValues = new ArrayList<>();
            Object[] first = lookahead;
            lookahead = null;
            Object[] row = first;
            while (row != null) {
                rows.add(row);
                orderValues.add(Arrays.copyOfRange(row, inputWidth + partitionKeys, inputWidth + partitionKeys + orderKeys));
                if (rows.size() % 1024 == 0) {
                    environment.checkCancelled();
                }
                if (!source.next()) {
                    break;
                }
                Object[] next = source.row().clone();
                if (!samePartition(first, next)) {
                    lookahead = next;
                    break;
                }
                row = next;
            }
            WindowPartition partition = new WindowPartition(rows, orderValues);
            Object[][] values = new Object[functions.size()][rows.size()];
            for (int f = 0; f < functions.size(); f++) {
                functions.get(f).compute(partition, values[f], context);
            }
            List<Object[]> result = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Object[] extended = new Object[inputWidth + functions.size()];
                System.arraycopy(rows.get(i), 0, extended, 0, inputWidth);
                for (int f = 0; f < functions.size(); f++) {
                    extended[inputWidth + f] = values[f][i];
                }
                result.add(extended);
            }
            return result;
        }

        private boolean samePartition(Object[] a, Object[] b) {
            for (int i = inputWidth; i < inputWidth + partitionKeys; i++) {
                if (a[i] == null || b[i] == null ? a[i] != b[i] : !ValueOrder.equal(a[i], b[i])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Object[] row() {
            return out.get(index);
        }

        @Override
        public void close() {
            source.close();
        }
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
