package io.weftdb.engine;

import io.weftdb.engine.catalog.Catalog;
import io.weftdb.engine.catalog.DatabaseDef;
import io.weftdb.engine.plan.PlanNode;
import io.weftdb.ir.stmt.Query;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A session's cache of query plans, keyed by the parsed statement object: protocols keep the IR of
 * a prepared statement (and of a repeated query string) and hand the same object back, so running it
 * again skips planning. Plans hold no execution state. A cached plan is used only while the catalog
 * version, database and search_path it was planned against are still the ones in force; any DDL
 * commit publishes a new catalog object, which invalidates every plan planned before it.
 */
final class PlanCache {
    private static final int MAX_ENTRIES = 512;

    private record Entry(Catalog catalog, DatabaseDef database, List<String> searchPath, PlanNode plan) {}

    private final Map<Query, Entry> entries = new IdentityHashMap<>();

    PlanNode plan(Query query, Catalog catalog, DatabaseDef database, List<String> searchPath, Supplier<PlanNode> planner) {
        Entry entry = entries.get(query);
        if (entry != null && entry.catalog() == catalog && entry.database() == database
                && entry.searchPath().equals(searchPath)) {
            return entry.plan();
        }
        PlanNode plan = planner.get();
        if (entries.size() >= MAX_ENTRIES) {
            // Simple bound: statements are usually few and hot; a flush is rare and only costs replanning.
            entries.clear();
        }
        entries.put(query, new Entry(catalog, database, searchPath, plan));
        return plan;
    }
}
