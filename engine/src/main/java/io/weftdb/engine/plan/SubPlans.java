package io.weftdb.engine.plan;

import io.weftdb.ir.stmt.Query;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subqueries a statement evaluates inside expressions (WHERE, the select list, ON...), whose
 * plans the plan tree does not hold as children: kept so that EXPLAIN can print them after the
 * tree, as PostgreSQL prints its InitPlans and SubPlans. A subquery planned more than once (a FROM
 * item is planned once to learn its columns, then for good) keeps the plan it was given last, the
 * one that runs.
 */
public final class SubPlans {
    /** How a subquery's plan runs. */
    public enum Kind {
        /** Uncorrelated: once per statement, its answer kept. */
        INIT_PLAN("InitPlan %d (runs once)"),
        /** Correlated: again for every row of the enclosing query. */
        SUB_PLAN("SubPlan %d (runs for each outer row)"),
        /** Correlated by equalities only, decorrelated: once, its rows hashed by the correlation keys. */
        HASHED("SubPlan %d (decorrelated: runs once, looked up by key)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label(int number) {
            return String.format(label, number);
        }
    }

    public record Entry(Kind kind, PlanNode plan) {}

    private final Map<Query, Entry> byQuery = new IdentityHashMap<>();
    private final List<Query> order = new ArrayList<>();

    void add(Query query, Kind kind, PlanNode plan) {
        if (byQuery.put(query, new Entry(kind, plan)) == null) {
            order.add(query);
        }
    }

    /** The subquery plans in the order their subqueries were first planned. */
    public List<Entry> all() {
        return order.stream().map(byQuery::get).toList();
    }
}
