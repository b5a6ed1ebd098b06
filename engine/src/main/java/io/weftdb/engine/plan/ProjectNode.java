package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.Scope;
import java.util.List;

/** Computes the output columns from each input row. */
public record ProjectNode(PlanNode input, List<BoundExpr> expressions, Scope output) implements PlanNode {
    public ProjectNode {
        expressions = List.copyOf(expressions);
    }

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        RowSource source = input.run(environment);
        BoundExpr[] compiled = expressions.toArray(new BoundExpr[0]);
        return new RowSource() {
            private Object[] row;

            @Override
            public boolean next() {
                if (!source.next()) {
                    return false;
                }
                Object[] in = source.row();
                Object[] out = new Object[compiled.length];
                for (int i = 0; i < compiled.length; i++) {
                    out[i] = compiled[i].evaluate(in, environment.context());
                }
                row = out;
                return true;
            }

            @Override
            public Object[] row() {
                return row;
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    @Override
    public String describe() {
        return "Project: " + String.join(", ", output.columns().stream().map(Scope.Column::name).toList());
    }

    @Override
    public List<PlanNode> children() {
        return List.of(input);
    }
}
