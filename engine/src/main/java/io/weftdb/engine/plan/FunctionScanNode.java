package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.Scope;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A function in FROM: evaluates the arguments once when opened (NULL arguments give no rows, as
 * the functions are strict) and streams the rows the function produces.
 */
public record FunctionScanNode(String name, List<BoundExpr> arguments, SetReturningFunctions.Rows rows, Scope output)
        implements PlanNode {

    public FunctionScanNode {
        arguments = List.copyOf(arguments);
    }

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        Object[] values = new Object[arguments.size()];
        boolean anyNull = false;
        for (int i = 0; i < values.length; i++) {
            values[i] = arguments.get(i).evaluate(null, environment.context());
            anyNull |= values[i] == null;
        }
        Iterator<Object[]> produced = anyNull ? Collections.emptyIterator() : rows.rows(values, environment.context());
        return new RowSource() {
            private Object[] row;

            @Override
            public boolean next() {
                if (!produced.hasNext()) {
                    return false;
                }
                environment.checkCancelled();
                row = produced.next();
                return true;
            }

            @Override
            public Object[] row() {
                return row;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String describe() {
        return "Function Scan on " + name;
    }

    @Override
    public List<PlanNode> children() {
        return List.of();
    }
}
