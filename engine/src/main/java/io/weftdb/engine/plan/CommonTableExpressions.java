package io.weftdb.engine.plan;

import io.weftdb.ir.stmt.Query;
import java.util.HashMap;
import java.util.Map;

/**
 * The WITH queries visible where a query is planned, by name. A query's own WITH list extends its
 * enclosing query's (subqueries see their parents' CTEs); an inner name hides an outer one.
 */
final class CommonTableExpressions {
    static final CommonTableExpressions NONE = new CommonTableExpressions(Map.of());

    /** What a name in FROM stands for. */
    sealed interface Definition {}

    /** A CTE planned at each reference, in the scope it was defined in (later siblings are not visible to it). */
    record Inline(Query.With with, CommonTableExpressions visible) implements Definition {}

    /** A recursive CTE, planned once; each reference reads the same plan. */
    record Planned(PlanNode plan) implements Definition {}

    /** A recursive CTE's own name inside its recursive term: the rows of the previous iteration. */
    record Working(WorkingTableNode node) implements Definition {}

    private final Map<String, Definition> definitions;

    private CommonTableExpressions(Map<String, Definition> definitions) {
        this.definitions = definitions;
    }

    CommonTableExpressions with(String name, Definition definition) {
        Map<String, Definition> extended = new HashMap<>(definitions);
        extended.put(name, definition);
        return new CommonTableExpressions(Map.copyOf(extended));
    }

    Definition find(String name) {
        return definitions.get(name);
    }
}
