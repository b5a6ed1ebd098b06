package io.weftdb.engine.plan;

import io.weftdb.engine.expr.Scope;
import io.weftdb.ir.plan.LogicalPlan;
import io.weftdb.ir.stmt.FromItem;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns each part of a query block's {@link LogicalPlan} gives, which the rewrite rules need
 * to tell what a condition reads. A FROM item is planned once for them, and its scope kept for the
 * rest of the block.
 */
final class SourceScopes {
    private final QueryPlanner planner;
    private final Map<FromItem, Scope> known = new IdentityHashMap<>();

    SourceScopes(QueryPlanner planner) {
        this.planner = planner;
    }

    /** The columns of {@code plan}; {@code lateralLeft}: the columns a LATERAL source reads, else null. */
    Scope of(LogicalPlan plan, Scope lateralLeft) {
        return switch (plan) {
            case LogicalPlan.Source source -> of(source.item(), lateralLeft);
            case LogicalPlan.Filter filter -> of(filter.input(), lateralLeft);
            case LogicalPlan.OuterJoin join -> known.computeIfAbsent(join.join(), item -> new JoinPlanner(planner).scopeOf(join));
            case LogicalPlan.InnerJoin join -> {
                Scope all = Scope.EMPTY;
                boolean first = true;
                for (LogicalPlan input : join.inputs()) {
                    boolean lateral = !first && input instanceof LogicalPlan.Source source
                            && JoinPlanner.readsEarlierItems(source.item(), all);
                    all = all.concat(of(input, lateral ? all : null));
                    first = false;
                }
                yield all;
            }
        };
    }

    private Scope of(FromItem item, Scope lateralLeft) {
        Scope scope = known.get(item);
        if (scope == null) {
            scope = (lateralLeft != null ? planner.planLateral(item, lateralLeft) : planner.planFromItem(item, List.of()))
                    .output();
            known.put(item, scope);
        }
        return scope;
    }

    /** A rewritten item (conditions moved into its query) gives the columns the original gave. */
    void remember(FromItem item, Scope scope) {
        known.put(item, scope);
    }
}
