package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.EvaluationContext;
import io.weftdb.engine.expr.Scope;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Set-returning functions in the select list ({@code SELECT id, unnest(tags) FROM t}): each input
 * row is repeated once per value the functions produce, the functions' values appended; when they
 * produce different numbers of rows the shorter ones read as NULL (PostgreSQL 10's rule), and an
 * input row for which none produces a row yields nothing.
 */
public record ProjectSetNode(PlanNode input, List<SetReturningFunctions.Bound> functions, Scope output)
        implements PlanNode {

    public ProjectSetNode {
        functions = List.copyOf(functions);
    }

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        EvaluationContext context = environment.context();
        int width = input.output().columns().size();
        RowSource rows = input.run(environment);
        return new RowSource() {
            private Object[] current;
            private Iterator<Object[]>[] produced;
            private Object[] row;

            @Override
            @SuppressWarnings("unchecked")
            public boolean next() {
                while (true) {
                    if (produced != null) {
                        boolean any = false;
                        Object[] out = new Object[width + functions.size()];
                        System.arraycopy(current, 0, out, 0, width);
                        for (int i = 0; i < produced.length; i++) {
                            if (produced[i].hasNext()) {
                                out[width + i] = produced[i].next()[0];
                                any = true;
                            }
                        }
                        if (any) {
                            row = out;
                            return true;
                        }
                    }
                    if (!rows.next()) {
                        return false;
                    }
                    environment.checkCancelled();
                    current = rows.row().clone();
                    produced = new Iterator[functions.size()];
                    for (int i = 0; i < produced.length; i++) {
                        produced[i] = start(functions.get(i), current, context);
                    }
                }
            }

            @Override
            public Object[] row() {
                return row;
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }

    private static Iterator<Object[]> start(SetReturningFunctions.Bound function, Object[] row, EvaluationContext context) {
        List<BoundExpr> arguments = function.arguments();
        Object[] values = new Object[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = arguments.get(i).evaluate(row, context);
            if (values[i] == null) {
                return Collections.emptyIterator();
            }
        }
        return function.rows().rows(values, context);
    }

    @Override
    public String describe() {
        return "ProjectSet";
    }

    @Override
    public List<PlanNode> children() {
        return List.of(input);
    }
}
