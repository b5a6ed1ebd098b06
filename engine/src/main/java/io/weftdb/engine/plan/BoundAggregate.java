package io.weftdb.engine.plan;

import io.weftdb.engine.aggregate.AggregateFunction;
import io.weftdb.engine.expr.BoundExpr;
import java.util.List;

/**
 * One aggregate call compiled against the aggregation's input: its resolved function, arguments
 * (already cast to the function's argument types), optional FILTER condition and DISTINCT flag.
 */
record BoundAggregate(AggregateFunction function, List<BoundExpr> arguments, BoundExpr filter, boolean distinct) {
    BoundAggregate {
        arguments = List.copyOf(arguments);
    }
}
