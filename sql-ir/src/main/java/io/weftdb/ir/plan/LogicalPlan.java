package io.weftdb.ir.plan;

import io.weftdb.ir.expr.Expr;
import io.weftdb.ir.stmt.FromItem;
import io.weftdb.ir.stmt.Query;
import java.util.List;

/**
 * The FROM and WHERE clauses of a query block as a relational tree: what the rewrite rules
 * (constant folding, predicate pushdown, outer-join reduction, pushdown into derived tables and
 * views) change before the engine chooses scans, join order and join methods. Expressions are the
 * parser's, unbound; which relation a column belongs to is the engine's to tell.
 */
public sealed interface LogicalPlan {

    /**
     * A FROM item planned whole (a table, view, CTE reference, function or derived table) with the
     * conditions that read only it: the engine picks its access path from them.
     */
    record Source(FromItem item, List<Expr> filters, Query viewBody) implements LogicalPlan {
        /**
         * @param viewBody for a view, the query planned in place of its stored one (conditions moved
         *                 into it by {@link QueryPushdown}); null to plan the item as it is
         */
        public Source {
            filters = List.copyOf(filters);
        }

        public Source(FromItem item) {
            this(item, List.of(), null);
        }

        public Source withFilters(List<Expr> more) {
            return new Source(item, concat(filters, more), viewBody);
        }
    }

    /**
     * An inner join of several inputs in no set order (the engine orders them by estimated rows),
     * with the conditions that read more than one of them. {@code writtenOrder}: an input reads the
     * ones to its left (LATERAL), so they join in the order written.
     */
    record InnerJoin(List<LogicalPlan> inputs, List<Expr> conditions, boolean writtenOrder) implements LogicalPlan {
        public InnerJoin {
            inputs = List.copyOf(inputs);
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * An outer, NATURAL or USING join in its written shape: {@code join} gives its type and USING
     * columns; {@code left} and {@code right} are its sides.
     */
    record OuterJoin(FromItem.Join join, LogicalPlan left, LogicalPlan right, List<Expr> on) implements LogicalPlan {
        /** @param on the ON conjuncts tested at the join (those reading only the side it may null-extend moved into it) */
        public OuterJoin {
            on = List.copyOf(on);
        }
    }

    /**
     * Conditions over the whole input: those holding subqueries, reading only enclosing queries'
     * columns, or that no input could take without changing the result.
     */
    record Filter(LogicalPlan input, List<Expr> conditions) implements LogicalPlan {
        public Filter {
            conditions = List.copyOf(conditions);
        }
    }

    private static List<Expr> concat(List<Expr> first, List<Expr> second) {
        if (second.isEmpty()) {
            return first;
        }
        List<Expr> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
