package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.ListRowSource;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.Scope;
import java.util.List;

/**
 * The reference to a recursive CTE inside its own recursive term: reads the rows the previous
 * iteration produced, which {@link RecursiveUnionNode} keeps in the statement's environment under
 * this node.
 */
public final class WorkingTableNode implements PlanNode {
    private final String name;
    private final Scope output;

    WorkingTableNode(String name, Scope output) {
        this.name = name;
        this.output = output;
    }

    @Override
    public Scope output() {
        return output;
    }

    @Override
    @SuppressWarnings("unchecked")
    public RowSource open(ExecutionEnvironment environment) {
        List<Object[]> rows = (List<Object[]>) environment.subqueryResults().get(this);
        return new ListRowSource(rows == null ? List.of() : rows);
    }

    @Override
    public String describe() {
        return "WorkTable Scan on " + name;
    }

    @Override
    public List<PlanNode> children() {
        return List.of();
    }
}
