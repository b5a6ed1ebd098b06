package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * WITH RECURSIVE: emits the non-recursive term's rows, then runs the recursive term again and again
 * over the rows the previous round produced (its working table) until a round produces none. With
 * UNION (not ALL) rows already produced are dropped, which is what ends most recursions over graphs.
 * Rows stream out as each round produces them; only the current round is held.
 */
public record RecursiveUnionNode(PlanNode initial, PlanNode recursive, WorkingTableNode workingTable, boolean all,
                                 Scope output) implements PlanNode {

    @Override
    public RowSource open(ExecutionEnvironment environment) {
        Set<RowKey> seen = all ? null : new HashSet<>();
        return new RowSource() {
            private RowSource current = initial.run(environment);
            private List<Object[]> produced = new ArrayList<>();
            private Object[] row;

            @Override
            public boolean next() {
                if (current == null) {
                    return false;
                }
                while (true) {
                    environment.checkCancelled();
                    if (current.next()) {
                        Object[] candidate = current.row().clone();
                        if (seen != null && !seen.add(new RowKey(candidate))) {
                            continue;
                        }
                        produced.add(candidate);
                        row = candidate;
                        return true;
                    }
                    current.close();
                    if (produced.isEmpty()) {
                        current = null;
                        return false;
                    }
                    environment.subqueryResults().put(workingTable, produced);
                    produced = new ArrayList<>();
                    current = recursive.run(environment);
                }
            }

            @Override
            public Object[] row() {
                return row;
            }

            @Override
            public void close() {
                if (current != null) {
                    current.close();
                    current = null;
                }
            }
        };
    }

    @Override
    public String describe() {
        return "Recursive Union";
    }

    @Override
    public List<PlanNode> children() {
        return List.of(initial, recursive);
    }
}
