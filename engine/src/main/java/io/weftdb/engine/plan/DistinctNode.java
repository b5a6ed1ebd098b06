package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.Scope;
import java.util.List;

/**
 * Drops rows equal to one already produced (SELECT DISTINCT). Streams: a row comes out when first
 * seen; past work_mem the rows not yet seen are deduplicated from spill files at the end
 * ({@link DistinctRows}).
 */
public record DistinctNode(PlanNode input) implements PlanNode {
    @Override
    public Scope output() {
        return input.output();
    }

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        RowSource source = input.run(environment);
        DistinctRows distinct = new DistinctRows(output().columns().stream().map(Scope.Column::type).toList(), environment);
        return new RowSource() {
            private RowSource current = source;
            private boolean rest;

            @Override
            public boolean next() {
                if (!rest) {
                    while (source.next()) {
                        if (distinct.offer(source.row().clone())) {
                            return true;
                        }
                    }
                    rest = true;
                    current = distinct.rest();
                }
                return current.next();
            }

            @Override
            public Object[] row() {
                return current.row();
            }

            @Override
            public void close() {
                distinct.close();
                if (current != source) {
                    current.close();
                }
                source.close();
            }
        };
    }

    @Override
    public String describe() {
        return "HashAggregate (distinct)";
    }

    @Override
    public List<PlanNode> children() {
        return List.of(input);
    }
}
