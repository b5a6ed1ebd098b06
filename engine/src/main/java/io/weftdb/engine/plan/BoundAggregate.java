package io.weftdb.engine.plan;

import io.weftdb.engine.aggregate.AggregateFunction;
import io.weftdb.engine.expr.BoundExpr;
import java.util.List;

/**
 * One aggregate call compiled against the aggregation's input: its resolved function, arguments
 * (already cast to the function's argument types), optional FILTER condition, DISTINCT flag, and
 * the ORDER BY inside the call ({@code orderKeys} index {@code orderBy}'s values).
 */
record BoundAggregate(AggregateFunction function, List<BoundExpr> arguments, BoundExpr filter, boolean distinct,
                      List<BoundExpr> orderBy, List<SortNode.SortKey> orderKeys) {
    BoundAggregate {
        arguments = List.copyOf(arguments);
        orderBy = List.copyOf(orderBy);
        orderKeys = List.copyOf(orderKeys);
    }

    /** Whether the rows must reach the aggregate in an order ({@code string_agg(x, ',' ORDER BY y)}). */
    boolean ordered() {
        return !orderBy.isEmpty();
    }
}
