package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.BoundExpr;
import io.weftdb.engine.expr.Scope;
import io.weftdb.ir.error.ErrorCode;
import io.weftdb.ir.error.SqlException;
import java.util.List;

/** OFFSET then LIMIT; stops reading its input as soon as the limit is reached. A null bound means none. */
public record LimitNode(PlanNode input, BoundExpr limit, BoundExpr offset) implements PlanNode {
    @Override
    public Scope output() {
        return input.output();
    }

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        long maxRows = bound(limit, environment, "LIMIT", Long.MAX_VALUE);
        long skip = bound(offset, environment, "OFFSET", 0);
        RowSource source = input.run(environment);
        return new RowSource() {
            private long produced;
            private boolean skipped;

            @Override
            public boolean next() {
                if (!skipped) {
                    skipped = true;
                    for (long i = 0; i < skip; i++) {
                        if (!source.next()) {
                            return false;
                        }
                    }
                }
                if (produced >= maxRows || !source.next()) {
                    return false;
                }
                produced++;
                return true;
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

    private static long bound(BoundExpr expression, ExecutionEnvironment environment, String clause, long absent) {
        if (expression == null) {
            return absent;
        }
        Object value = expression.evaluate(null, environment.context());
        if (value == null) {
            return absent;
        }
        long number = (Long) value;
        if (number < 0) {
            throw new SqlException(ErrorCode.INVALID_PARAMETER_VALUE, clause + " must not be negative");
        }
        return number;
    }

    @Override
    public String describe() {
        return "Limit";
    }

    @Override
    public List<PlanNode> children() {
        return List.of(input);
    }
}
