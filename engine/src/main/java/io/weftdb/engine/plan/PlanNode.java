package io.weftdb.engine.plan;

import io.weftdb.engine.exec.ExecutionEnvironment;
import io.weftdb.engine.exec.RowSource;
import io.weftdb.engine.expr.Scope;
import java.util.List;

/**
 * A node of a physical plan. Plans are immutable and hold no execution state, so one plan can be
 * opened many times (prepared statements, cached plans); {@link #open} creates the running operator.
 */
public interface PlanNode {
    /** The columns each produced row has, in order. */
    Scope output();

    RowSource open(ExecutionEnvironment environment);

    /** One line describing this node for EXPLAIN. */
    String describe();

    List<PlanNode> children();

    /** The indented plan tree, as EXPLAIN prints it. */
    default String explain() {
        StringBuilder out = new StringBuilder();
        explain(this, 0, out);
        return out.toString();
    }

    private static void explain(PlanNode node, int depth, StringBuilder out) {
        if (depth > 0) {
            out.append("  ".repeat(depth - 1)).append("->  ");
        }
        out.append(node.describe()).append('\n');
        for (PlanNode child : node.children()) {
            explain(child, depth + 1, out);
        }
    }
}
