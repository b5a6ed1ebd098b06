package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.Scope;
import java.util.List;

/**
 * DISTINCT ON: over input sorted so that rows with equal DISTINCT ON values are adjacent, keeps the
 * first row of each run (the first in ORDER BY order). Streams; holds one row's key.
 */
public record DistinctOnNode(PlanNode input, List<Integer> positions) implements PlanNode {
    public DistinctOnNode {
        positions = List.copyOf(positions);
    }

    @Override
    public Scope output() {
        return input.output();
    }

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        RowSource source = input.run(environment);
        return new RowSource() {
            private Object[] previous;

            @Override
            public boolean next() {
                while (source.next()) {
                    Object[] key = key(source.row());
                    if (previous == null || !RowKey.sameValues(previous, key)) {
                        previous = key;
                        return true;
                    }
                }
                return false;
            }

            @Override
            public Object[] row() {
                return source.row();
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    private Object[] key(Object[] row) {
        Object[] key = new Object[positions.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = row[positions.get(i)];
        }
        return key;
    }

    @Override
    public String describe() {
        return "Unique (DISTINCT ON)";
    }

    @Override
    public List<PlanNode> children() {
        return List.of(input);
    }
}
