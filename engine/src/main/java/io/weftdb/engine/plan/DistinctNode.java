package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.Scope;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Drops rows equal to one already produced (SELECT DISTINCT); streams, remembering the rows seen. */
public record DistinctNode(PlanNode input) implements PlanNode {
    @Override
    public Scope output() {
        return input.output();
    }

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        RowSource source = input.run(environment);
        Set<RowKey> seen = new HashSet<>();
        return new RowSource() {
            @Override
            public boolean next() {
                while (source.next()) {
                    if (seen.add(new RowKey(source.row()))) {
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
                seen.clear();
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
